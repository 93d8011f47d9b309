"""Resource usage of the sandbox and the agent's counters.

Inside bwrap the sandbox's cgroup files are not visible, so usage is measured from what is:
memory = RSS summed over the processes of the sandbox's PID namespace (/proc), CPU = their
CPU time between samples, disk = bytes under the workspace. Limits come from the control plane
through ``HOPX_MEMORY_LIMIT_BYTES``, ``HOPX_CPU_LIMIT`` (cores) and ``HOPX_DISK_LIMIT_BYTES``;
without them the host's figures are reported.
"""

from __future__ import annotations

import math
import os
import platform
import socket
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import procfs
from .clock import iso

_DISK_CACHE_SECONDS = 2.0
_DISK_WALK_LIMIT = 200_000
ARCHES = {"x86_64": "amd64", "aarch64": "arm64", "armv7l": "arm", "i686": "386"}


def _env_int(name: str) -> int | None:
    value = os.environ.get(name)
    try:
        return int(value) if value else None
    except ValueError:
        return None


def _env_float(name: str) -> float | None:
    value = os.environ.get(name)
    try:
        return float(value) if value else None
    except ValueError:
        return None


def directory_usage(root: Path, limit: int = _DISK_WALK_LIMIT) -> int:
    """Bytes allocated under ``root`` (like ``du -s``), walking at most ``limit`` entries."""
    total = 0
    seen = 0
    stack = [str(root)]
    while stack and seen < limit:
        folder = stack.pop()
        try:
            with os.scandir(folder) as scan:
                for entry in scan:
                    seen += 1
                    try:
                        st = entry.stat(follow_symlinks=False)
                    except OSError:
                        continue
                    total += st.st_blocks * 512
                    if entry.is_dir(follow_symlinks=False):
                        stack.append(entry.path)
        except OSError:
            continue
    return total


class Counters:
    def __init__(self) -> None:
        self.requests = 0
        self.errors = 0


