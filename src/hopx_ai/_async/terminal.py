"""``sandbox.terminal``: an interactive shell over a WebSocket.

``open()`` gives a session (``send_input``, ``resize``, iterate for messages, ``close``). The
published ``connect()`` / ``send_input(ws, ...)`` / ``resize(ws, ...)`` / ``iter_output(ws)``
are coroutines on both sandbox classes (see ``hopx_ai._terminal``).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Self

from .._frames import terminal_input_frame, terminal_message, terminal_resize_frame
from .._terminal import AsyncTerminalBase
from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

    from .._events import TerminalMessage


class AsyncTerminal(AsyncTerminalBase):
    """``open()`` a terminal session; or the published ``connect()`` / ``send_input`` /
    ``resize`` / ``iter_output`` coroutines on a raw WebSocket."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def open(
        self, *, timeout: int | None = 30, request_timeout: float | None = None
    ) -> AsyncTerminalSession:
        """Open a terminal session (close it when done: ``async with`` or ``close()``);
        ``request_timeout`` (or ``timeout``) bounds the opening."""
        ws = await self._agent.open_websocket(
            "/terminal",
            name="terminal.open",
            open_timeout=request_timeout if request_timeout is not None else timeout,
        )
        # Entered here, closed by the session: websockets (17.1+) wants its blocking
        # connections entered as context managers.
        return AsyncTerminalSession(await ws.__aenter__())

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


class AsyncTerminalSession:
    """An open terminal: ``send_input``, ``resize``, iterate for its messages, ``close``."""

    def __init__(self, ws: ClientConnection) -> None:
        self.websocket = ws

    async def send_input(self, data: str) -> None:
        """Type ``data`` (include ``\\n`` to run a command line)."""
        await self.websocket.send(terminal_input_frame(data))

    async def resize(self, cols: int, rows: int) -> None:
        """Change the terminal's size."""
        await self.websocket.send(terminal_resize_frame(cols, rows))

    def iter_output(self) -> AsyncIterator[TerminalMessage]:
        """Messages (``output`` with ``data``, ``exit`` with ``code``) until the shell exits or
        the connection closes."""
        return iter_terminal_messages(self.websocket)

    def __aiter__(self) -> AsyncIterator[TerminalMessage]:
        return self.iter_output()

    async def close(self) -> None:
        """Close the terminal's WebSocket."""
        await self.websocket.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


async def iter_terminal_messages(ws: ClientConnection) -> AsyncIterator[TerminalMessage]:
    """The messages of a terminal WebSocket until the shell exits or the connection closes."""
    from websockets.exceptions import ConnectionClosedOK

    try:
        async for raw in ws:
            message = terminal_message(raw)
            if message is None:
                continue
            yield message
            if message.type == "exit":
                return
    except ConnectionClosedOK:
        return
