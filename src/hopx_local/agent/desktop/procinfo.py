"""Process details from /proc, in the agent's ``SystemProcess`` shape (Linux only)."""

from __future__ import annotations

import os
import pwd
from pathlib import Path
from typing import Any

_STATES = {
    "R": "running",
    "S": "sleeping",
    "D": "disk_sleep",
    "T": "stopped",
    "t": "stopped",
    "Z": "zombie",
    "I": "idle",
    "X": "dead",
    "x": "dead",
}
_PROC = Path("/proc")


def _stat_fields(pid: int) -> tuple[str, list[str]] | None:
    """(comm, fields after comm) of /proc/<pid>/stat."""
    try:
        raw = (_PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    open_paren, close_paren = raw.find("("), raw.rfind(")")
    return raw[open_paren + 1 : close_paren], raw[close_paren + 2 :].split()


def group_members(pgids: set[int]) -> list[int]:
    """Pids whose process group is one of ``pgids`` (a service and what it started)."""
    members = []
    for entry in _PROC.iterdir():
        if not entry.name.isdigit():
            continue
        parsed = _stat_fields(int(entry.name))
        if parsed is not None and int(parsed[1][2]) in pgids:
            members.append(int(entry.name))
    return sorted(members)


def _mem_total() -> int:
    try:
        for line in (_PROC / "meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def _user(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def describe(pid: int) -> dict[str, Any] | None:
    """One process as a ``SystemProcess`` (cpu_percent: average over its lifetime)."""
    parsed = _stat_fields(pid)
    if parsed is None:
        return None
    comm, fields = parsed
    ticks = os.sysconf("SC_CLK_TCK")
    page = os.sysconf("SC_PAGE_SIZE")
    try:
        cmdline = (_PROC / str(pid) / "cmdline").read_bytes().replace(b"\0", b" ").strip()
        uptime = float((_PROC / "uptime").read_text().split()[0])
        uid = (_PROC / str(pid)).stat().st_uid
    except OSError:
        return None
    cpu_seconds = (int(fields[11]) + int(fields[12])) / ticks
    age = max(uptime - int(fields[19]) / ticks, 1e-3)
    rss = int(fields[21]) * page
    total = _mem_total()
    return {
        "pid": pid,
        "ppid": int(fields[1]),
        "name": comm,
        "command": cmdline.decode(errors="replace") or f"[{comm}]",
        "user": _user(uid),
        "cpu_percent": round(100 * cpu_seconds / age, 1),
        "memory_percent": round(100 * rss / total, 2) if total else 0.0,
        "memory_rss_bytes": rss,
        "status": _STATES.get(fields[0], "unknown"),
    }