class Metrics:
    def __init__(
        self,
        workspace: Path,
        counters: Counters,
        executions: Callable[[], tuple[int, int]],
    ) -> None:
        self.workspace = workspace
        self.counters = counters
        self.executions = executions
        """() -> (total executions, active executions)."""
        self.started_at = time.time()
        self._cpu = procfs.CpuMeter()
        self._disk: tuple[float, int] | None = None

    # ----------------------------------------------------------------- figures
    def memory_limit(self) -> int:
        return _env_int("HOPX_MEMORY_LIMIT_BYTES") or procfs.memory_total_bytes()

    def cpu_cores(self) -> int:
        limit = _env_float("HOPX_CPU_LIMIT")
        if limit:
            return max(1, math.ceil(limit))
        return len(os.sched_getaffinity(0)) or 1

    def disk_used(self) -> int:
        now = time.monotonic()
        if self._disk is not None and now - self._disk[0] < _DISK_CACHE_SECONDS:
            return self._disk[1]
        used = directory_usage(self.workspace)
        self._disk = (now, used)
        return used

    def disk_total(self) -> int | None:
        limit = _env_int("HOPX_DISK_LIMIT_BYTES")
        if limit:
            return limit
        try:
            st = os.statvfs(self.workspace)
        except OSError:
            return None
        return st.f_blocks * st.f_frsize

    def uptime(self) -> float:
        return time.time() - self.started_at

    # --------------------------------------------------------------- documents
    def snapshot(self) -> dict[str, Any]:
        samples = procfs.scan()
        cpu_total, _ = self._cpu.measure(samples)
        used = sum(sample.rss_bytes for sample in samples)
        limit = self.memory_limit()
        total_executions, active = self.executions()
        disk: dict[str, Any] = {"used_bytes": self.disk_used()}
        disk_total = self.disk_total()
        if disk_total is not None:
            disk["total_bytes"] = disk_total
        return {
            "timestamp": iso(),
            "cpu_percent": cpu_total,
            "memory_percent": round(min(100.0, used / limit * 100), 2) if limit else 0.0,
            "memory": {"used_bytes": used, "limit_bytes": limit},
            "disk": disk,
            "pids": len(samples),
            "total_requests": self.counters.requests,
            "total_errors": self.counters.errors,
            "total_executions": total_executions,
            "active_executions": active,
            "error_count": self.counters.errors,
            "uptime_seconds": round(self.uptime(), 3),
        }

    def prometheus(self) -> str:
        snap = self.snapshot()
        memory, disk = snap["memory"], snap["disk"]
        rows = [
            ("uptime_seconds", "gauge", "Agent uptime in seconds.", snap["uptime_seconds"]),
            ("cpu_percent", "gauge", "CPU use, percent of one CPU.", snap["cpu_percent"]),
            ("memory_used_bytes", "gauge", "Resident memory in use.", memory["used_bytes"]),
            ("memory_limit_bytes", "gauge", "Memory limit.", memory["limit_bytes"]),
            ("disk_used_bytes", "gauge", "Bytes used under /workspace.", disk["used_bytes"]),
            ("processes", "gauge", "Processes in the sandbox.", snap["pids"]),
            ("requests_total", "counter", "HTTP requests handled.", snap["total_requests"]),
            ("errors_total", "counter", "Requests answered 4xx/5xx.", snap["error_count"]),
            ("executions_total", "counter", "Code executions.", snap["total_executions"]),
            ("active_executions", "gauge", "Executions running.", snap["active_executions"]),
        ]
        lines = []
        for name, kind, help_text, value in rows:
            metric = f"hopx_agent_{name}"
            lines += [f"# HELP {metric} {help_text}", f"# TYPE {metric} {kind}"]
            lines.append(f"{metric} {value}")
        return "\n".join(lines) + "\n"

    def system(self, versions: dict[str, str]) -> dict[str, Any]:
        samples = procfs.scan()
        cpu_total, _ = self._cpu.measure(samples)
        cores = self.cpu_cores()
        used = sum(sample.rss_bytes for sample in samples)
        limit = self.memory_limit()
        disk_used = self.disk_used()
        disk_total = self.disk_total() or disk_used
        uname = os.uname()
        arch = ARCHES.get(uname.machine, uname.machine)
        info: dict[str, Any] = {
            "hostname": socket.gethostname(),
            "os": "linux",
            "arch": arch,
            "platform": f"linux/{arch}",
            "kernel": uname.release,
            "cpu_count": cores,
            "memory_total_bytes": limit,
            "disk_total_bytes": disk_total,
            "python_version": platform.python_version(),
            "cpu": {"usage_percent": cpu_total, "cores": cores},
            "memory": _usage(limit, used),
            "disk": _usage(disk_total, disk_used),
            "uptime": round(self.uptime(), 3),
            "timestamp": iso(),
        }
        info.update(versions)
        return info

    def processes(self) -> dict[str, Any]:
        samples = procfs.scan()
        _, per_process = self._cpu.measure(samples)
        limit = self.memory_limit() or 1
        processes = [
            {
                "pid": sample.pid,
                "ppid": sample.ppid,
                "name": sample.name,
                "command": procfs.command_line(sample.pid, sample.name),
                "user": procfs.user_name(sample.uid),
                "cpu_percent": per_process.get(sample.pid, 0.0),
                "memory_percent": round(sample.rss_bytes / limit * 100, 2),
                "memory_rss_bytes": sample.rss_bytes,
                "status": procfs.STATES.get(sample.state, "unknown"),
            }
            for sample in samples
        ]
        return {"processes": processes, "count": len(processes), "timestamp": iso()}


def _usage(total: int, used: int) -> dict[str, Any]:
    total = max(total, 0)
    used = max(used, 0)
    return {
        "total": total,
        "used": used,
        "free": max(total - used, 0),
        "usage_percent": round(used / total * 100, 2) if total else 0.0,
    }
