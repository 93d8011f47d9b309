"""The benchmark scenarios; each adds figures (and targets) to the report."""

from __future__ import annotations

import asyncio
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from bench import build_bench, burst_bench, egress_bench
from bench.figures import Report, timed
from hopx_local.launcher import RunningServer, local_server

HERE = Path(__file__).resolve().parent
PUBLISHED_VENV = HERE / ".venv-published"
OURS_VENV = HERE / ".venv-ours"
PUBLISHED_VERSION = "0.5.0"
MB = 1024 * 1024


def _venv_with(venv: Path, requirement: str) -> Path | None:
    """A venv holding only ``requirement`` and its runtime dependencies (None if not installable).

    Both SDKs are measured from venvs like this, so neither pays for development tools that
    happen to be installed beside it (httpx imports its CLI's click and rich when present).
    """
    python = venv / "bin" / "python"
    marker = venv / ".installed"
    if not marker.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        installed = subprocess.run(
            [str(python), "-m", "pip", "install", "-q", requirement],
            capture_output=True,
            check=False,
        )
        if installed.returncode != 0:
            return None
        marker.write_text(requirement)
    return python


def _published_python() -> Path | None:
    return _venv_with(PUBLISHED_VENV, f"hopx-ai=={PUBLISHED_VERSION}")


def _our_python() -> Path | None:
    # Rebuilt every run: the figure must be of the code being benchmarked.
    (OURS_VENV / ".installed").unlink(missing_ok=True)
    return _venv_with(OURS_VENV, str(HERE.parent))


IMPORTS = {
    "import hopx_ai": "import hopx_ai",
    "from hopx_ai import Sandbox": "from hopx_ai import Sandbox",
}


