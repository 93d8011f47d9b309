"""cgroup detection, and the v2 implementation against a stand-in directory tree.

cgroup v2 cannot be exercised on this (v1) machine; these tests check what CgroupsV2 writes
and how it reads the kernel's files, using plain files laid out like /sys/fs/cgroup.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hopx_local.runtime import SandboxNotFoundError
from hopx_local.runtime.cgroups import CgroupLimits, CgroupsV1, CgroupsV2, detect_cgroups


def write_mounts(tmp_path: Path, lines: list[str]) -> Path:
    mounts = tmp_path / "mounts"
    mounts.write_text("".join(f"{line}\n" for line in lines))
    return mounts


def test_detects_v2_when_the_unified_hierarchy_has_the_memory_controller(tmp_path: Path) -> None:
    unified = tmp_path / "cgroup"
    unified.mkdir()
    (unified / "cgroup.controllers").write_text("cpuset cpu io memory pids\n")
    mounts = write_mounts(tmp_path, [f"cgroup2 {unified} cgroup2 rw,nosuid 0 0"])
    cgroups = detect_cgroups("hopx-local", mounts)
    assert isinstance(cgroups, CgroupsV2)
    assert cgroups.missing() == []


def test_detects_v1_on_a_hybrid_host(tmp_path: Path) -> None:
    unified = tmp_path / "unified"
    unified.mkdir()
    (unified / "cgroup.controllers").write_text("")
    lines = [f"cgroup2 {unified} cgroup2 rw 0 0"]
    lines += [
        f"cgroup {tmp_path}/{name} cgroup rw,nosuid,{name} 0 0"
        for name in ("memory", "pids", "freezer")
    ]
    lines.append(f"cgroup {tmp_path}/cpu,cpuacct cgroup rw,cpu,cpuacct 0 0")
    cgroups = detect_cgroups("hopx-local", write_mounts(tmp_path, lines))
    assert isinstance(cgroups, CgroupsV1)
    assert cgroups.missing() == []
    # cpu and cpuacct share one directory: a process joins it once.
    assert len(cgroups.procs_files("sbx_a")) == 4


def test_v1_names_the_missing_controllers(tmp_path: Path) -> None:
    lines = [f"cgroup {tmp_path}/memory cgroup rw,memory 0 0"]
    cgroups = detect_cgroups("hopx-local", write_mounts(tmp_path, lines))
    missing = cgroups.missing()
    assert [entry.split("'")[1] for entry in missing] == ["pids", "cpu", "cpuacct", "freezer"]


@pytest.fixture
def v2(tmp_path: Path) -> CgroupsV2:
    mount = tmp_path / "cgroup"
    mount.mkdir()
    (mount / "cgroup.controllers").write_text("cpu memory pids\n")
    (mount / "cgroup.subtree_control").write_text("memory\n")
    return CgroupsV2(mount, "hopx-local")


def test_v2_create_enables_controllers_and_writes_the_limits(v2: CgroupsV2, tmp_path: Path) -> None:
    v2.create("sbx_a", CgroupLimits(memory_bytes=256 << 20, pids_max=64, vcpu=1.5))
    mount = tmp_path / "cgroup"
    assert (mount / "cgroup.subtree_control").read_text() == "+pids +cpu"  # memory was on
    assert (mount / "hopx-local" / "cgroup.subtree_control").read_text() == "+memory +pids +cpu"
    sandbox = mount / "hopx-local" / "sbx_a"
    assert (sandbox / "memory.max").read_text() == str(256 << 20)
    assert (sandbox / "pids.max").read_text() == "64"
    assert (sandbox / "cpu.max").read_text() == "150000 100000"
    assert (sandbox / "cgroup.freeze").read_text() == "0"
    assert v2.procs_files("sbx_a") == [sandbox / "cgroup.procs"]
    assert v2.sandbox_ids() == ["sbx_a"]


def test_v2_freeze_kill_usage_and_remove(v2: CgroupsV2, tmp_path: Path) -> None:
    v2.create("sbx_a", CgroupLimits(memory_bytes=64 << 20, pids_max=8, vcpu=1))
    sandbox = tmp_path / "cgroup" / "hopx-local" / "sbx_a"
    v2.set_frozen("sbx_a", True)
    assert (sandbox / "cgroup.freeze").read_text() == "1"
    assert not v2.is_frozen("sbx_a")  # the kernel reports it in cgroup.events
    (sandbox / "cgroup.events").write_text("populated 1\nfrozen 1\n")
    assert v2.is_frozen("sbx_a")

    (sandbox / "cgroup.kill").write_text("")
    v2.kill_all("sbx_a")
    assert (sandbox / "cgroup.kill").read_text() == "1"

    (sandbox / "memory.current").write_text("1048576\n")
    (sandbox / "cpu.stat").write_text("usage_usec 2500\nuser_usec 2000\nsystem_usec 500\n")
    (sandbox / "pids.current").write_text("3\n")
    usage = v2.usage("sbx_a")
    assert (usage.memory_bytes, usage.memory_limit_bytes) == (1048576, 64 << 20)
    assert (usage.cpu_usage_ns, usage.pids) == (2_500_000, 3)

    for child in sandbox.iterdir():
        child.unlink()  # the kernel's files vanish with the directory
    v2.remove("sbx_a")
    assert not v2.exists("sbx_a")
    with pytest.raises(SandboxNotFoundError):
        v2.usage("sbx_a")
    v2.remove("sbx_a")  # idempotent
