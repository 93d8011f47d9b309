"""Creates in bursts (issue #20): cold create -> first command, bursts, idle memory, capacity.

Every loop is bounded in count and time (the whole scenario stays well under three minutes on
a 2-core machine). Cold figures come from a second server with the warm pool off; bursts use the
bench's own server (default pool). ``python -m bench.burst_bench`` runs it alone.
"""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from bench.figures import Report
from hopx_local.launcher import RunningServer, local_server

MB = 1024 * 1024
CAPACITY_CAP = 150
CAPACITY_SECONDS = 60.0


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def _mem_available() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) * 1024
    raise RuntimeError("no MemAvailable in /proc/meminfo")


def _cgroup_charge(sandbox_id: str) -> int | None:
    for path in (
        Path("/sys/fs/cgroup/memory/hopx-local") / sandbox_id / "memory.usage_in_bytes",
        Path("/sys/fs/cgroup/hopx-local") / sandbox_id / "memory.current",
    ):
        try:
            return int(path.read_text())
        except (OSError, ValueError):
            continue
    return None


def _add_with_p99(report: Report, name: str, unit: str, samples: list[float]) -> None:
    report.add(name, unit, samples)
    report.add(f"{name} p99", unit, [p99(samples)])


def create_to_first_command_ms(server: RunningServer, count: int) -> list[float]:
    """``count`` times: create a base sandbox and run one command (ms); each is killed after."""
    from hopx_ai import Sandbox

    times = []
    for _ in range(count):
        start = time.perf_counter()
        sandbox = Sandbox.create(template="base", api_key=server.api_key, base_url=server.base_url)
        sandbox.commands.run("true")
        times.append((time.perf_counter() - start) * 1000)
        sandbox.kill()
    return times


def cold_creates(report: Report, server: RunningServer) -> None:
    """create -> first command with the pool off (every create starts an agent)."""
    times = create_to_first_command_ms(server, report.repeats(30))
    name = "create to first command, pool off (base)"
    _add_with_p99(report, name, "ms", times)
    report.target(name, "< 50 ms", statistics.median(times) < 50)


def idle_memory(report: Report, server: RunningServer, template: str, count: int) -> None:
    """Host MemAvailable drop and cgroup charge per idle sandbox (pool off)."""
    from hopx_ai import Sandbox

    time.sleep(1.0)
    before = _mem_available()
    sandboxes = [
        Sandbox.create(template=template, api_key=server.api_key, base_url=server.base_url)
        for _ in range(count)
    ]
    try:
        for sandbox in sandboxes:
            sandbox.commands.run("true")
        time.sleep(2.0)  # start-up allocations (a kernel, for code-interpreter) settle
        drop = (before - _mem_available()) / MB / count
        charges = [
            charge / MB
            for charge in (_cgroup_charge(sandbox.sandbox_id) for sandbox in sandboxes)
            if charge is not None
        ]
    finally:
        for sandbox in sandboxes:
            sandbox.kill()
    limit = 8 if template == "base" else 24
    name = f"idle sandbox, host MemAvailable drop ({template})"
    report.add(name, "MiB", [drop])
    report.target(name, f"< {limit} MiB", drop < limit)
    if charges:
        name = f"idle sandbox, cgroup charge ({template})"
        report.add(name, "MiB", charges)
        report.target(name, f"< {limit} MiB", statistics.median(charges) < limit)


def capacity(report: Report, server: RunningServer) -> None:
    """Idle base sandboxes one server holds before a create fails (capped)."""
    from hopx_ai import Sandbox
    from hopx_ai.errors import HopxError

    held: list[Sandbox] = []
    failure = "none (cap reached)"
    deadline = time.monotonic() + CAPACITY_SECONDS
    try:
        while len(held) < CAPACITY_CAP and time.monotonic() < deadline:
            try:
                held.append(
                    Sandbox.create(
                        template="base", api_key=server.api_key, base_url=server.base_url
                    )
                )
            except HopxError as error:
                failure = f"{type(error).__name__}: {error}"[:200]
                break
    finally:
        count = len(held)
        with ThreadPoolExecutor(max_workers=8) as pool:
            list(pool.map(lambda sandbox: sandbox.kill(), held))
    report.add("idle base sandboxes held (capped)", "sandboxes", [float(count)])
    report.notes.append(
        f"capacity: {count} idle base sandboxes (cap {CAPACITY_CAP}, {CAPACITY_SECONDS:g} s), "
        f"stopped by: {failure}"
    )


