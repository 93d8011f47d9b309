"""An interactive shell in a real pseudo-terminal."""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import fcntl
import os
import signal
import struct
import subprocess
import termios
from collections.abc import Mapping, Sequence

from .oom import OomScore

_READ_CHUNK = 65536


def _become_terminal_owner() -> None:  # runs in the child between fork and exec
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def set_window_size(fd: int, cols: int, rows: int) -> None:
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


class PtySession:
    """A child whose stdin/stdout/stderr are the slave side of a new pty (its controlling tty)."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        cwd: str,
        cols: int = 80,
        rows: int = 24,
        oom: OomScore | None = None,
    ) -> None:
        self._loop = asyncio.get_running_loop()
        master, slave = os.openpty()
        try:
            set_window_size(master, cols, rows)
            with oom.for_children() if oom is not None else contextlib.nullcontext():
                self._proc = subprocess.Popen(
                    list(argv),
                    stdin=slave,
                    stdout=slave,
                    stderr=slave,
                    env=dict(env),
                    cwd=cwd,
                    start_new_session=True,
                    close_fds=True,
                    preexec_fn=_become_terminal_owner,
                )
        except BaseException:
            os.close(master)
            raise
        finally:
            os.close(slave)
        self.master = master
        self.pid = self._proc.pid
        os.set_blocking(master, False)
        self.output: asyncio.Queue[str | None] = asyncio.Queue()
        self._decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self._reading = True
        self._loop.add_reader(master, self._on_readable)
        self._exited: asyncio.Future[int] = self._loop.create_future()
        self._pidfd = os.pidfd_open(self.pid)
        self._loop.add_reader(self._pidfd, self._on_exit)

    def _on_readable(self) -> None:
        while self._reading:
            try:
                data = os.read(self.master, _READ_CHUNK)
            except BlockingIOError:
                return
            except OSError:  # EIO: every slave descriptor is closed
                data = b""
            if not data:
                self._stop_reading()
                return
            text = self._decoder.decode(data)
            if text:
                self.output.put_nowait(text)

    def _stop_reading(self) -> None:
        if not self._reading:
            return
        self._reading = False
        self._loop.remove_reader(self.master)
        tail = self._decoder.decode(b"", final=True)
        if tail:
            self.output.put_nowait(tail)
        self.output.put_nowait(None)

    def _on_exit(self) -> None:
        self._loop.remove_reader(self._pidfd)
        os.close(self._pidfd)
        code = self._proc.poll()
        self._on_readable()
        self._stop_reading()
        if not self._exited.done():
            exit_code = 128 - code if code is not None and code < 0 else (code or 0)
            self._exited.set_result(exit_code)

    @property
    def running(self) -> bool:
        return not self._exited.done()

    def write(self, data: str) -> None:
        payload = data.encode("utf-8", errors="replace")
        while payload and self.running:
            try:
                written = os.write(self.master, payload)
            except BlockingIOError:
                # The shell is not reading; a full pty buffer drops the rest of this frame.
                return
            except OSError:
                return
            payload = payload[written:]

    def resize(self, cols: int, rows: int) -> None:
        if self.running:
            set_window_size(self.master, cols, rows)

    async def wait(self) -> int:
        return await self._exited

    async def close(self) -> None:
        """Hang up the shell (SIGHUP to its group), SIGKILL it if it lingers."""
        if self.running:
            for sig, grace in ((signal.SIGHUP, 1.0), (signal.SIGKILL, 5.0)):
                try:
                    os.killpg(self.pid, sig)
                except (ProcessLookupError, PermissionError):
                    break
                try:
                    await asyncio.wait_for(asyncio.shield(self._exited), grace)
                    break
                except TimeoutError:
                    continue
        self._stop_reading()
        with contextlib.suppress(OSError):
            os.close(self.master)
