"""start / pause / resume / stop / destroy as the control plane uses them."""

from __future__ import annotations

import asyncio
import os
import statistics
import time
from pathlib import Path

import pytest

from hopx_local.runtime import Runtime, SandboxNotFoundError, SandboxPaths, SandboxRuntimeError
from tests.runtime.support import CGROUP_ROOT, PYTHON, Sandboxes, read_int, wait_for

pytestmark = pytest.mark.anyio

# Rewrites /workspace/counter (atomically) every few milliseconds with an increasing number.
COUNTER = (
    "import os, time\n"
    "i = 0\n"
    "while True:\n"
    "    i += 1\n"
    "    with open('/workspace/.counter', 'w') as f:\n"
    "        f.write(str(i))\n"
    "    os.replace('/workspace/.counter', '/workspace/counter')\n"
    "    time.sleep(0.002)\n"
)


async def test_command_output_goes_to_the_log_and_its_status_is_reported(
    sandboxes: Sandboxes,
) -> None:
    spec = sandboxes.spec(["/bin/sh", "-c", "echo out; echo err >&2; exit 3"])
    process = await sandboxes.start(spec)
    assert await asyncio.wait_for(process.wait(), 10) == 3
    assert process.returncode == 3
    assert process.log_path.read_text().splitlines() == ["out", "err"]
    assert not sandboxes.runtime.is_running(spec.sandbox_id)


async def test_a_command_that_cannot_run_ends_with_the_reason_in_the_log(
    sandboxes: Sandboxes,
) -> None:
    spec = sandboxes.spec(["/usr/bin/hopx-no-such-program"])
    process = await sandboxes.start(spec)
    assert await asyncio.wait_for(process.wait(), 10) != 0
    assert "hopx-no-such-program" in process.log_path.read_text()


