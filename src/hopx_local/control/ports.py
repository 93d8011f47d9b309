"""Loopback ports for sandboxes: bound here, then served by the sandbox's agent (inherited as
a listening socket) or by a relay (a desktop's VNC port)."""

from __future__ import annotations

import socket
from collections.abc import Set

_ATTEMPTS = 64


class NoFreePort(Exception):
    """The host has no free port to give (or all candidates are reserved)."""


def _listen(host: str, port: int) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # proto=IPPROTO_TCP: asyncio enables TCP_NODELAY only on sockets that say they are TCP.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(128)
        sock.setblocking(False)
    except OSError:
        sock.close()
        raise
    return sock


def bind_agent_port(host: str, *, preferred: int | None, reserved: Set[int]) -> socket.socket:
    """A listening socket on ``host``: on ``preferred`` if it is free, else on a new port.

    ``reserved`` are ports recorded for other sandboxes (stopped ones are not bound but will
    want their port back), so a new port is never one of them.
    """
    if preferred:
        try:
            return _listen(host, preferred)
        except OSError:
            pass
    for _ in range(_ATTEMPTS):
        sock = _listen(host, 0)
        if sock.getsockname()[1] not in reserved:
            return sock
        sock.close()
    raise NoFreePort(f"no free port on {host} after {_ATTEMPTS} attempts")
