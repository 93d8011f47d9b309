"""Fork servers: a sandbox's agent forked from a process that imported it once.

A :class:`ForkServer` is a fresh ``python3 -I`` (see ``forkserver_main``) with a minimal
environment and no descriptor of ours but its control socket. :meth:`ForkServer.launch` hands it
a socket of one launch; over that socket go the target sandbox (its pid 1, cgroups), the
descriptors the program keeps and under which numbers, its argv and environment. The answer is
the host pid of the program, which then runs inside the sandbox exactly as bwrap's command would
(see ``enter``), its imported pages shared copy-on-write with the server and every other fork.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import subprocess
from collections.abc import Mapping, Sequence

import attrs

from hopx_local.runtime.errors import SandboxStartError
from hopx_local.runtime.launch import LAUNCH_ENV

READY_TIMEOUT_S = 60.0
LAUNCH_TIMEOUT_S = 10.0
CLOSE_TIMEOUT_S = 5.0
# Visible as the command line of every forked program: no path, no secret.
BOOTSTRAP = (
    "import json, sys; config = json.loads(sys.stdin.buffer.read()); "
    "sys.path[:0] = config['sys_path']; "
    "from hopx_local.runtime.forkserver_main import serve; serve(config)"
)


@attrs.frozen
class ForkServerConfig:
    """What a fork server runs: ``python`` with ``sys_path`` in front, ``preload`` imported,
    then ``warm_up`` (``module:function``, optional) called once.

    path_map: host path prefix -> path inside the sandboxes, applied to sys.path and to every
    imported module once the server has imported all it imports: whatever a fork imports
    later comes from its sandbox's read-only copy, never from a host path that the sandbox's
    root could create in its own file system.
    """

    python: str
    sys_path: tuple[str, ...]
    preload: tuple[str, ...]
    path_map: tuple[tuple[str, str], ...] = ()
    warm_up: str | None = None


@attrs.frozen
class ForkedProgram:
    """A sandbox's command run as a fork of a fork server instead of exec'd by bwrap.

    entry: ``module:function`` called with the argv after the first item.
    """

    server: ForkServerConfig
    entry: str
    argv: tuple[str, ...]


class ForkServer:
    """One running fork server (started on first launch, restarted if it died)."""

    def __init__(self, config: ForkServerConfig) -> None:
        self.config = config
        self._process: asyncio.subprocess.Process | None = None
        self._control: socket.socket | None = None
        self._starting: asyncio.Lock = asyncio.Lock()

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    async def start(self) -> None:
        """Start the server unless it runs; returns once it has imported its modules."""
        async with self._starting:
            if self._process is not None and self._process.returncode is None:
                return
            await self._close_process()
            ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
            try:
                config = {
                    "sys_path": list(self.config.sys_path),
                    "preload": list(self.config.preload),
                    "path_map": dict(self.config.path_map),
                    "warm_up": self.config.warm_up,
                    "control_fd": theirs.fileno(),
                }
                process = await asyncio.create_subprocess_exec(
                    self.config.python,
                    "-I",
                    "-c",
                    BOOTSTRAP,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.DEVNULL,
                    stderr=None,
                    pass_fds=(theirs.fileno(),),
                    env=LAUNCH_ENV,
                    start_new_session=True,
                )
                theirs.close()
                assert process.stdin is not None
                process.stdin.write(json.dumps(config).encode())
                process.stdin.close()
                ours.setblocking(False)
                loop = asyncio.get_running_loop()
                try:
                    ready = await asyncio.wait_for(loop.sock_recv(ours, 16), READY_TIMEOUT_S)
                except TimeoutError:
                    ready = b""
                if ready != b"ready":
                    with contextlib.suppress(ProcessLookupError):
                        process.kill()
                    await process.wait()
                    raise SandboxStartError(
                        f"the agent's fork server did not start (status {process.returncode})"
                    )
            except BaseException:
                ours.close()
                theirs.close()
                raise
            self._process, self._control = process, ours

    async def launch(
        self,
        *,
        pid1: int,
        procs_files: Sequence[str],
        capabilities: Sequence[str],
        fds: Mapping[int, int],
        status_fd: int,
        program: ForkedProgram,
        env: Mapping[str, str],
        cwd: str,
        oom_score_adj: int | None,
    ) -> int:
        """Fork ``program`` into the sandbox whose bwrap pid 1 is ``pid1``; its host pid.

        fds: {our descriptor: its number in the program}; status_fd: the number of the
        anchor's pipe among them (the program writes its exit status there).
        """
        await self.start()
        assert self._control is not None
        loop = asyncio.get_running_loop()
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        with ours:
            try:
                socket.send_fds(self._control, [b"L"], [theirs.fileno()])
            except OSError as error:
                raise SandboxStartError(f"the agent's fork server is gone: {error}") from None
            finally:
                theirs.close()
            launch = {
                "pid1": pid1,
                "procs_files": list(procs_files),
                "capabilities": list(capabilities),
                "fd_numbers": list(fds.values()),
                "status_fd": status_fd,
                "entry": program.entry,
                "argv": list(program.argv),
                "env": dict(env),
                "cwd": cwd,
                "oom_score_adj": oom_score_adj,
            }
            ours.setblocking(False)
            socket.send_fds(ours, [json.dumps(launch).encode()], list(fds))
            try:
                answer = await asyncio.wait_for(loop.sock_recv(ours, 65536), LAUNCH_TIMEOUT_S)
            except TimeoutError:
                raise SandboxStartError("the agent's fork did not answer in time") from None
        if not answer:
            process = self._process
            state = "gone" if process is None or process.returncode is not None else "running"
            raise SandboxStartError(
                f"the agent's fork ended without an answer (its fork server is {state})"
            )
        try:
            reply = json.loads(answer)
            if "error" in reply:
                raise SandboxStartError(f"the agent could not enter the sandbox: {reply['error']}")
            return int(reply["pid"])
        except (ValueError, KeyError, TypeError) as error:
            raise SandboxStartError(f"unexpected answer of the agent's fork: {answer!r}") from error

    async def close(self) -> None:
        async with self._starting:
            await self._close_process()

    async def _close_process(self) -> None:
        if self._control is not None:
            self._control.close()
            self._control = None
        process, self._process = self._process, None
        if process is not None and process.returncode is None:
            try:
                await asyncio.wait_for(process.wait(), CLOSE_TIMEOUT_S)
            except TimeoutError:
                with contextlib.suppress(ProcessLookupError):
                    process.kill()
                await process.wait()


def close_quietly(*fds: int) -> None:
    for fd in fds:
        if fd >= 0:
            with contextlib.suppress(OSError):
                os.close(fd)
