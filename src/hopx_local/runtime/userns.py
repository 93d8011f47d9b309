"""The sandbox's user and network namespaces, made by host root before the sandbox starts.

Root inside, never root outside (the rootless-container model): uid 0 of the sandbox's user
namespace is the sandbox's unprivileged host uid, and inside uids 1..4095 and 65534 (nobody)
map to a block of host uids of its own, so apt's ``_apt`` and other system users work. The
user namespace belongs to host root (no host process of the sandbox's uid holds anything over
it); the launcher joins it as host root and becomes uid 0 there, which drops every host
capability.

The network namespace is made first, by host root, so it belongs to the host's initial user
namespace: root inside the sandbox holds no capability over it and cannot change its
interfaces, routes or firewall rules.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess

import attrs

from hopx_local.runtime.errors import SandboxStartError
from hopx_local.runtime.uids import UID_RANGE

SUBORDINATE_BASE = 1_000_000_000
SUBORDINATE_COUNT = 4096
"""Inside uids 1..SUBORDINATE_COUNT-1 (and 65534) of each sandbox: a host block of its own."""
NOBODY = 65534
READY_TIMEOUT_S = 10.0


def subordinate_base(uid: int) -> int:
    """First host uid of the block of the sandbox whose root is host ``uid``."""
    return SUBORDINATE_BASE + (uid - UID_RANGE.start) * SUBORDINATE_COUNT


def id_map(uid: int) -> str:
    """uid_map / gid_map of the sandbox whose root is host uid (the same numbers for gids)."""
    block = subordinate_base(uid)
    return f"0 {uid} 1\n1 {block + 1} {SUBORDINATE_COUNT - 1}\n{NOBODY} {block} 1\n"


def host_id(uid: int, inside: int) -> int:
    """The host uid that inside uid ``inside`` of the sandbox of host uid ``uid`` is."""
    if inside == 0:
        return uid
    if inside == NOBODY:
        return subordinate_base(uid)
    if 0 < inside < SUBORDINATE_COUNT:
        return subordinate_base(uid) + inside
    raise ValueError(f"inside uid {inside} is not mapped")


@attrs.define
class Namespaces:
    """Descriptors of a fresh user namespace and network namespace (close() them when used).

    holder_pid: a process inside both, alive until release() (for tools that want a pid).
    """

    user_fd: int
    net_fd: int
    holder: asyncio.subprocess.Process

    @property
    def holder_pid(self) -> int:
        return self.holder.pid

    async def release(self) -> None:
        """Let the holder process end (the namespaces live on through the descriptors)."""
        if self.holder.stdin is not None and not self.holder.stdin.is_closing():
            self.holder.stdin.close()
        with contextlib.suppress(ProcessLookupError):
            await asyncio.wait_for(self.holder.wait(), READY_TIMEOUT_S)

    def close(self) -> None:
        """Close both descriptors (idempotent)."""
        for fd in (self.user_fd, self.net_fd):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.user_fd = self.net_fd = -1


async def create_namespaces(uid: int, *, unshare: str) -> Namespaces:
    """A network namespace owned by the host and, made in it, the sandbox's user namespace.

    A short-lived holder process makes them (``unshare --net``, then ``unshare --user``: two
    calls, so the network namespace is not the user namespace's); root writes the id maps.
    """
    holder = await asyncio.create_subprocess_exec(
        unshare,
        "--net",
        "--",
        unshare,
        "--user",
        "--",
        "/bin/sh",
        "-c",
        "echo ready; read _",
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8"},
    )
    try:
        assert holder.stdout is not None
        line = await asyncio.wait_for(holder.stdout.readline(), READY_TIMEOUT_S)
        if line != b"ready\n":
            assert holder.stderr is not None
            error = (await holder.stderr.read()).decode(errors="replace").strip()
            raise SandboxStartError(f"could not create the sandbox's namespaces: {error}")
        mapping = id_map(uid)
        for name in ("uid_map", "gid_map"):
            with open(f"/proc/{holder.pid}/{name}", "w") as file:
                file.write(mapping)
        user_fd = os.open(f"/proc/{holder.pid}/ns/user", os.O_RDONLY | os.O_CLOEXEC)
        try:
            net_fd = os.open(f"/proc/{holder.pid}/ns/net", os.O_RDONLY | os.O_CLOEXEC)
        except BaseException:
            os.close(user_fd)
            raise
    except BaseException:
        with contextlib.suppress(ProcessLookupError):
            holder.kill()
        await holder.wait()
        raise
    return Namespaces(user_fd, net_fd, holder)
