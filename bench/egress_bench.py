"""What the egress policy costs: per connection, on throughput, to set up and to update.

    sudo .venv/bin/python -m bench.egress_bench [--quick]

Two paths from a network namespace to a server on a test host (a namespace this bench creates,
on a veth pair; nothing leaves the machine):
- "slirp": slirp4netns attached to the namespace itself (the path before the egress policy);
- "policy": the egress namespace of ``hopx_local.runtime.egress`` (veth, nftables filter with
  a few dozen CIDRs and domain patterns, NAT, then the same slirp4netns).
The client runs in the bench process on sockets created in the namespace (as the control
plane's dialer does), so both paths are measured by the same code.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from hopx_local.runtime.egress import Egress
from hopx_local.runtime.egress_policy import EgressPolicy
from hopx_local.runtime.netns import NetnsDialer
from hopx_local.runtime.network import attach_slirp4netns
from hopx_local.runtime.runtime import EGRESS_TOOLS, HOST_PATH
from tests.runtime.netns_hosts import NetnsHost, netns_host

PORT = 8090
SERVER = r"""
import socket, sys, threading
def serve(c):
    with c:
        kind = c.recv(1)
        if kind == b"e":
            c.sendall(b"e")
            return
        total = 0
        while True:
            chunk = c.recv(1 << 20)
            if not chunk:
                break
            total += len(chunk)
        c.sendall(str(total).encode())
server = socket.create_server((sys.argv[1], int(sys.argv[2])), backlog=256)
print("listening", flush=True)
while True:
    c, _ = server.accept()
    threading.Thread(target=serve, args=(c,), daemon=True).start()
"""


def _policy(host: NetnsHost) -> EgressPolicy:
    """A realistic list: the test host's CIDR among documentation ranges and domain patterns."""
    allow = [f"{host.address}/32"] + [f"203.0.113.{i * 8}/29" for i in range(16)]
    allow += [f"*.service{i}.example.com" for i in range(16)]
    deny = [f"198.51.100.{i}/32" for i in range(200, 216)] + ["ads.example.com"]
    return EgressPolicy.parse(allow, deny)


@asynccontextmanager
async def _namespace() -> AsyncIterator[subprocess.Popen[bytes]]:
    """A process alone in a new network namespace (what a sandbox's pid 1 is to the paths)."""
    process = subprocess.Popen(["unshare", "--net", "sleep", "600"])
    try:
        for _ in range(200):
            if os.readlink(f"/proc/{process.pid}/ns/net") != os.readlink("/proc/self/ns/net"):
                break
            await asyncio.sleep(0.005)
        yield process
    finally:
        process.kill()
        process.wait(10)


async def _connect_once(dialer: NetnsDialer, pid: int, address: str) -> float:
    loop = asyncio.get_running_loop()
    started = time.perf_counter()
    sock = await dialer.socket(pid)
    with sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, (address, PORT))
        await loop.sock_sendall(sock, b"e")
        assert await loop.sock_recv(sock, 1) == b"e"
    return (time.perf_counter() - started) * 1000


