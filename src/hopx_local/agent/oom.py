"""User code should be what the OOM killer picks first, not the agent.

The runtime lowers the agent's ``oom_score_adj`` (and so the floor it may return to); children
inherit the value at fork. :meth:`OomScore.for_children` raises the agent's own value around a
spawn, so the child starts with the user-code score, and lowers it back right after (a vfork'd
spawn returns once the child has exec'd, so the window is a few milliseconds).

The agent's own file stays open: two ``pwrite`` calls per spawn instead of two open/write/close
rounds through procfs, which were a tenth of a ``/commands/run`` of ``true``.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

_PATH = "/proc/self/oom_score_adj"


def _read(path: str = _PATH) -> int | None:
    try:
        with open(path) as handle:
            return int(handle.read().strip())
    except (OSError, ValueError):
        return None


def _write(value: int, path: str) -> bool:
    try:
        with open(path, "w") as handle:
            handle.write(str(value))
    except OSError:
        return False
    return True


def _pwrite(fd: int, value: int) -> bool:
    try:
        os.pwrite(fd, str(value).encode(), 0)
    except OSError:
        return False
    return True


class OomScore:
    def __init__(self, child_score: int | None) -> None:
        self.child_score = child_score
        self.own = _read()
        self.enabled = False
        self._fd = -1
        if child_score is None or self.own is None or self.own >= child_score:
            return
        try:
            # /proc/self resolved now: the descriptor stays bound to the agent's own process.
            self._fd = os.open(f"/proc/{os.getpid()}/oom_score_adj", os.O_WRONLY | os.O_CLOEXEC)
        except OSError:
            return
        # Usable only if the agent may come back down afterwards: try with one step.
        if _pwrite(self._fd, self.own + 1):
            self.enabled = _pwrite(self._fd, self.own)

    @contextlib.contextmanager
    def for_children(self) -> Iterator[None]:
        if not self.enabled or self.child_score is None or self.own is None:
            yield
            return
        _pwrite(self._fd, self.child_score)
        try:
            yield
        finally:
            _pwrite(self._fd, self.own)

    def apply_to(self, pid: int) -> None:
        """Give an already running process (e.g. the kernel) the user-code score."""
        if self.child_score is not None:
            _write(self.child_score, f"/proc/{pid}/oom_score_adj")
