"""Opening sockets inside another network namespace (setns(2) on one worker thread).

A socket belongs to the network namespace it was created in, wherever it is used later: the
worker thread enters the sandbox's netns, creates the socket, and switches straight back; the
connect then runs on the event loop like any other socket. The same thread creates the
egress namespaces (unshare(2), then back): a namespace lives as long as a descriptor of it.
"""

from __future__ import annotations

import asyncio
import ctypes
import os
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from hopx_local.runtime.errors import SandboxRuntimeError

CLONE_NEWNET = 0x40000000
_T = TypeVar("_T")
_Socket = socket.socket  # NetnsDialer.socket shadows the module inside the class
_libc = ctypes.CDLL(None, use_errno=True)


def _setns(fd: int) -> None:
    if _libc.setns(fd, CLONE_NEWNET) != 0:
        error = ctypes.get_errno()
        raise OSError(error, f"setns: {os.strerror(error)}")


class _ThreadLeftInSandboxNetns(SandboxRuntimeError):
    """Switching the worker thread back to the host netns failed (the thread is retired)."""


def _socket_in_netns(ns_path: str, family: int, kind: int) -> socket.socket:
    own = os.open("/proc/thread-self/ns/net", os.O_RDONLY | os.O_CLOEXEC)
    try:
        target = os.open(ns_path, os.O_RDONLY | os.O_CLOEXEC)
        try:
            _setns(target)
            try:
                return socket.socket(family, kind)
            finally:
                _switch_back(own)
        finally:
            os.close(target)
    finally:
        os.close(own)


def _new_netns() -> int:
    """A descriptor of a new, empty network namespace (owned by this process's user ns)."""
    own = os.open("/proc/thread-self/ns/net", os.O_RDONLY | os.O_CLOEXEC)
    try:
        if _libc.unshare(CLONE_NEWNET) != 0:
            error = ctypes.get_errno()
            raise OSError(error, f"unshare(CLONE_NEWNET): {os.strerror(error)}")
        try:
            return os.open("/proc/thread-self/ns/net", os.O_RDONLY | os.O_CLOEXEC)
        finally:
            _switch_back(own)
    finally:
        os.close(own)


def _switch_back(own: int) -> None:
    try:
        _setns(own)
    except OSError as error:
        raise _ThreadLeftInSandboxNetns(str(error)) from error


class NetnsDialer:
    """Creates sockets in the network namespace of a given pid, off the event loop."""

    def __init__(self) -> None:
        self._executor = self._new_executor()

    @staticmethod
    def _new_executor() -> ThreadPoolExecutor:
        return ThreadPoolExecutor(max_workers=1, thread_name_prefix="hopx-netns")

    async def socket_at(
        self, ns_path: str, family: int = socket.AF_INET, kind: int = socket.SOCK_STREAM
    ) -> _Socket:
        """A socket created in the network namespace at ns_path (e.g. /proc/self/fd/N)."""
        return await self._on_worker(_socket_in_netns, ns_path, family, kind)

    async def new_namespace(self) -> int:
        """A descriptor (close-on-exec) of a new network namespace; closing it frees it."""
        return await self._on_worker(_new_netns)

    async def socket(
        self, pid: int, family: int = socket.AF_INET, kind: int = socket.SOCK_STREAM
    ) -> socket.socket:
        return await self.socket_at(f"/proc/{pid}/ns/net", family, kind)

    async def _on_worker(self, function: Callable[..., _T], *args: object) -> _T:
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, function, *args)
        except _ThreadLeftInSandboxNetns:
            # Never reuse a thread that may still sit in a sandbox's namespace.
            self._executor.shutdown(wait=False)
            self._executor = self._new_executor()
            raise

    async def connect(self, pid: int, host: str, port: int) -> _Socket:
        """A non-blocking socket TCP-connected to host:port as seen from inside pid's netns."""
        sock = await self.socket(pid)
        try:
            sock.setblocking(False)
            await asyncio.get_running_loop().sock_connect(sock, (host, port))
        except BaseException:
            sock.close()
            raise
        return sock

    async def open_connection(
        self, pid: int, host: str, port: int
    ) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """:meth:`connect`, as asyncio streams."""
        return await asyncio.open_connection(sock=await self.connect(pid, host, port))

    def close(self) -> None:
        self._executor.shutdown(wait=False)
