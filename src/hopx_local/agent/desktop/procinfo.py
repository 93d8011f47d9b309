"""Process details of the desktop's services, in the agent's ``SystemProcess`` shape.

Built on the agent's one /proc reader (``hopx_local.agent.procfs``).
"""

from __future__ import annotations

from typing import Any

from hopx_local.agent import procfs


def group_members(pgids: set[int]) -> list[int]:
    """Pids whose process group is one of ``pgids`` (a service and what it started)."""
    return sorted(sample.pid for sample in procfs.scan() if sample.pgid in pgids)


def describe(pid: int) -> dict[str, Any] | None:
    """One process as a ``SystemProcess`` (cpu_percent: average over its lifetime)."""
    sample = procfs.read_sample(pid)
    if sample is None:
        return None
    try:
        uptime = procfs.uptime_seconds()
    except OSError:
        return None
    cpu_seconds = sample.cpu_ticks / procfs.CLOCK_TICKS
    age = max(uptime - sample.start_ticks / procfs.CLOCK_TICKS, 1e-3)
    total = procfs.memory_total_bytes()
    return {
        "pid": pid,
        "ppid": sample.ppid,
        "name": sample.name,
        "command": procfs.command_line(pid, sample.name),
        "user": procfs.user_name(sample.uid),
        "cpu_percent": round(100 * cpu_seconds / age, 1),
        "memory_percent": round(100 * sample.rss_bytes / total, 2) if total else 0.0,
        "memory_rss_bytes": sample.rss_bytes,
        "status": procfs.STATES.get(sample.state, "unknown"),
    }
