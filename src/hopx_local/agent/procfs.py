"""Processes of the sandbox, read from /proc (the sandbox's own PID namespace)."""

from __future__ import annotations

import os
import pwd
import time
from dataclasses import dataclass
from functools import cache

CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")

STATES = {
    "R": "running",
    "S": "sleeping",
    "D": "disk_sleep",
    "T": "stopped",
    "t": "stopped",
    "Z": "zombie",
    "X": "dead",
    "x": "dead",
    "I": "idle",
}


@dataclass(frozen=True)
class ProcessSample:
    pid: int
    ppid: int
    pgid: int
    name: str
    state: str
    uid: int
    cpu_ticks: int
    start_ticks: int
    rss_bytes: int


def read_sample(pid: int) -> ProcessSample | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            raw = handle.read().decode("utf-8", "replace")
        uid = os.stat(f"/proc/{pid}").st_uid
    except OSError:
        return None
    open_paren, close_paren = raw.find("("), raw.rfind(")")
    fields = raw[close_paren + 2 :].split()
    # fields[0] is field 3 of proc(5): state; ppid=4, pgrp=5, utime=14, stime=15,
    # starttime=22, rss=24
    try:
        return ProcessSample(
            pid=pid,
            ppid=int(fields[1]),
            pgid=int(fields[2]),
            name=raw[open_paren + 1 : close_paren],
            state=fields[0],
            uid=uid,
            cpu_ticks=int(fields[11]) + int(fields[12]),
            start_ticks=int(fields[19]),
            rss_bytes=int(fields[21]) * PAGE_SIZE,
        )
    except (IndexError, ValueError):
        return None


def pids() -> list[int]:
    return [int(name) for name in os.listdir("/proc") if name.isdigit()]


def scan() -> list[ProcessSample]:
    samples = []
    for pid in pids():
        sample = read_sample(pid)
        if sample is not None:
            samples.append(sample)
    return samples


def command_line(pid: int, fallback: str) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as handle:
            raw = handle.read()
    except OSError:
        return fallback
    parts = [part.decode("utf-8", "replace") for part in raw.split(b"\0") if part]
    return " ".join(parts) if parts else f"[{fallback}]"


@cache
def user_name(uid: int) -> str:
    try:
        return pwd.getpwuid(uid).pw_name
    except KeyError:
        return str(uid)


def uptime_seconds() -> float:
    with open("/proc/uptime") as handle:
        return float(handle.read().split()[0])


def memory_total_bytes() -> int:
    with open("/proc/meminfo") as handle:
        for line in handle:
            if line.startswith("MemTotal:"):
                return int(line.split()[1]) * 1024
    return 0


class CpuMeter:
    """CPU use between successive samples, per process and in total (percent of one CPU)."""

    def __init__(self) -> None:
        self._previous: dict[tuple[int, int], int] = {}
        self._previous_at: float | None = None

    def measure(self, samples: list[ProcessSample]) -> tuple[float, dict[int, float]]:
        now = time.monotonic()
        system_uptime = uptime_seconds()
        elapsed = now - self._previous_at if self._previous_at is not None else None
        per_process: dict[int, float] = {}
        total_ticks = 0.0
        current: dict[tuple[int, int], int] = {}
        for sample in samples:
            key = (sample.pid, sample.start_ticks)
            current[key] = sample.cpu_ticks
            before = self._previous.get(key)
            if elapsed and before is not None and elapsed > 0.05:
                ticks = max(0, sample.cpu_ticks - before)
                percent = ticks / CLOCK_TICKS / elapsed * 100
            else:
                lifetime = system_uptime - sample.start_ticks / CLOCK_TICKS
                ticks = sample.cpu_ticks
                percent = sample.cpu_ticks / CLOCK_TICKS / lifetime * 100 if lifetime > 0 else 0.0
            per_process[sample.pid] = round(percent, 2)
            total_ticks += ticks
        if elapsed and elapsed > 0.05:
            total = total_ticks / CLOCK_TICKS / elapsed * 100
        else:
            total = sum(per_process.values())
        self._previous = current
        self._previous_at = now
        return round(total, 2), per_process