async def _throughput(dialer: NetnsDialer, pid: int, address: str, size: int) -> float:
    loop = asyncio.get_running_loop()
    chunk = b"x" * (1 << 20)
    sock = await dialer.socket(pid)
    with sock:
        sock.setblocking(False)
        await loop.sock_connect(sock, (address, PORT))
        started = time.perf_counter()
        await loop.sock_sendall(sock, b"s")
        for _ in range(size // len(chunk)):
            await loop.sock_sendall(sock, chunk)
        sock.shutdown(socket.SHUT_WR)
        answer = await loop.sock_recv(sock, 64)
        elapsed = time.perf_counter() - started
    assert int(answer) == size, answer
    return size / elapsed / 1e6


async def _measure(
    name: str,
    attach: Callable[[int], Awaitable[Callable[[], Awaitable[None]]]],
    dialer: NetnsDialer,
    address: str,
    repeats: int,
    megabytes: int,
) -> dict[str, Any]:
    async with _namespace() as holder:
        started = time.perf_counter()
        close = await attach(holder.pid)
        setup_ms = (time.perf_counter() - started) * 1000
        try:
            await _connect_once(dialer, holder.pid, address)  # warm-up
            connects = [await _connect_once(dialer, holder.pid, address) for _ in range(repeats)]
            rates = [
                await _throughput(dialer, holder.pid, address, megabytes << 20) for _ in range(3)
            ]
        finally:
            await close()
    return {
        "path": name,
        "setup_ms": setup_ms,
        "connect_echo_ms_median": statistics.median(connects),
        "connect_echo_ms_p95": sorted(connects)[int(0.95 * (len(connects) - 1))],
        "throughput_mb_s_median": statistics.median(rates),
    }


async def run(quick: bool = False) -> dict[str, Any]:
    tools = {name: shutil.which(name, path=HOST_PATH) or name for name in EGRESS_TOOLS}
    repeats, megabytes = (30, 64) if quick else (200, 256)
    dialer = NetnsDialer()
    scratch = Path(tempfile.mkdtemp(prefix="hopx-egress-bench-"))
    results: dict[str, Any] = {}
    try:
        with netns_host() as host:
            host.serve(SERVER, "0.0.0.0", str(PORT))
            policy = _policy(host)

            async def plain(pid: int) -> Callable[[], Awaitable[None]]:
                slirp = await attach_slirp4netns(tools["slirp4netns"], pid, [], scratch / "s.log")

                async def close() -> None:
                    slirp.close()
                    await slirp.process.wait()

                return close

            egresses: list[Egress] = []

            async def filtered(pid: int) -> Callable[[], Awaitable[None]]:
                egress = await Egress.attach(
                    netns_pid=pid,
                    dialer=dialer,
                    tools=tools,
                    procs_files=[],
                    log_path=scratch / "e.log",
                    policy=policy,
                    upstreams=[],
                )
                egresses.append(egress)
                return egress.close

            slirp = await _measure("slirp", plain, dialer, host.address, repeats, megabytes)
            filtered_result = await _measure(
                "policy", filtered, dialer, host.address, repeats, megabytes
            )
            results = {"slirp": slirp, "policy": filtered_result}
            # Replacing the policy of a running sandbox (what PUT .../network costs inside).
            async with _namespace() as holder:
                egress = await Egress.attach(
                    netns_pid=holder.pid,
                    dialer=dialer,
                    tools=tools,
                    procs_files=[],
                    log_path=scratch / "u.log",
                    policy=policy,
                    upstreams=[],
                )
                try:
                    updates = []
                    for i in range(repeats // 4 or 3):
                        other = EgressPolicy.parse([*policy.allow_out, f"192.0.2.{i}/32"])
                        started = time.perf_counter()
                        await egress.apply(other)
                        updates.append((time.perf_counter() - started) * 1000)
                finally:
                    await egress.close()
            results["update_ms_median"] = statistics.median(updates)
    finally:
        dialer.close()
        shutil.rmtree(scratch, ignore_errors=True)
    return results


def scenario(report: Any, server: Any) -> None:
    """``make bench`` scenario ``egress`` (the server is not used: the runtime is measured)."""
    results = asyncio.run(run(report.quick))
    for path in ("slirp", "policy"):
        figures = results[path]
        report.add(f"egress {path}: connect + echo", "ms", [figures["connect_echo_ms_median"]])
        report.add(f"egress {path}: throughput", "MB/s", [figures["throughput_mb_s_median"]])
        report.add(f"egress {path}: set-up", "ms", [figures["setup_ms"]])
    report.add("egress policy: update", "ms", [results["update_ms_median"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    results = asyncio.run(run(args.quick))
    for path in ("slirp", "policy"):
        figures = {key: value for key, value in results[path].items() if key != "path"}
        line = ", ".join(f"{key} {value:.2f}" for key, value in figures.items())
        print(f"{path:7} {line}")
    print(f"policy update (apply) median {results['update_ms_median']:.2f} ms")


if __name__ == "__main__":
    main()
