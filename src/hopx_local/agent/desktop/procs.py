"""Running the desktop's programs: short tools (awaited) and long-lived services (kept).

Tools (xdotool, wmctrl, xrandr, ffmpeg for one frame, tesseract) run to completion with a
deadline and their output as bytes. Services (Xvfb, the window manager, x11vnc, a recording's
ffmpeg, the clipboard owner) are started detached in their own session with stdout and stderr
in a log file, and are ended by signalling their process group.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import os
import signal
import subprocess
import time
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from hopx_local.agent.errors import AgentFault

_PR_SET_PDEATHSIG = 1
# Resolved now, in the parent: between fork and exec the child may only make this one call
# (no dlopen, no imports) because other threads may hold locks at fork time.
_prctl = ctypes.CDLL(None, use_errno=True).prctl


def _die_with_parent() -> None:  # pragma: no cover - runs in the child between fork and exec
    _prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


@dataclass(frozen=True)
class ToolResult:
    returncode: int
    stdout: bytes
    stderr: str


def tool_failure(name: str, message: str, **details: object) -> AgentFault:
    """A desktop program failed: 500 INTERNAL_ERROR naming the program."""
    return AgentFault(500, "INTERNAL_ERROR", f"{name}: {message}", {"program": name, **details})


async def run_tool(
    argv: Sequence[str],
    env: Mapping[str, str],
    *,
    timeout: float = 15.0,
    stdin: bytes | None = None,
    check: bool = True,
) -> ToolResult:
    """Run one program to completion; a non-zero exit (with ``check``) or a timeout raises."""
    name = os.path.basename(argv[0])
    try:
        proc = await asyncio.create_subprocess_exec(
            *argv,
            stdin=subprocess.PIPE if stdin is not None else subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=dict(env),
            start_new_session=True,
        )
    except FileNotFoundError as exc:
        raise AgentFault(
            503,
            "DESKTOP_NOT_AVAILABLE",
            f"{name} is not installed",
            {"missing_dependencies": [name]},
        ) from exc
    try:
        out, err = await asyncio.wait_for(proc.communicate(stdin), timeout)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        await proc.wait()
        raise tool_failure(name, f"did not finish within {timeout:g} s", timeout=timeout) from None
    result = ToolResult(proc.returncode or 0, out, err.decode("utf-8", "replace").strip())
    if check and result.returncode != 0:
        raise tool_failure(name, result.stderr or f"exit code {result.returncode}")
    return result


class Service:
    """One long-lived program started by the desktop (it dies with the agent)."""

    def __init__(
        self,
        name: str,
        argv: Sequence[str],
        env: Mapping[str, str],
        log_path: Path,
        *,
        stdin_pipe: bool = False,
        pass_fds: Sequence[int] = (),
    ) -> None:
        self.name = name
        self.argv = list(argv)
        self.log_path = log_path
        self.started_at = time.time()
        log_path.parent.mkdir(parents=True, exist_ok=True)
        with open(log_path, "ab") as log:
            try:
                self._proc = subprocess.Popen(
                    self.argv,
                    stdin=subprocess.PIPE if stdin_pipe else subprocess.DEVNULL,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                    env=dict(env),
                    start_new_session=True,
                    close_fds=True,
                    pass_fds=tuple(pass_fds),
                    preexec_fn=_die_with_parent,
                )
            except FileNotFoundError as exc:
                raise AgentFault(
                    503,
                    "DESKTOP_NOT_AVAILABLE",
                    f"{os.path.basename(self.argv[0])} is not installed",
                    {"missing_dependencies": [os.path.basename(self.argv[0])]},
                ) from exc
        self.pid = self._proc.pid

    @property
    def running(self) -> bool:
        return self._proc.poll() is None

    @property
    def returncode(self) -> int | None:
        return self._proc.poll()

    def write_stdin(self, data: bytes) -> None:
        """Write ``data`` and close stdin (the program sees end of input)."""
        pipe = self._proc.stdin
        if pipe is None:
            return
        try:
            pipe.write(data)
            pipe.close()
        except BrokenPipeError:
            pass

    def send_signal(self, sig: int) -> None:
        if self.running:
            with contextlib.suppress(ProcessLookupError, PermissionError):
                os.killpg(self.pid, sig)

    async def wait(self, timeout: float) -> bool:
        """True when the program ended within ``timeout`` seconds (polled, no threads)."""
        deadline = time.monotonic() + timeout
        delay = 0.005
        while self.running:
            if time.monotonic() >= deadline:
                return False
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.05)
        return True

    async def stop(self, sig: int = signal.SIGTERM, grace: float = 3.0) -> None:
        """Signal the group, wait up to ``grace`` seconds, then SIGKILL whatever is left."""
        self.send_signal(sig)
        if not await self.wait(grace):
            self.send_signal(signal.SIGKILL)
            await self.wait(grace)
        # The group may hold helpers that outlive the leader (xterm's shell, ffmpeg's threads).
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.pid, signal.SIGKILL)
        if self._proc.stdin is not None:
            with contextlib.suppress(OSError):
                self._proc.stdin.close()

    def describe(self) -> dict[str, object]:
        return {
            "name": self.name,
            "pid": self.pid,
            "running": self.running,
            "exit_code": self.returncode,
            "command": " ".join(self.argv),
            "started_at": self.started_at,
            "log": str(self.log_path),
        }


async def poll_until(
    check: Callable[[], Awaitable[bool]], timeout: float, *, what: str, first_delay: float = 0.01
) -> None:
    """Await ``check()`` until it is true; 500 INTERNAL_ERROR when the deadline passes."""
    deadline = time.monotonic() + timeout
    delay = first_delay
    while True:
        if await check():
            return
        if time.monotonic() >= deadline:
            raise AgentFault(
                500, "INTERNAL_ERROR", f"timed out after {timeout:g} s waiting for {what}"
            )
        await asyncio.sleep(delay)
        delay = min(delay * 2, 0.1)
