"""Connecting, as root, to a unix socket that sandboxed code could tamper with.

A socket in the sandbox's writable run directory (the VNC server's) has a last path component
not to be trusted: sandboxed code could replace it with a symlink to a host socket, and the
control plane (root) would then connect there for whoever uses the sandbox's port. The socket
is therefore opened with O_PATH|O_NOFOLLOW, checked to be a socket, and connected to through
``/proc/self/fd/<fd>`` -- which also keeps the path short (AF_UNIX paths are limited to 107
bytes; a data directory deep in the file system would exceed that).
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import os
import socket
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

_P = TypeVar("_P", bound=asyncio.BaseProtocol)


@contextlib.contextmanager
def socket_address(path: Path) -> Iterator[str]:
    """A short address of the socket at ``path`` (valid inside the block).

    OSError when nothing is there or it is not a socket (e.g. a symlink).
    """
    fd = os.open(path, os.O_PATH | os.O_NOFOLLOW | os.O_CLOEXEC)
    try:
        if not stat.S_ISSOCK(os.fstat(fd).st_mode):
            raise OSError(errno.ENOTSOCK, f"{path} is not a unix socket")
        yield f"/proc/self/fd/{fd}"
    finally:
        os.close(fd)


async def open_connection(path: Path) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    with socket_address(path) as address:
        return await asyncio.open_unix_connection(address)


async def create_connection(
    protocol_factory: Callable[[], _P], path: Path
) -> tuple[asyncio.Transport, _P]:
    loop = asyncio.get_running_loop()
    with socket_address(path) as address:
        transport, protocol = await loop.create_unix_connection(protocol_factory, address)
    return transport, protocol


async def connect(path: Path) -> socket.socket:
    """A connected non-blocking socket to the unix socket at ``path``."""
    loop = asyncio.get_running_loop()
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.setblocking(False)
    try:
        with socket_address(path) as address:
            await loop.sock_connect(sock, address)
    except BaseException:
        sock.close()
        raise
    return sock


def listen_at(path: Path, *, backlog: int = 2048) -> socket.socket:
    """A unix socket listening at ``path`` (replacing what was there), only root may connect.

    For a directory only host root can enter (the sandbox's root_dir): the agent receives the
    listening descriptor, so nothing of it appears in the sandbox's file system. Bound through
    ``/proc/self/fd/<dir>`` to keep the address short.
    """
    dir_fd = os.open(path.parent, os.O_PATH | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path.name, dir_fd=dir_fd)
        listener.bind(f"/proc/self/fd/{dir_fd}/{path.name}")
        os.chmod(path.name, 0o600, dir_fd=dir_fd)
        listener.listen(backlog)
    except BaseException:
        listener.close()
        raise
    finally:
        os.close(dir_fd)
    return listener
