"""The node tunnel: only the control plane's secret opens one; a domain error comes back as
itself; bytes flow both ways (a server that speaks first included), half-closes pass on."""

from __future__ import annotations

import asyncio
import socket

import pytest

from hopx_local.control.backends.tunnel import Target, open_tunnel, serve_tunnels
from hopx_local.control.domain_errors import SandboxGone

SECRET = "s3cret"


async def _inner_server() -> tuple[asyncio.Server, int]:
    """Says hello first, then echoes upper-cased until EOF, then says bye and closes."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        writer.write(b"hello\n")
        received = await reader.read()
        writer.write(received.upper() + b"bye\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    return server, server.sockets[0].getsockname()[1]


async def _scenario() -> None:
    inner, inner_port = await _inner_server()

    async def connect(sandbox_id: str, target: Target) -> socket.socket:
        if sandbox_id == "sbx_gone":
            raise SandboxGone(sandbox_id)
        assert target == "agent"
        sock = socket.create_connection(("127.0.0.1", inner_port))
        sock.setblocking(False)
        return sock

    tunnels = await serve_tunnels("127.0.0.1", SECRET, connect)
    address = tunnels.sockets[0].getsockname()[:2]
    try:
        sock = await open_tunnel(address, SECRET, "sbx_1", "agent")
        reader, writer = await asyncio.open_connection(sock=sock)
        assert await reader.readline() == b"hello\n"
        writer.write(b"ping ")
        writer.write(b"pong\n")
        writer.write_eof()
        assert await reader.read() == b"PING PONG\nbye\n"
        writer.close()

        with pytest.raises(SandboxGone):
            await open_tunnel(address, SECRET, "sbx_gone", "agent")
        with pytest.raises(ConnectionError):
            await open_tunnel(address, "wrong", "sbx_1", "agent")
    finally:
        tunnels.close()
        inner.close()


def test_tunnel_carries_bytes_and_errors_and_refuses_strangers() -> None:
    asyncio.run(_scenario())
