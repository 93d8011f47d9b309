"""User-mode networking for sandboxes with internet access: slirp4netns on the sandbox netns.

slirp4netns gives the sandbox a tap0 device (10.0.2.100/24, gateway 10.0.2.2, DNS 10.0.2.3)
and relays its traffic through ordinary host sockets. --disable-host-loopback stops 10.0.2.2
from reaching the host's 127.0.0.1; the sandbox's own 127.0.0.1 is its own loopback.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Sequence
from pathlib import Path

import attrs

from hopx_local.runtime.errors import SandboxStartError
from hopx_local.runtime.launch import join_cgroups_argv, log_tail, read_pipe, spawn

RESOLV_CONF = "nameserver 10.0.2.3\n"
TAP_DEVICE = "tap0"
READY_TIMEOUT_S = 10.0


@attrs.define
class Slirp:
    """A running slirp4netns; closing exit_fd (or the host process dying) makes it exit."""

    process: asyncio.subprocess.Process
    exit_fd: int | None

    def close(self) -> None:
        if self.exit_fd is not None:
            os.close(self.exit_fd)
            self.exit_fd = None


def slirp_argv(slirp4netns: str, netns_pid: int, ready_fd: int, exit_fd: int) -> list[str]:
    return [
        slirp4netns,
        "--configure",
        "--mtu=65520",
        "--disable-host-loopback",
        "--enable-sandbox",
        "--enable-seccomp",
        f"--ready-fd={ready_fd}",
        f"--exit-fd={exit_fd}",
        # By path: joins the network namespace only (it belongs to the host's user namespace).
        "--netns-type=path",
        f"/proc/{netns_pid}/ns/net",
        TAP_DEVICE,
    ]


async def attach_slirp4netns(
    slirp4netns: str, netns_pid: int, procs_files: Sequence[Path], log_path: Path
) -> Slirp:
    """Start slirp4netns (inside the sandbox's cgroups) and return once tap0 is configured."""
    ready_r, ready_w = os.pipe2(os.O_CLOEXEC)
    exit_r, exit_w = os.pipe2(os.O_CLOEXEC)
    log_fd = os.open(log_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_CLOEXEC, 0o600)
    try:
        argv = join_cgroups_argv(procs_files, slirp_argv(slirp4netns, netns_pid, ready_w, exit_r))
        process = await spawn(argv, pass_fds=(ready_w, exit_r), output_fd=log_fd)
    except BaseException:
        for fd in (ready_r, ready_w, exit_r, exit_w):
            os.close(fd)
        raise
    finally:
        os.close(log_fd)
    os.close(ready_w)
    os.close(exit_r)
    slirp = Slirp(process, exit_w)
    try:
        ready = await read_pipe(ready_r, max_bytes=1, timeout=READY_TIMEOUT_S)
    except BaseException:
        slirp.close()
        raise
    if ready != b"1":
        slirp.close()
        raise SandboxStartError(
            f"slirp4netns did not configure the sandbox network (exit {await process.wait()}): "
            f"{log_tail(log_path)}"
        )
    return slirp