def _import_samples(python: Path, statement: str, repeats: int) -> tuple[list[float], float]:
    code = (
        "import time, resource; t = time.perf_counter(); "
        f"{statement}; "
        "d = time.perf_counter() - t; "
        "print(d * 1000, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
    )
    samples, rss = [], []
    for _ in range(repeats):
        out = subprocess.run(
            [str(python), "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
        samples.append(float(out[0]))
        rss.append(float(out[1]) / 1024)
    return samples, statistics.median(rss)


def import_time(report: Report, server: RunningServer | None) -> None:
    repeats = report.repeats(20)
    ours, published = _our_python(), _published_python()
    if ours is None or published is None:
        report.notes.append("a clean venv could not be built; import figures skipped")
        return
    for label, statement in IMPORTS.items():
        theirs_name = f"{label} (published {PUBLISHED_VERSION})"
        ours_name = f"{label} (ours)"
        # Interleaved so machine noise hits both alike.
        ours_samples: list[float] = []
        theirs_samples: list[float] = []
        ours_rss = theirs_rss = 0.0
        for _ in range(repeats):
            sample, ours_rss = _import_samples(ours, statement, 1)
            ours_samples += sample
            sample, theirs_rss = _import_samples(published, statement, 1)
            theirs_samples += sample
        report.add(ours_name, "ms", ours_samples)
        report.add(theirs_name, "ms", theirs_samples)
        report.add(f"peak RSS after {label} (ours)", "MiB", [ours_rss])
        report.add(f"peak RSS after {label} (published {PUBLISHED_VERSION})", "MiB", [theirs_rss])
        report.ratio(
            f"{label}: speed-up (published / ours)",
            theirs_name,
            ours_name,
            ">= 3x" if label == "import hopx_ai" else "informational",
            (lambda r: r >= 3.0) if label == "import hopx_ai" else (lambda r: True),
        )


def call_overhead(report: Report, server: RunningServer) -> None:
    # the measurement itself (same request, same connection pool, interleaved) lives in
    # bench/sdk_overhead.py, which also runs on its own
    from bench import sdk_overhead

    _wait_until_quiet()
    with sdk_overhead.bench_sandbox(server) as (sandbox, transport):
        for case in sdk_overhead.measure(sandbox, transport, report.repeats(200)):
            report.add(f"SDK {case.name}", "ms", case.sdk)
            report.add(f"raw httpx {case.name}", "ms", case.raw)
            floor = case.name.startswith("noise floor")
            report.ratio(
                f"SDK overhead {case.name}",
                f"SDK {case.name}",
                f"raw httpx {case.name}",
                "informational" if floor else f"<= {sdk_overhead.TARGET:g}",
                (lambda r: True) if floor else (lambda r: r <= sdk_overhead.TARGET),
            )


def local_latencies(report: Report, server: RunningServer) -> None:
    from hopx_ai import Sandbox

    creates = burst_bench.create_to_first_command_ms(server, report.repeats(20))
    report.add("create to first command (base)", "ms", creates)
    report.target("create to first command (base)", "< 60 ms", statistics.median(creates) < 60)

    with Sandbox.create(
        template="code-interpreter", api_key=server.api_key, base_url=server.base_url
    ) as sandbox:
        # The creates above (and this one) set the warm pool refilling in the background;
        # the latencies below are of a machine at rest, not of one booting sandboxes.
        _wait_until_quiet()
        report.add(
            "pause + resume",
            "ms",
            timed(lambda: (sandbox.pause(), sandbox.resume()), report.repeats(30)),
        )
        host = sandbox.get_info().public_host.rstrip("/")
        with httpx.Client(
            base_url=host, headers={"Authorization": f"Bearer {sandbox.get_token()}"}
        ) as raw:
            true = timed(
                lambda: raw.post("/commands/run", json={"command": "true"}), report.repeats(200)
            )
            report.add("/commands/run true (through the port)", "ms", true)
            report.target(
                "/commands/run true (through the port)", "< 5 ms", statistics.median(true) < 5
            )
            raw.post("/execute", json={"code": "1+1"})
            warm = timed(lambda: raw.post("/execute", json={"code": "1+1"}), report.repeats(200))
            report.add("warm kernel /execute 1+1", "ms", warm)
            report.target("warm kernel /execute 1+1", "< 10 ms", statistics.median(warm) < 10)
        payload = os.urandom(50 * MB)
        up = timed(
            lambda: sandbox.files.write_bytes("/workspace/big.bin", payload),
            report.repeats(5),
            scale=1.0,
        )
        down = timed(
            lambda: sandbox.files.read_bytes("/workspace/big.bin"), report.repeats(5), scale=1.0
        )
        report.add("50 MB upload", "MB/s", [50 / s for s in up])
        report.add("50 MB download", "MB/s", [50 / s for s in down])
        report.target("50 MB upload", "> 200 MB/s", statistics.median([50 / s for s in up]) > 200)
        report.target(
            "50 MB download", "> 200 MB/s", statistics.median([50 / s for s in down]) > 200
        )

    idle = []
    sandboxes = [
        Sandbox.create(template="base", api_key=server.api_key, base_url=server.base_url)
        for _ in range(5)
    ]
    time.sleep(0.5)  # let start-up allocations settle before reading memory
    for sandbox in sandboxes:
        charged = _cgroup_memory_bytes(sandbox.sandbox_id)
        if charged is not None:
            idle.append(charged / MB)
        sandbox.kill()
    if idle:
        report.add("memory per idle sandbox (base, cgroup charge)", "MiB", idle)
        report.target(
            "memory per idle sandbox (base, cgroup charge)",
            "< 25 MiB",
            statistics.median(idle) < 25,
        )


def _cpu_busy_fraction(window: float) -> float:
    """How busy all CPUs were over ``window`` seconds (from /proc/stat)."""

    def sample() -> tuple[int, int]:
        with open("/proc/stat") as stat:
            fields = [int(v) for v in stat.readline().split()[1:]]
        idle = fields[3] + fields[4]  # idle + iowait
        return sum(fields), idle

    total_before, idle_before = sample()
    time.sleep(window)
    total_after, idle_after = sample()
    elapsed = max(total_after - total_before, 1)
    return 1 - (idle_after - idle_before) / elapsed


def _wait_until_quiet(threshold: float = 0.15, limit: float = 30.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline and _cpu_busy_fraction(0.5) > threshold:
        pass


def _cgroup_memory_bytes(sandbox_id: str) -> int | None:
    """What the kernel charges the sandbox's memory cgroup (v1 or v2), as hopx-local sets it up."""
    for path in (
        Path("/sys/fs/cgroup/memory/hopx-local") / sandbox_id / "memory.usage_in_bytes",
        Path("/sys/fs/cgroup/hopx-local") / sandbox_id / "memory.current",
    ):
        try:
            return int(path.read_text())
        except (OSError, ValueError):
            continue
    return None


def scale(report: Report, server: RunningServer) -> None:
    from hopx_ai import AsyncSandbox, Sandbox

    count = 10 if report.quick else 50

    async def one() -> None:
        sandbox = await AsyncSandbox.create(
            template="base", api_key=server.api_key, base_url=server.base_url
        )
        try:
            await sandbox.commands.run("echo hi")
        finally:
            await sandbox.kill()

    async def many() -> None:
        await asyncio.gather(*(one() for _ in range(count)))

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    asyncio.run(many())
    report.add(
        f"AsyncSandbox: {count} concurrent create+command", "s", [time.perf_counter() - start]
    )
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report.add("client peak RSS growth (async scale)", "MiB", [(peak - before) / 1024])

    def sync_one() -> None:
        with Sandbox.create(
            template="base", api_key=server.api_key, base_url=server.base_url
        ) as sandbox:
            sandbox.commands.run("echo hi")

    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(lambda _: sync_one(), range(count)))
    report.add(f"Sandbox + threads: {count} create+command", "s", [time.perf_counter() - start])
    report.notes.append(f"threads alive after scale run: {threading.active_count()}")


PUBLISHED_ROUND_TRIP = """
import sys, time
from hopx_ai import Sandbox
base_url, api_key, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(repeats):
    t = time.perf_counter()
    sandbox = Sandbox.create(template="code-interpreter", api_key=api_key, base_url=base_url)
    sandbox.run_code("print(1)")
    sandbox.files.write("/workspace/x.txt", "hello")
    assert sandbox.files.read("/workspace/x.txt") == "hello"
    sandbox.kill()
    print((time.perf_counter() - t) * 1000)
"""


def published_client(report: Report, server: RunningServer) -> None:
    from hopx_ai import Sandbox

    repeats = report.repeats(10)
    published = _published_python()
    if published is None:
        report.notes.append("published client round trip skipped: package not installable")
        return

    def ours() -> None:
        sandbox = Sandbox.create(
            template="code-interpreter", api_key=server.api_key, base_url=server.base_url
        )
        sandbox.run_code("print(1)")
        sandbox.files.write("/workspace/x.txt", "hello")
        assert sandbox.files.read("/workspace/x.txt") == "hello"
        sandbox.kill()

    report.add("round trip create/run_code/files (ours)", "ms", timed(ours, repeats))
    done = subprocess.run(
        [str(published), "-c", PUBLISHED_ROUND_TRIP, server.base_url, server.api_key, str(repeats)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        report.notes.append(
            f"published client failed against hopx-local: {done.stderr.strip()[-400:]}"
        )
        return
    samples = [float(line) for line in done.stdout.split()]
    report.add(f"round trip create/run_code/files (published {PUBLISHED_VERSION})", "ms", samples)
    report.ratio(
        "round trip (published / ours)",
        f"round trip create/run_code/files (published {PUBLISHED_VERSION})",
        "round trip create/run_code/files (ours)",
        "informational (> 1 means ours is faster)",
        lambda r: True,
    )


def ray_cluster(report: Report, server: RunningServer) -> None:
    from bench.ray_bench import ray_backend

    ray_backend(report, server)


SCENARIOS = {
    "import": import_time,
    "overhead": call_overhead,
    "local": local_latencies,
    "scale": scale,
    "published": published_client,
    "ray": ray_cluster,
    "egress": egress_bench.scenario,
    "build": build_bench.scenario,
    "burst": burst_bench.scenario,
}


def run_all(report: Report, only: set[str]) -> None:
    with (
        tempfile.TemporaryDirectory(prefix="hopx-bench-") as scratch,
        local_server(Path(scratch)) as server,
    ):
        for name, scenario in SCENARIOS.items():
            if only and name not in only:
                continue
            print(f"== {name}", flush=True)
            try:
                scenario(report, server)
            except Exception as exc:  # one broken scenario must not hide the others' figures
                report.notes.append(f"scenario {name} failed: {type(exc).__name__}: {exc}")