async def _async_burst(server: RunningServer, count: int) -> tuple[list[float], float]:
    from hopx_ai import AsyncSandbox

    async def one() -> float:
        start = time.perf_counter()
        sandbox = await AsyncSandbox.create(
            template="base", api_key=server.api_key, base_url=server.base_url
        )
        try:
            await sandbox.commands.run("echo hi")
            return (time.perf_counter() - start) * 1000
        finally:
            await sandbox.kill()

    start = time.perf_counter()
    times = await asyncio.gather(*(one() for _ in range(count)))
    return list(times), time.perf_counter() - start


def _thread_burst(server: RunningServer, count: int) -> tuple[list[float], float]:
    from hopx_ai import Sandbox

    def one(_: int) -> float:
        start = time.perf_counter()
        with Sandbox.create(
            template="base", api_key=server.api_key, base_url=server.base_url
        ) as sandbox:
            sandbox.commands.run("echo hi")
            return (time.perf_counter() - start) * 1000

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=count) as pool:
        times = list(pool.map(one, range(count)))
    return times, time.perf_counter() - start


def _settle(server: RunningServer) -> None:
    """Give the warm pool time to refill between bursts (bounded)."""
    time.sleep(5.0)


def bursts(report: Report, server: RunningServer) -> None:
    """Concurrent create + one command, default pool: async, threads, a computesdk-style 100."""
    count = 10 if report.quick else 50
    _settle(server)
    times, wall = asyncio.run(_async_burst(server, count))
    name = f"burst of {count} AsyncSandbox create+command"
    _add_with_p99(report, name, "ms", times)
    report.add(f"{name} wall", "s", [wall])
    report.target(f"{name} p99", "< 1000 ms", p99(times) < 1000)
    report.target(f"{name} wall", "< 2 s", wall < 2)

    _settle(server)
    times, wall = _thread_burst(server, count)
    name = f"burst of {count} Sandbox+threads create+command"
    _add_with_p99(report, name, "ms", times)
    report.add(f"{name} wall", "s", [wall])
    report.ratio(
        "burst wall (async / threads)",
        f"burst of {count} AsyncSandbox create+command wall",
        f"{name} wall",
        "<= 1.0 (async at least as fast as threads)",
        lambda ratio: ratio <= 1.0,
    )

    # computesdk/benchmarks' burst: n concurrent, each timed from its create to its command.
    big = 20 if report.quick else 100
    _settle(server)
    times, wall = asyncio.run(_async_burst(server, big))
    name = f"burst of {big} (computesdk style) time to interactive"
    _add_with_p99(report, name, "ms", times)
    report.add(f"{name} wall", "s", [wall])
    report.notes.append(f"threads alive after bursts: {threading.active_count()}")


def scenario(report: Report, server: RunningServer) -> None:
    """``make bench``'s burst scenario (the bench's server and one with the pool off)."""
    steps: list[tuple[str, Callable[[RunningServer], None]]] = []
    with (
        tempfile.TemporaryDirectory(prefix="hopx-bench-cold-") as scratch,
        local_server(Path(scratch), extra_args=["--warm-pool", "0"]) as cold,
    ):
        steps = [
            ("cold creates", lambda s: cold_creates(report, s)),
            ("idle memory base", lambda s: idle_memory(report, s, "base", 10)),
            (
                "idle memory code-interpreter",
                lambda s: idle_memory(report, s, "code-interpreter", 4),
            ),
            ("capacity", lambda s: capacity(report, s)),
        ]
        for label, step in steps:
            try:
                step(cold)
            except Exception as exc:
                report.notes.append(f"burst/{label} failed: {type(exc).__name__}: {exc}")
    bursts(report, server)


def main() -> None:
    import argparse
    import json

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", nargs="*", default=None, help="cold, memory, capacity, bursts")
    args = parser.parse_args()
    report = Report(quick=args.quick)
    only = set(args.only or ("cold", "memory", "capacity", "bursts"))
    with tempfile.TemporaryDirectory(prefix="hopx-bench-") as scratch:
        if "bursts" in only:
            with local_server(Path(scratch)) as server:
                bursts(report, server)
        (Path(scratch) / "cold").mkdir()
        with local_server(Path(scratch) / "cold", extra_args=["--warm-pool", "0"]) as cold:
            if "cold" in only:
                cold_creates(report, cold)
            if "memory" in only:
                idle_memory(report, cold, "base", 10)
                idle_memory(report, cold, "code-interpreter", 4)
            if "capacity" in only:
                capacity(report, cold)
    print(json.dumps(report.as_dict(), indent=1))


if __name__ == "__main__":
    main()
