"""cgroup limits: memory, pids and cpu are enforced per sandbox; usage is reported."""

from __future__ import annotations

import asyncio
import subprocess
from pathlib import Path

import pytest

from hopx_local.runtime.runtime import AGENT_OOM_SCORE_ADJ
from tests.runtime.support import CGROUP_ROOT, PYTHON, Sandboxes, wait_for
from tests.runtime.test_network import ECHO_SERVER, free_host_port, open_when_listening

pytestmark = pytest.mark.anyio

MEMORY_HOG = "chunks = []\nwhile True:\n    chunks.append(b'x' * (8 << 20))\n"


async def test_memory_hog_is_killed_and_the_rest_keeps_working(sandboxes: Sandboxes) -> None:
    port = free_host_port()
    neighbour = sandboxes.spec([PYTHON, "-c", ECHO_SERVER, str(port)], memory_mb=64)
    await sandboxes.start(neighbour)
    # The shell stands in for the agent: it survives the hog it started, and reports on it.
    script = f'{PYTHON} -c "{MEMORY_HOG}"; echo hog exited $?; echo shell alive'
    status, output = await sandboxes.run_shell(script, memory_mb=64)

    assert status == 0
    assert "hog exited 137" in output  # 128 + SIGKILL from the OOM killer
    assert "shell alive" in output
    # The other sandbox was not touched.
    reader, writer = await open_when_listening(sandboxes, neighbour.sandbox_id, port)
    writer.write(b"still there?")
    assert await asyncio.wait_for(reader.read(100), 10) == b"echo:still there?"
    writer.close()
    await writer.wait_closed()


async def test_fork_bomb_stops_at_pids_max(sandboxes: Sandboxes) -> None:
    bomb = (
        "import os, time\n"
        "started = 0\n"
        "for _ in range(200):\n"
        "    try:\n"
        "        pid = os.fork()\n"
        "    except BlockingIOError:\n"
        "        break\n"
        "    if pid == 0:\n"
        "        time.sleep(60)\n"
        "        os._exit(0)\n"
        "    started += 1\n"
        "print('started', started, flush=True)\n"
        "time.sleep(60)\n"
    )
    spec = sandboxes.spec([PYTHON, "-c", bomb], pids_max=20)
    process = await sandboxes.start(spec)
    await wait_for(lambda: "started" in process.log_path.read_text())
    started = int(process.log_path.read_text().split()[1])

    assert 10 <= started < 20  # bwrap's pid 1 and the parent take two of the 20
    assert sandboxes.runtime.usage(spec.sandbox_id).pids <= 20
    assert subprocess.run(["/bin/true"], check=False).returncode == 0  # the host still forks
    await sandboxes.runtime.stop(spec.sandbox_id)
    assert sandboxes.runtime.cgroups.pids(spec.sandbox_id) == []


async def test_usage_reports_the_limits_and_what_the_sandbox_uses(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/sh", "-c", "sleep 60 & exec sleep 60"], memory_mb=96)
    process = await sandboxes.start(spec)
    await wait_for(lambda: len(sandboxes.runtime.cgroups.pids(spec.sandbox_id)) >= 4)
    usage = sandboxes.runtime.usage(spec.sandbox_id)
    assert usage.memory_limit_bytes == 96 * 1024 * 1024
    assert 0 < usage.memory_bytes < usage.memory_limit_bytes
    assert usage.cpu_usage_ns > 0
    assert usage.pids >= 4  # outer bwrap, bwrap's pid 1, sh->sleep, sleep
    assert process.pid in sandboxes.runtime.cgroups.pids(spec.sandbox_id)


async def test_cpu_quota_follows_vcpu(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/sleep", "60"], vcpu=0.5)
    await sandboxes.start(spec)
    cgroups = sandboxes.runtime.cgroups
    if cgroups.version == 1:
        cpu = Path(f"/sys/fs/cgroup/cpu/{CGROUP_ROOT}/{spec.sandbox_id}")
        quota = (cpu / "cpu.cfs_quota_us").read_text().split()
        period = (cpu / "cpu.cfs_period_us").read_text().split()
        assert (quota, period) == (["50000"], ["100000"])
    else:
        cpu_max = Path(f"/sys/fs/cgroup/{CGROUP_ROOT}/{spec.sandbox_id}/cpu.max")
        assert cpu_max.read_text().split() == ["50000", "100000"]


def host_can_lower_oom_score_adj() -> bool:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("CapEff:"))
    cap_sys_resource = 24
    return bool(int(line.split()[1], 16) & (1 << cap_sys_resource))


async def test_the_command_is_protected_from_the_oom_killer_where_the_host_allows(
    sandboxes: Sandboxes,
) -> None:
    status, output = await sandboxes.run_shell("cat /proc/self/oom_score_adj")
    assert status == 0
    # Lowering needs CAP_SYS_RESOURCE, which containers (like this CI machine) often lack.
    expected = AGENT_OOM_SCORE_ADJ if host_can_lower_oom_score_adj() else 0
    assert int(output) == expected
