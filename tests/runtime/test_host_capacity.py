"""The parent cgroup of all sandboxes (v2 against a stand-in tree, v1 on this host's layout)
and the admission rule of control/capacity.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from hopx_local.control.capacity import MIB, HostBudget, HostCapacity, SandboxDoesNotFit
from hopx_local.runtime.cgroups import CgroupsV1, CgroupsV2, RootLimits, RootUsage


def test_v2_root_limits_and_usage(tmp_path: Path) -> None:
    mount = tmp_path / "cgroup"
    mount.mkdir()
    (mount / "cgroup.controllers").write_text("cpu memory pids\n")
    (mount / "cgroup.subtree_control").write_text("")
    cgroups = CgroupsV2(mount, "hopx-local")
    cgroups.set_root_limits(RootLimits(memory_bytes=3 << 30, pids_max=5000))
    root = mount / "hopx-local"
    assert (root / "memory.max").read_text() == str(3 << 30)
    assert (root / "pids.max").read_text() == "5000"
    assert root.stat().st_mode & 0o777 == 0o711  # no listing of sandbox ids by other users
    (root / "memory.current").write_text(f"{500 * MIB}\n")
    (root / "memory.stat").write_text(f"anon 1\ninactive_file {200 * MIB}\nactive_file 3\n")
    (root / "pids.current").write_text("42\n")
    assert cgroups.root_usage() == RootUsage(memory_bytes=300 * MIB, pids=42)


def test_v1_root_limits(tmp_path: Path) -> None:
    mounts = {name: tmp_path / name for name in ("memory", "pids", "cpu", "cpuacct", "freezer")}
    for mount in mounts.values():
        mount.mkdir()
    root = tmp_path / "memory" / "hopx-local"
    root.mkdir()
    (root / "memory.use_hierarchy").write_text("0\n")
    (root / "memory.limit_in_bytes").write_text("9223372036854771712\n")
    CgroupsV1(mounts, "hopx-local").set_root_limits(RootLimits(2 << 30, 4096))
    assert (root / "memory.use_hierarchy").read_text() == "1"
    assert (root / "memory.limit_in_bytes").read_text() == str(2 << 30)
    assert (tmp_path / "pids" / "hopx-local" / "pids.max").read_text() == "4096"
    assert all((mount / "hopx-local").stat().st_mode & 0o777 == 0o711 for mount in mounts.values())


class _Used:
    """Stand-in cgroups reporting a fixed use of the parent."""

    def __init__(self, memory_mb: int, pids: int) -> None:
        self.used = RootUsage(memory_mb * MIB, pids)

    def root_usage(self) -> RootUsage:
        return self.used


def _capacity(memory_mb: int, pids: int) -> HostCapacity:
    return HostCapacity(_Used(memory_mb, pids), HostBudget(1000 * MIB, 2000))  # type: ignore[arg-type]


def test_admission_counts_what_is_used_not_the_limits() -> None:
    _capacity(0, 0).admit(1000, 512)  # limits up to the whole budget fit an idle host
    _capacity(700, 0).admit(2048 // 4, 512)  # 700 + 256 to start <= 1000
    with pytest.raises(SandboxDoesNotFit) as full:
        _capacity(800, 0).admit(512, 64)
    assert full.value.details == {
        "resource": "memory",
        "limit": 1000,
        "current": 800,
        "available": 200,
        "upgrade_url": None,
    }
    assert "limit" in full.value.message
    with pytest.raises(SandboxDoesNotFit):
        _capacity(0, 0).admit(1001, 64)  # can never fit
    with pytest.raises(SandboxDoesNotFit):
        _capacity(0, 1950).admit(256, 512)  # 1950 + 64 tasks > 2000
    with pytest.raises(SandboxDoesNotFit):
        _capacity(0, 0).admit(256, 2001)


def test_the_budget_leaves_room_for_the_host(tmp_path: Path) -> None:
    (tmp_path / "sys/kernel").mkdir(parents=True)
    (tmp_path / "sys/kernel/pid_max").write_text("32768\n")
    (tmp_path / "meminfo").write_text("MemTotal:       24000000 kB\nMemFree: 1 kB\n")
    budget = HostBudget.of_host(proc=tmp_path)
    total = 24000000 * 1024
    assert budget.memory_bytes == total - total // 10
    assert budget.pids == 32768 - 8192
    assert HostBudget.of_host(memory_mb=600, pids=100, proc=tmp_path) == HostBudget(600 * MIB, 100)
