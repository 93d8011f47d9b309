"""One server per data directory: an flock on ``<data dir>/server.lock`` held while serving.

The lock file also says who holds it (pid, then base URL once bound), so a second server can
name the running one. The kernel drops the lock when the holder dies, even by SIGKILL: a stale
file never blocks a start.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
from pathlib import Path

LOCK_NAME = "server.lock"


class DataDirInUseError(Exception):
    """Another live process holds the data directory's lock."""

    def __init__(self, data_dir: Path, holder: dict[str, object]) -> None:
        self.data_dir = data_dir
        self.holder = holder
        pid = holder.get("pid", "unknown")
        address = holder.get("base_url") or "an address not known yet"
        super().__init__(
            f"another hopx-local (pid {pid}, serving on {address}) is using the data directory "
            f"{data_dir}; stop it first, or pass another --data-dir"
        )


class DataDirLock:
    """The lock of one data directory, held from :meth:`acquire` until :meth:`release`."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        self.path = data_dir / LOCK_NAME
        self._fd = -1

    def acquire(self) -> None:
        """Take the lock (not blocking); DataDirInUseError naming the holder when taken."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _read_holder(fd)
            os.close(fd)
            raise DataDirInUseError(self.data_dir, holder) from None
        except BaseException:
            os.close(fd)
            raise
        self._fd = fd
        self.describe(base_url=None)

    def describe(self, *, base_url: str | None) -> None:
        """Say in the lock file who holds it (for the message a second server prints)."""
        if self._fd < 0:
            raise RuntimeError("the data directory lock is not held")
        content = json.dumps({"pid": os.getpid(), "base_url": base_url}).encode()
        os.ftruncate(self._fd, 0)
        os.pwrite(self._fd, content, 0)

    def release(self) -> None:
        if self._fd >= 0:
            with contextlib.suppress(OSError):
                os.ftruncate(self._fd, 0)
            os.close(self._fd)  # closing the descriptor drops the flock
            self._fd = -1


def _read_holder(fd: int) -> dict[str, object]:
    try:
        loaded = json.loads(os.pread(fd, 4096, 0) or b"{}")
    except (OSError, ValueError):
        return {}
    return loaded if isinstance(loaded, dict) else {}
