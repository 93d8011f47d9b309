"""Agent micro-benchmarks: start-to-healthy, idle memory, request latencies, download throughput.

    .venv/bin/python bench/agent_bench.py [--runs 200]

Starts the agent the way a sandbox does (``/usr/bin/python3 [-S] -m hopx_local.agent``) on a
temporary unix socket, unprivileged when run as root, and prints one line per figure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from hopx_local.agent.auth import sign  # noqa: E402

SITE_PACKAGES = next(Path(sys.prefix).glob("lib/python3*/site-packages"))
SECRET = b"bench-secret"


def start(root: Path, *, no_site: bool, kernel_start: str) -> tuple[subprocess.Popen[bytes], str]:
    socket_path = str(root / "agent.sock")
    for name in ("workspace", "home"):
        (root / name).mkdir(exist_ok=True)
    (root / "key").write_bytes(SECRET)
    drop = []
    if os.geteuid() == 0:
        for path in root.iterdir():
            os.chown(path, 65534, 65534)
        os.chown(root, 65534, 65534)
        drop = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
    argv = [*drop, "/usr/bin/python3", *(["-S"] if no_site else []), "-m", "hopx_local.agent",
            "--socket", socket_path, "--workspace", str(root / "workspace"),
            "--key-file", str(root / "key"), "--sandbox-id", "sbx_bench",
            "--spec-cache", str(root / "spec"), "--kernel-start", kernel_start]  # fmt: skip
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(root / "home"),
        "PYTHONPATH": f"{REPO / 'src'}:{SITE_PACKAGES}",
    }
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return process, socket_path


def wait_healthy(socket_path: str, process: subprocess.Popen[bytes]) -> float:
    started = time.perf_counter()
    transport = httpx.HTTPTransport(uds=socket_path)
    with httpx.Client(transport=transport, base_url="http://agent") as client:
        while True:
            if process.poll() is not None:
                raise RuntimeError("agent exited")
            try:
                if client.get("/health").json()["status"] == "healthy":
                    return time.perf_counter() - started
            except (httpx.HTTPError, OSError):
                time.sleep(0.001)


def rss_mib(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def uss_mib(pid: int) -> float:
    """Memory private to the process (shared library pages excluded)."""
    total = 0
    with open(f"/proc/{pid}/smaps_rollup") as handle:
        for line in handle:
            if line.startswith(("Private_Clean:", "Private_Dirty:")):
                total += int(line.split()[1])
    return total / 1024


def tree_rss_mib(pid: int) -> float:
    children = subprocess.run(
        ["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False
    ).stdout.split()
    return rss_mib(pid) + sum(tree_rss_mib(int(child)) for child in children)


def median_ms(samples: list[float]) -> str:
    return f"median {statistics.median(samples) * 1000:.2f} ms, p90 " + (
        f"{statistics.quantiles(samples, n=10)[-1] * 1000:.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    print(f"load average: {os.getloadavg()}")
    for no_site in (False, True):
        times = []
        for _ in range(5):
            root = Path(tempfile.mkdtemp(prefix="hopx-bench-"))
            process, socket_path = start(root, no_site=no_site, kernel_start="lazy")
            # the spec JSON cache is warm after the first start, as with a shared cache dir
            times.append(wait_healthy(socket_path, process))
            process.terminate()
            process.wait()
            shutil.rmtree(root, ignore_errors=True)
        label = "python3 -S" if no_site else "python3"
        print(f"start-to-healthy ({label}): first {times[0] * 1000:.0f} ms, "
              f"then median {statistics.median(times[1:]) * 1000:.0f} ms")  # fmt: skip

    root = Path(tempfile.mkdtemp(prefix="hopx-bench-"))
    process, socket_path = start(root, no_site=True, kernel_start="lazy")
    wait_healthy(socket_path, process)
    time.sleep(0.5)
    print(
        f"idle, agent only: RSS {rss_mib(process.pid):.1f} MiB, USS {uss_mib(process.pid):.1f} MiB"
    )
    now = int(time.time())
    token = sign({"sub": "sbx_bench", "iat": now, "exp": now + 3600}, SECRET)
    client = httpx.Client(
        transport=httpx.HTTPTransport(uds=socket_path),
        base_url="http://agent",
        headers={"Authorization": f"Bearer {token}"},
        timeout=120,
    )
    samples = []
    for _ in range(args.runs):
        started = time.perf_counter()
        assert client.post("/commands/run", json={"command": "true"}).json()["exit_code"] == 0
        samples.append(time.perf_counter() - started)
    print(f"/commands/run 'true': {median_ms(samples)}")
    samples = []
    for _ in range(args.runs):
        started = time.perf_counter()
        client.get("/ping")
        samples.append(time.perf_counter() - started)
    print(f"GET /ping: {median_ms(samples)}")

    started = time.perf_counter()
    assert client.post("/execute", json={"code": "1+1"}).json()["result"] == "2"
    print(f"first python execute (kernel start): {(time.perf_counter() - started) * 1000:.0f} ms")
    samples = []
    for _ in range(args.runs):
        started = time.perf_counter()
        assert client.post("/execute", json={"code": "1+1"}).json()["result"] == "2"
        samples.append(time.perf_counter() - started)
    print(f"warm kernel '1+1': {median_ms(samples)}")
    time.sleep(0.5)
    print(f"idle with kernel: agent RSS {rss_mib(process.pid):.1f} MiB "
          f"(USS {uss_mib(process.pid):.1f}), agent + kernel RSS "
          f"{tree_rss_mib(process.pid):.1f} MiB")  # fmt: skip

    big = root / "workspace" / "big.bin"
    big.write_bytes(os.urandom(50 * 1024 * 1024))
    os.chown(big, 65534, 65534) if os.geteuid() == 0 else None
    rates = []
    for _ in range(5):
        started = time.perf_counter()
        size = 0
        with client.stream("GET", "/files/download", params={"path": "big.bin"}) as response:
            for chunk in response.iter_bytes():
                size += len(chunk)
        rates.append(size / (time.perf_counter() - started) / 1e6)
    print(f"50 MB download: median {statistics.median(rates):.0f} MB/s")
    client.close()
    process.terminate()
    process.wait()
    shutil.rmtree(root, ignore_errors=True)

    root = Path(tempfile.mkdtemp(prefix="hopx-bench-"))
    process, socket_path = start(root, no_site=True, kernel_start="background")
    healthy = wait_healthy(socket_path, process)
    print(f"start-to-healthy with --kernel-start background: {healthy * 1000:.0f} ms")
    process.terminate()
    process.wait()
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
