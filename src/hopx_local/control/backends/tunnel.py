"""A node's data plane: TCP connections from the control plane into the node's sandboxes.

Each node agent listens on one port of its node. The control plane opens a connection, sends
one JSON line ``{"secret", "sandbox_id", "target"}`` (target: ``"agent"``, ``"vnc"`` or a
port number inside the sandbox), and reads one framed answer (4-byte length, then JSON:
``{"ok": true}`` or ``{"error": [kind, message, details]}``); after an ``ok`` the connection
carries the bytes of the sandbox's connection both ways, half-closes included. The secret is
the control plane's (handed to its node agents when they start): only it can open tunnels.
Nothing is read past the header before the answer, so protocols where the server speaks first
(VNC) work.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import socket
import struct
from collections.abc import Awaitable, Callable
from typing import Any

from hopx_local.control.backends.remote_errors import decode_error, encode_error
from hopx_local.control.domain_errors import LifecycleError

Target = str | int
Connect = Callable[[str, Target], Awaitable[socket.socket]]

_HEADER_LIMIT = 64 * 1024
_HEADER_TIMEOUT = 10.0
_CHUNK = 256 * 1024


async def serve_tunnels(host: str, secret: str, connect: Connect) -> asyncio.Server:
    """Listen on ``host`` (a free port) for tunnels; ``connect`` opens the inner connection."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            await _serve_one(reader, writer, secret, connect)
        finally:
            writer.close()

    return await asyncio.start_server(handle, host, 0, limit=_HEADER_LIMIT)


async def _serve_one(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, secret: str, connect: Connect
) -> None:
    try:
        line = await asyncio.wait_for(reader.readuntil(b"\n"), _HEADER_TIMEOUT)
        header = json.loads(line)
        offered = str(header.get("secret", ""))
        sandbox_id = str(header["sandbox_id"])
        target: Target = header["target"]
    except (OSError, TimeoutError, ValueError, KeyError, asyncio.IncompleteReadError):
        return
    except asyncio.LimitOverrunError:
        return
    if not hmac.compare_digest(offered.encode(), secret.encode()):
        return
    try:
        inner = await connect(sandbox_id, target)
    except (LifecycleError, OSError) as exc:
        with contextlib.suppress(OSError):
            writer.write(_frame({"error": list(encode_error(exc))}))
            await writer.drain()
        return
    inner_reader, inner_writer = await asyncio.open_connection(sock=inner, limit=_CHUNK)
    try:
        writer.write(_frame({"ok": True}))
        await asyncio.gather(_pump(reader, inner_writer), _pump(inner_reader, writer))
    finally:
        inner_writer.close()


async def _pump(source: asyncio.StreamReader, sink: asyncio.StreamWriter) -> None:
    """Copy until EOF, then half-close ``sink``; on a broken connection close it."""
    try:
        while data := await source.read(_CHUNK):
            sink.write(data)
            await sink.drain()
        if sink.can_write_eof():
            sink.write_eof()
    except (OSError, RuntimeError):
        sink.close()


def _frame(answer: dict[str, Any]) -> bytes:
    body = json.dumps(answer).encode()
    return struct.pack("!I", len(body)) + body


async def open_tunnel(
    address: tuple[str, int], secret: str, sandbox_id: str, target: Target
) -> socket.socket:
    """A connected non-blocking socket to ``target`` of the sandbox, through its node.

    Raises the node's domain error (e.g. SandboxGone), OSError when the target refuses, and
    ConnectionError when the node does not answer.
    """
    loop = asyncio.get_running_loop()
    host, port = address
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setblocking(False)
    try:
        await loop.sock_connect(sock, (host, port))
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        header = {"secret": secret, "sandbox_id": sandbox_id, "target": target}
        await loop.sock_sendall(sock, json.dumps(header).encode() + b"\n")
        (length,) = struct.unpack("!I", await _receive_exactly(loop, sock, 4))
        answer = json.loads(await _receive_exactly(loop, sock, length))
    except BaseException:
        sock.close()
        raise
    if answer.get("ok"):
        return sock
    sock.close()
    kind, message, details = answer["error"]
    raise decode_error((kind, message, details))


async def _receive_exactly(
    loop: asyncio.AbstractEventLoop, sock: socket.socket, size: int
) -> bytes:
    data = b""
    while len(data) < size:
        chunk = await loop.sock_recv(sock, size - len(data))
        if not chunk:
            raise ConnectionError("the node closed the tunnel before answering")
        data += chunk
    return data
