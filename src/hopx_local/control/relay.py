"""A loopback TCP port relayed to a unix socket inside a sandbox (a desktop's VNC server).

(The agent's own port needs no relay: the agent inherits it as a listening socket.)
Each accepted TCP connection gets its own connection to the unix socket; bytes are copied both
ways by two protocols that write straight into each other's transport (no intermediate tasks or
buffers), with flow control so a slow reader pauses the fast writer. EOF is passed on as a
half-close, so HTTP keep-alive and WebSocket upgrades work unchanged.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from collections.abc import Callable
from pathlib import Path

from hopx_local.control.unix_socket import create_connection

log = logging.getLogger("hopx_local.relay")

_HIGH_WATER = 256 * 1024


class _Pipe(asyncio.Protocol):
    """One side of a relayed connection; forwards what it receives to ``peer``."""

    def __init__(self, on_lost: Callable[[_Pipe], None] | None = None) -> None:
        self.on_lost = on_lost
        self.transport: asyncio.Transport | None = None
        self.peer: _Pipe | None = None
        self.pending: list[bytes] = []
        self.eof_pending = False
        self.eof_received_flag = False
        self.closed = False

    # --- wiring
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        if self.closed:  # closed before the transport existed (the agent was unreachable)
            transport.close()
            return
        transport.set_write_buffer_limits(high=_HIGH_WATER)
        sock = transport.get_extra_info("socket")
        if sock is not None and sock.family in (socket.AF_INET, socket.AF_INET6):
            # Small writes (HTTP headers, WebSocket frames) leave at once, no Nagle delay.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if self.peer is None:
            transport.pause_reading()  # nothing to forward to yet

    def attach(self, peer: _Pipe) -> None:
        """Connect to ``peer`` and flush what arrived before the peer existed."""
        self.peer = peer
        if self.transport is not None and not self.closed:
            self.transport.resume_reading()
        for chunk in self.pending:
            peer.send(chunk)
        self.pending.clear()
        if self.eof_pending:
            peer.send_eof()

    # --- data flow
    def data_received(self, data: bytes) -> None:
        if self.peer is None:
            self.pending.append(data)
        else:
            self.peer.send(data)

    def eof_received(self) -> bool:
        self.eof_received_flag = True
        if self.peer is None:
            self.eof_pending = True
        else:
            self.peer.send_eof()
        self._close_if_done()
        return True  # keep our write side open until the peer is done too

    def send(self, data: bytes) -> None:
        if self.transport is not None and not self.closed:
            self.transport.write(data)

    def send_eof(self) -> None:
        if self.transport is None or self.closed:
            return
        if self.transport.can_write_eof():
            self.transport.write_eof()
            self._close_if_done()
        else:
            self.close()

    def _close_if_done(self) -> None:
        peer = self.peer
        if peer is not None and self.eof_received_flag and peer.eof_received_flag:
            self.close()
            peer.close()

    # --- flow control: our transport is full → stop reading from the peer
    def pause_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.pause_reading()

    def resume_writing(self) -> None:
        if self.peer is not None and self.peer.transport is not None:
            self.peer.transport.resume_reading()

    # --- teardown
    def close(self) -> None:
        if not self.closed:
            self.closed = True
            if self.transport is not None:
                self.transport.close()

    def connection_lost(self, exc: Exception | None) -> None:
        self.closed = True
        if self.on_lost is not None:
            self.on_lost(self)
        if self.peer is not None:
            if exc is not None and self.peer.transport is not None:
                self.peer.closed = True
                self.peer.transport.abort()
            else:
                self.peer.close()


class AgentRelay:
    """Listens on a pre-bound loopback socket; relays every connection to ``agent_socket``
    (the agent's socket, or the VNC server's of a desktop sandbox), connecting to it anew for
    each accepted connection: the socket need not exist until a client comes."""

    def __init__(self, listener: socket.socket, agent_socket: Path) -> None:
        self.listener = listener
        self.agent_socket = agent_socket
        self.port: int = listener.getsockname()[1]
        self._server: asyncio.Server | None = None
        self._connections: set[_Pipe] = set()
        self._connecting: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        loop = asyncio.get_running_loop()
        self._server = await loop.create_server(self._accept, sock=self.listener)

    def _accept(self) -> _Pipe:
        client = _Pipe(self._connections.discard)
        self._connections.add(client)
        task = asyncio.get_running_loop().create_task(self._connect_agent(client))
        self._connecting.add(task)
        task.add_done_callback(self._connecting.discard)
        return client

    async def _connect_agent(self, client: _Pipe) -> None:
        try:
            _, agent = await create_connection(
                lambda: _Pipe(self._connections.discard), self.agent_socket
            )
        except OSError as exc:
            log.debug("relay to %s failed: %s", self.agent_socket, exc)
            client.close()
            return
        if client.closed:
            agent.close()
            return
        self._connections.add(agent)
        agent.attach(client)
        client.attach(agent)

    async def close(self) -> None:
        """Stop listening and drop every relayed connection."""
        server, self._server = self._server, None
        if server is not None:
            server.close()
        else:
            self.listener.close()
        for task in list(self._connecting):
            task.cancel()
        for pipe in list(self._connections):
            pipe.close()
        self._connections.clear()
        if server is not None:
            await server.wait_closed()
