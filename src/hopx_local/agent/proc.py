"""Child processes driven directly by the event loop.

Each child runs in its own session (so a timeout or a kill reaches its whole process group), its
pipes are read with ``loop.add_reader`` and its exit is seen through a pidfd: no threads, no
child watcher, no per-call pools. Output is captured up to a limit and can also be handed, as it
arrives, to a callback (the streaming endpoints use that).
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import os
import signal
import subprocess
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from .oom import OomScore

OutputSink = Callable[[str, str], None]
"""Called with ("stdout" | "stderr", text) for each chunk as it arrives."""

_READ_CHUNK = 65536


class BoundedCapture:
    """Keeps at most ``head`` first bytes and ``tail`` last bytes of a stream.

    What falls in between is dropped and replaced by a ``…[truncated N bytes]…`` line in
    :meth:`text`.
    ``head=0`` keeps only the end of the stream (background processes: the last N bytes).
    """

    __slots__ = ("dropped", "head", "head_limit", "tail", "tail_limit", "tail_size")

    def __init__(self, head: int, tail: int = 0) -> None:
        self.head_limit = head
        self.tail_limit = tail
        self.head = bytearray()
        self.tail: deque[bytes] = deque()
        self.tail_size = 0
        self.dropped = 0

    @classmethod
    def split(cls, limit: int) -> BoundedCapture:
        """Keep ``limit`` bytes in all: the first half and the last half."""
        return cls(limit - limit // 2, limit // 2)

    @property
    def truncated(self) -> bool:
        return self.dropped > 0

    def add(self, data: bytes) -> None:
        room = self.head_limit - len(self.head)
        if room > 0:
            self.head += data[:room]
            data = data[room:]
            if not data:
                return
        if self.tail_limit <= 0:
            self.dropped += len(data)
            return
        self.tail.append(data)
        self.tail_size += len(data)
        while self.tail_size > self.tail_limit:
            excess = self.tail_size - self.tail_limit
            first = self.tail[0]
            if len(first) <= excess:
                self.tail.popleft()
                self.tail_size -= len(first)
                self.dropped += len(first)
            else:
                self.tail[0] = first[excess:]
                self.tail_size -= excess
                self.dropped += excess

    def text(self) -> str:
        tail = b"".join(self.tail)
        mark = f"\n\u2026[truncated {self.dropped} bytes]\u2026\n".encode() if self.dropped else b""
        joined = bytes(self.head) + mark + tail
        return joined.decode("utf-8", errors="replace")


@dataclass(frozen=True)
class Outcome:
    """How a child ended; ``exit_code`` is 128+N when signal N killed it (as in shells)."""

    exit_code: int
    signal: int | None
    """The signal that ended the child, if one did."""
    stdout: str
    stderr: str
    timed_out: bool
    killed: bool
    duration: float
    pid: int
    truncated: bool


class _Stream:
    __slots__ = ("capture", "decoder", "fd", "name", "open")

    def __init__(self, name: str, fd: int, capture: BoundedCapture) -> None:
        self.name = name
        self.fd = fd
        self.capture = capture
        self.decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        self.open = True


class Child:
    """One started child process; ``await child.wait(timeout)`` for its :class:`Outcome`."""

    def __init__(
        self,
        argv: Sequence[str],
        *,
        env: Mapping[str, str],
        cwd: str,
        capture: Callable[[], BoundedCapture],
        on_output: OutputSink | None = None,
        oom: OomScore | None = None,
    ) -> None:
        self._loop = asyncio.get_running_loop()
        self.started_at = time.time()
        self._started_mono = time.monotonic()
        with oom.for_children() if oom is not None else contextlib.nullcontext():
            self._proc = subprocess.Popen(
                list(argv),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=dict(env),
                cwd=cwd,
                start_new_session=True,
                close_fds=True,
                bufsize=0,
            )
        self.pid = self._proc.pid
        self._on_output = on_output
        self._killed_by_us = False
        self._timed_out = False
        self._finished: asyncio.Future[None] = self._loop.create_future()
        self._ended_mono: float | None = None
        assert self._proc.stdout is not None and self._proc.stderr is not None
        self._streams = [
            _Stream("stdout", self._proc.stdout.fileno(), capture()),
            _Stream("stderr", self._proc.stderr.fileno(), capture()),
        ]
        for stream in self._streams:
            os.set_blocking(stream.fd, False)
            self._loop.add_reader(stream.fd, self._on_readable, stream)
        self._pidfd = os.pidfd_open(self.pid)
        self._loop.add_reader(self._pidfd, self._on_exit)

    # ---------------------------------------------------------------- events
    def _on_readable(self, stream: _Stream) -> None:
        self._read_available(stream)

    def _read_available(self, stream: _Stream) -> None:
        while stream.open:
            try:
                data = os.read(stream.fd, _READ_CHUNK)
            except BlockingIOError:
                return
            except OSError:
                data = b""
            if not data:
                self._close_stream(stream)
                return
            stream.capture.add(data)
            if self._on_output is not None:
                text = stream.decoder.decode(data)
                if text:
                    self._on_output(stream.name, text)

    def _close_stream(self, stream: _Stream) -> None:
        if not stream.open:
            return
        stream.open = False
        self._loop.remove_reader(stream.fd)
        if self._on_output is not None:
            tail = stream.decoder.decode(b"", final=True)
            if tail:
                self._on_output(stream.name, tail)

    def _on_exit(self) -> None:
        self._loop.remove_reader(self._pidfd)
        os.close(self._pidfd)
        self._proc.poll()
        self._ended_mono = time.monotonic()
        # Everything the child wrote before exiting is already in the pipes: drain it now and
        # stop listening, so a grandchild that keeps the pipe open cannot hold the result back.
        for stream in self._streams:
            self._read_available(stream)
            self._close_stream(stream)
        for pipe in (self._proc.stdout, self._proc.stderr):
            if pipe is not None:
                pipe.close()
        if not self._finished.done():
            self._finished.set_result(None)

    # ------------------------------------------------------------------- api
    @property
    def running(self) -> bool:
        return not self._finished.done()

    @property
    def returncode(self) -> int | None:
        return self._proc.returncode

    def kill(self, sig: int = signal.SIGKILL) -> None:
        """Signal the child's whole process group (it leads its own session)."""
        if not self.running:
            return
        self._killed_by_us = True
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, sig)

    async def terminate(self, grace: float) -> Outcome:
        """SIGTERM the process group, SIGKILL it if still there after ``grace`` seconds."""
        self.kill(signal.SIGTERM)
        try:
            await asyncio.wait_for(asyncio.shield(self._finished), grace)
        except TimeoutError:
            self.kill(signal.SIGKILL)
        await self._finished
        self._kill_group_leftovers()
        return self.outcome()

    def _kill_group_leftovers(self) -> None:
        # Right after the leader ended: grandchildren still in its group keep the id reserved.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)

    async def wait(self, timeout: float | None = None) -> Outcome:
        """Wait for the end; past ``timeout`` (or if the waiter is cancelled) kill the group."""
        try:
            if timeout is not None and self.running:
                try:
                    await asyncio.wait_for(asyncio.shield(self._finished), timeout)
                except TimeoutError:
                    self._timed_out = True
                    self.kill()
                    await self._finished
                    self._kill_group_leftovers()
            await asyncio.shield(self._finished)
        except asyncio.CancelledError:
            self.kill()
            raise
        return self.outcome()

    def outcome(self) -> Outcome:
        code = self._proc.returncode
        exit_code = 128 - code if code is not None and code < 0 else (code or 0)
        end = self._ended_mono if self._ended_mono is not None else time.monotonic()
        out, err = self._streams
        return Outcome(
            exit_code=exit_code,
            signal=-code if code is not None and code < 0 else None,
            stdout=out.capture.text(),
            stderr=err.capture.text(),
            timed_out=self._timed_out,
            killed=self._killed_by_us and not self._timed_out,
            duration=end - self._started_mono,
            pid=self.pid,
            truncated=out.capture.truncated or err.capture.truncated,
        )
