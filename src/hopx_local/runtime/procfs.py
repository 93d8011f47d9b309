"""Small /proc readers used to follow a sandbox's pid 1 from the host."""

from __future__ import annotations

import os
from pathlib import Path

# Where bwrap's pid 1 sleeps once it runs its reaper loop (after arming --die-with-parent).
REAPER_WCHAN = "do_wait"


def wchan(pid: int) -> str | None:
    """Kernel function the process sleeps in ("0" while running); None once it is gone."""
    try:
        return Path(f"/proc/{pid}/wchan").read_text().strip()
    except (FileNotFoundError, ProcessLookupError):
        return None


def wchan_is_symbolic(sample: int = 64) -> bool:
    """Whether this kernel names wait channels: some sleeping process shows a name.

    A running process shows "0" either way, so look at several processes, not one.
    """
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        channel = wchan(int(entry.name))
        if channel is not None and channel not in ("", "0"):
            return True
        sample -= 1
        if sample == 0:
            break
    return False


def has_children(pid: int) -> bool | None:
    """True/False, or None when the process is gone or the kernel lacks the children file."""
    try:
        return bool(Path(f"/proc/{pid}/task/{pid}/children").read_text().strip())
    except OSError:
        return None


def descendants(pid: int, limit: int = 16) -> list[int]:
    """pid's children, grandchildren... (at most ``limit``; [] without the children file)."""
    found: list[int] = []
    queue = [pid]
    while queue and len(found) < limit:
        parent = queue.pop(0)
        try:
            children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
        except OSError:
            continue
        found.extend(int(child) for child in children)
        queue.extend(int(child) for child in children)
    return found[:limit]


def is_anchor(pid: int) -> bool:
    """Whether pid runs the anchor program (``runtime/anchor.py``: exec'd from its memfd)."""
    try:
        return os.readlink(f"/proc/{pid}/exe").startswith("/memfd:hopx-anchor")
    except OSError:
        return False


def loopback_is_up(pid: int) -> bool | None:
    """Whether 127.0.0.1 is routed in the network namespace of ``pid`` (None: pid gone).

    Its local route appears once the address is on ``lo`` and ``lo`` is up.
    """
    try:
        return "127.0.0.1" in Path(f"/proc/{pid}/net/fib_trie").read_text()
    except OSError:
        return None
