"""The published terminal API: coroutines on a raw WebSocket, on both sandbox classes.

The published SDK documents ``ws = await sandbox.terminal.connect()`` even for the blocking
``Sandbox`` (its reference page runs it inside ``asyncio.run``), so these members are
coroutines on ``Terminal`` too. The blocking way is ``Terminal.open()`` (a session).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ._frames import terminal_input_frame, terminal_resize_frame

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

    from ._async._connections import AsyncAgentConnection
    from ._events import TerminalMessage
    from ._sync._connections import SyncAgentConnection


class _PublishedTerminalFrames:
    """``send_input``, ``resize``, ``iter_output`` on an asyncio WebSocket from ``connect()``."""

    async def send_input(self, ws: ClientConnection, data: str) -> None:
        """Type ``data`` (include ``\\n`` to run a command line)."""
        await ws.send(terminal_input_frame(data))

    async def resize(self, ws: ClientConnection, cols: int, rows: int) -> None:
        """Change the terminal's size."""
        await ws.send(terminal_resize_frame(cols, rows))

    async def iter_output(self, ws: ClientConnection) -> AsyncIterator[TerminalMessage]:
        """Messages (``output`` with ``data``, ``exit`` with ``code``) until the shell exits or
        the connection closes."""
        from ._async.terminal import iter_terminal_messages

        async for message in iter_terminal_messages(ws):
            yield message


class AsyncTerminalBase(_PublishedTerminalFrames):
    """Published members of ``AsyncTerminal``."""

    _agent: AsyncAgentConnection

    async def connect(
        self, *, timeout: int | None = 30, request_timeout: float | None = None
    ) -> ClientConnection:
        """Open the terminal's WebSocket (close it when done: ``await ws.close()``)."""
        return await self._agent.open_websocket(
            "/terminal",
            name="terminal.connect",
            open_timeout=request_timeout if request_timeout is not None else timeout,
        )


class SyncTerminalBase(_PublishedTerminalFrames):
    """Published members of the blocking ``Terminal``: coroutines, as in the published SDK."""

    _agent: SyncAgentConnection

    async def connect(
        self, *, timeout: int | None = 30, request_timeout: float | None = None
    ) -> ClientConnection:
        """Open the terminal's WebSocket from asyncio code (``await ws.close()`` when done);
        blocking code uses ``open()``."""
        from ._websockets import open_asyncio_websocket

        return await open_asyncio_websocket(
            self._agent,
            "/terminal",
            name="terminal.connect",
            open_timeout=request_timeout if request_timeout is not None else timeout,
        )
