"""Bringing up ``lo`` of a network namespace from the host (a socket made inside it)."""

from __future__ import annotations

import fcntl
import socket
import struct

SIOCGIFFLAGS = 0x8913
SIOCSIFFLAGS = 0x8914
IFF_UP = 0x1
_IFREQ = "16sh22x"


def bring_up_loopback(sock: socket.socket) -> None:
    """Set ``lo`` up in the network namespace sock belongs to (the kernel adds 127.0.0.1)."""
    request = struct.pack(_IFREQ, b"lo", 0)
    _, flags = struct.unpack(_IFREQ, fcntl.ioctl(sock.fileno(), SIOCGIFFLAGS, request))
    if not flags & IFF_UP:
        fcntl.ioctl(sock.fileno(), SIOCSIFFLAGS, struct.pack(_IFREQ, b"lo", flags | IFF_UP))