async def test_pause_freezes_every_process_and_resume_continues(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec([PYTHON, "-c", COUNTER], vcpu=0.5)
    await sandboxes.start(spec)
    counter = SandboxPaths(spec.root_dir).workspace / "counter"
    runtime = sandboxes.runtime
    await wait_for(lambda: (read_int(counter) or 0) > 0)

    await runtime.pause(spec.sandbox_id)
    assert runtime.is_paused(spec.sandbox_id)
    assert runtime.is_running(spec.sandbox_id)  # paused is still alive
    frozen_at = read_int(counter)
    # A running counter advances every ~2 ms; 150 ms of no change shows it is frozen.
    deadline = time.monotonic() + 0.15
    while time.monotonic() < deadline:
        assert read_int(counter) == frozen_at
        await asyncio.sleep(0.01)

    await runtime.resume(spec.sandbox_id)
    assert not runtime.is_paused(spec.sandbox_id)
    await wait_for(lambda: (read_int(counter) or 0) > (frozen_at or 0))


async def test_stop_ends_all_processes_and_keeps_files(sandboxes: Sandboxes) -> None:
    script = "echo kept > /workspace/note; sleep 60 & sleep 60 & exec sleep 60"
    spec = sandboxes.spec(["/bin/sh", "-c", script])
    process = await sandboxes.start(spec)
    note = SandboxPaths(spec.root_dir).workspace / "note"
    await wait_for(lambda: note.exists() and note.read_text() == "kept\n")
    runtime = sandboxes.runtime
    assert len(runtime.cgroups.pids(spec.sandbox_id)) >= 3

    await runtime.stop(spec.sandbox_id)

    assert runtime.cgroups.pids(spec.sandbox_id) == []
    assert process.returncode is not None
    assert not runtime.is_running(spec.sandbox_id)
    assert runtime.netns_pid(spec.sandbox_id) is None
    assert note.read_text() == "kept\n"


async def test_a_paused_sandbox_can_be_stopped(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/sh", "-c", "sleep 60 & exec sleep 60"])
    await sandboxes.start(spec)
    await sandboxes.runtime.pause(spec.sandbox_id)
    await sandboxes.runtime.stop(spec.sandbox_id)
    assert sandboxes.runtime.cgroups.pids(spec.sandbox_id) == []
    assert not sandboxes.runtime.is_paused(spec.sandbox_id)


async def test_a_stopped_sandbox_starts_again_with_its_files(sandboxes: Sandboxes) -> None:
    script = "echo run >> /workspace/runs; exec sleep 60"
    spec = sandboxes.spec(["/bin/sh", "-c", script])
    runs = SandboxPaths(spec.root_dir).workspace / "runs"
    await sandboxes.start(spec)
    await wait_for(lambda: runs.exists() and runs.read_text() == "run\n")
    await sandboxes.runtime.stop(spec.sandbox_id)

    await sandboxes.start(spec)
    await wait_for(lambda: runs.read_text() == "run\nrun\n")
    assert sandboxes.runtime.is_running(spec.sandbox_id)


async def test_starting_a_running_sandbox_is_refused(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/sleep", "60"])
    await sandboxes.start(spec)
    with pytest.raises(SandboxRuntimeError, match="already running"):
        await sandboxes.start(spec)


async def test_pause_and_resume_of_a_sandbox_that_is_not_running(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/true"])
    process = await sandboxes.start(spec)
    await process.wait()
    with pytest.raises(SandboxNotFoundError):
        await sandboxes.runtime.pause(spec.sandbox_id)
    with pytest.raises(SandboxNotFoundError):
        await sandboxes.runtime.resume("sbx_never_started")


async def test_destroy_removes_processes_cgroups_and_files(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/sh", "-c", "sleep 60 & exec sleep 60"], internet_access=True)
    await sandboxes.start(spec)
    runtime = sandboxes.runtime
    assert runtime.cgroups.exists(spec.sandbox_id)

    await runtime.destroy(spec.sandbox_id, spec.root_dir)

    assert not runtime.cgroups.exists(spec.sandbox_id)
    assert not spec.root_dir.exists()
    cgroup_dirs = list(Path("/sys/fs/cgroup").glob(f"*/{CGROUP_ROOT}/{spec.sandbox_id}"))
    assert cgroup_dirs == []
    with pytest.raises(SandboxNotFoundError):
        runtime.usage(spec.sandbox_id)
    await runtime.destroy(spec.sandbox_id, spec.root_dir)  # idempotent


async def test_a_sandbox_dies_with_the_process_that_started_it(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/sleep", "60"])
    process = await sandboxes.start(spec)
    assert process.netns_pid in sandboxes.runtime.cgroups.pids(spec.sandbox_id)
    with open(f"/proc/{process.netns_pid}/status") as status:
        assert "NSpid:" in status.read()
    os.kill(process.pid, 9)  # the outer bwrap: --die-with-parent takes the sandbox along
    await asyncio.wait_for(process.wait(), 10)
    await wait_for(lambda: sandboxes.runtime.cgroups.pids(spec.sandbox_id) == [])


async def test_leftover_processes_of_an_earlier_server_are_stopped(
    sandboxes: Sandboxes,
) -> None:
    spec = sandboxes.spec(["/bin/sleep", "60"])
    await sandboxes.start(spec)
    restarted = Runtime(CGROUP_ROOT)  # a new server process knows nothing of the sandbox
    try:
        assert spec.sandbox_id in await restarted.stop_orphans()
        assert restarted.cgroups.pids(spec.sandbox_id) == []
        assert await restarted.stop_orphans() == []
    finally:
        await restarted.close()


async def test_spawn_to_first_output_latency(
    sandboxes: Sandboxes, capsys: pytest.CaptureFixture[str]
) -> None:
    """Measured, not asserted: start() until the sandboxed shell writes into a FIFO."""
    samples = []
    loop = asyncio.get_running_loop()
    for _ in range(10):
        spec = sandboxes.spec(["/bin/sh", "-c", "echo up > /run/hopx/first-output"])
        run_dir = spec.root_dir / "run"
        run_dir.mkdir(parents=True)
        fifo = run_dir / "first-output"
        os.mkfifo(fifo, 0o600)
        os.chown(fifo, spec.uid, spec.uid)
        fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
        try:
            arrived: asyncio.Future[float] = loop.create_future()

            def readable(done: asyncio.Future[float] = arrived) -> None:
                if not done.done():
                    done.set_result(time.perf_counter())

            loop.add_reader(fd, readable)
            started = time.perf_counter()
            process = await sandboxes.start(spec)
            samples.append((await asyncio.wait_for(arrived, 10) - started) * 1000)
            loop.remove_reader(fd)
            assert os.read(fd, 100) == b"up\n"
        finally:
            os.close(fd)
        await asyncio.wait_for(process.wait(), 10)
    with capsys.disabled():
        print(
            f"\n[runtime] spawn-to-first-output: median {statistics.median(samples):.1f} ms, "
            f"min {min(samples):.1f} ms, max {max(samples):.1f} ms over {len(samples)} sandboxes"
        )
