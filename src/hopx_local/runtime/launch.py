"""Spawning host processes straight into a sandbox's cgroups, and reading their pipes."""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
from collections.abc import Sequence
from pathlib import Path

SHELL = "/bin/sh"
JOIN_CGROUPS_FAILED = 125
LAUNCH_ENV = {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"}


def join_cgroups_argv(
    procs_files: Sequence[Path], argv: Sequence[str], *, oom_score_adj: int | None = None
) -> list[str]:
    """argv prefixed by a shell that moves itself into every cgroup, then execs argv.

    The process is inside the cgroups before it runs argv, so nothing it forks can escape
    the limits (exec keeps the pid, and children are born in their parent's cgroups).
    oom_score_adj: set on itself first (inherited by everything it starts); lowering it
    needs CAP_SYS_RESOURCE, so without it (e.g. inside a container) the value stays.
    """
    joins = "".join(
        f"echo $$ > {shlex.quote(str(path))} || exit {JOIN_CGROUPS_FAILED}\n"
        for path in procs_files
    )
    if oom_score_adj is not None:
        joins = f"echo {int(oom_score_adj)} > /proc/self/oom_score_adj 2>/dev/null\n{joins}"
    return [SHELL, "-c", f'{joins}exec "$@"', "hopx-launch", *argv]


async def spawn(
    argv: Sequence[str], *, pass_fds: Sequence[int], output_fd: int, stdin_fd: int | None = None
) -> asyncio.subprocess.Process:
    """Start argv in a new session with stdin=/dev/null (or stdin_fd) and stdout+stderr to
    output_fd."""
    return await asyncio.create_subprocess_exec(
        *argv,
        stdin=subprocess.DEVNULL if stdin_fd is None else stdin_fd,
        stdout=output_fd,
        stderr=output_fd,
        pass_fds=tuple(pass_fds),
        env=LAUNCH_ENV,
        start_new_session=True,
    )


def args_memfd(args: Sequence[str]) -> int:
    """A sealed-size in-memory file holding NUL-separated args (for ``bwrap --args FD``).

    Keeps host paths off bwrap's command line, which the sandbox can read as its pid 1.
    """
    fd = os.memfd_create("hopx-bwrap-args", os.MFD_CLOEXEC)
    data = "".join(f"{arg}\0" for arg in args).encode()
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


async def read_pipe(fd: int, *, max_bytes: int, timeout: float) -> bytes:
    """Read from a pipe's read end until EOF or max_bytes; the fd is closed afterwards."""
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    pipe = os.fdopen(fd, "rb", buffering=0)
    transport, _ = await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), pipe)
    try:
        chunks: list[bytes] = []
        size = 0
        async with asyncio.timeout(timeout):
            while size < max_bytes:
                chunk = await reader.read(max_bytes - size)
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
        return b"".join(chunks)
    finally:
        transport.close()


def log_tail(path: Path, max_bytes: int = 2000) -> str:
    """The end of a log file, for error messages (empty when unreadable)."""
    try:
        with open(path, "rb") as file:
            file.seek(0, os.SEEK_END)
            file.seek(max(0, file.tell() - max_bytes))
            return file.read().decode(errors="replace").strip()
    except OSError:
        return ""
