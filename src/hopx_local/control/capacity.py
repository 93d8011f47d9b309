"""What all sandboxes on this host may use together, and whether one more fits.

Each sandbox has its own memory and pids limits, and those overcommit (2 GiB each times
``--max-sandboxes`` is more than most hosts have; 512 pids each times 64 is a common
``pid_max``). So every sandbox's cgroup sits under one parent capped by a :class:`HostBudget`
derived from the host, leaving room for the server and the rest of the machine: the kernel
keeps all sandboxes together within it, whatever their own limits say.

A create is refused (403 ``resource_limit``, as the public service answers a quota) when the
sandbox cannot fit: its own limits exceed the budget, or what the sandboxes use now plus what a
new one needs to start (``min(limit, 256 MiB)`` of memory, ``min(pids_max, 64)`` tasks) would
pass it. Limits may overcommit; actual use may not.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import attrs

from hopx_local.control.domain_errors import LimitReached
from hopx_local.runtime.cgroups import Cgroups, RootLimits, RootUsage

MIB = 1024 * 1024
GIB = 1024 * MIB
START_MEMORY_BYTES = 256 * MIB
START_PIDS = 64


@attrs.frozen
class HostBudget:
    """The cap of all sandboxes together."""

    memory_bytes: int
    pids: int

    @classmethod
    def of_host(
        cls, *, memory_mb: int | None = None, pids: int | None = None, proc: Path = Path("/proc")
    ) -> HostBudget:
        """From the host: all memory but max(1 GiB, 10 %), all pids but max(2048, 25 %) of
        pid_max; ``memory_mb``/``pids`` override (``hopx-local serve --sandbox-memory-mb``)."""
        total = _mem_total_bytes(proc)
        pid_max = _read_int(proc / "sys/kernel/pid_max", 32768)
        memory = total - max(GIB, total // 10)
        return cls(
            memory_bytes=memory_mb * MIB if memory_mb is not None else max(memory, GIB),
            pids=pids if pids is not None else max(pid_max - max(2048, pid_max // 4), 1024),
        )


class SandboxDoesNotFit(LimitReached):
    def __init__(self, resource: str, needed: int, used: int, limit: int, unit: str) -> None:
        available = max(0, limit - used)
        if used == 0 and needed > limit:
            what = (
                f"the sandbox's own {resource} limit ({needed} {unit}) is more than all "
                f"sandboxes of this host may use together ({limit} {unit})"
            )
        else:
            what = (
                f"a new sandbox needs {needed} {unit} of {resource} to start and only "
                f"{available} of the {limit} {unit} all sandboxes may use together are free"
            )
        super().__init__(
            f"Host capacity limit reached: {what}; stop or delete sandboxes you do not need, "
            "or start hopx-local with a larger --sandbox-memory-mb / --sandbox-pids if the "
            "host has room.",
            resource=resource,
            limit=limit,
            current=used,
            available=available,
            upgrade_url=None,
        )


class HostCapacity:
    """The budget of this host's sandboxes, applied to their parent cgroup and checked at create."""

    def __init__(self, cgroups: Cgroups, budget: HostBudget) -> None:
        self.cgroups = cgroups
        self.budget = budget

    def apply(self) -> None:
        """Cap the parent cgroup (at server start)."""
        self.cgroups.set_root_limits(RootLimits(self.budget.memory_bytes, self.budget.pids))

    def usage(self) -> RootUsage:
        return self.cgroups.root_usage()

    def admit(self, memory_mb: int, pids_max: int) -> None:
        """SandboxDoesNotFit unless a sandbox with these limits fits now."""
        budget = self.budget
        memory = memory_mb * MIB
        if memory > budget.memory_bytes:
            raise SandboxDoesNotFit("memory", memory_mb, 0, budget.memory_bytes // MIB, "MiB")
        if pids_max > budget.pids:
            raise SandboxDoesNotFit("tasks", pids_max, 0, budget.pids, "tasks")
        used = self.usage()
        start_memory = min(memory, START_MEMORY_BYTES)
        if used.memory_bytes + start_memory > budget.memory_bytes:
            raise SandboxDoesNotFit(
                "memory",
                start_memory // MIB,
                used.memory_bytes // MIB,
                budget.memory_bytes // MIB,
                "MiB",
            )
        start_pids = min(pids_max, START_PIDS)
        if used.pids + start_pids > budget.pids:
            raise SandboxDoesNotFit("tasks", start_pids, used.pids, budget.pids, "tasks")


def _mem_total_bytes(proc: Path) -> int:
    with contextlib.suppress(OSError, ValueError), open(proc / "meminfo") as meminfo:
        for line in meminfo:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    return 4 * GIB


def _read_int(path: Path, default: int) -> int:
    try:
        return int(path.read_text().strip())
    except (OSError, ValueError):
        return default
