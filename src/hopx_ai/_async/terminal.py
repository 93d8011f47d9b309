"""``sandbox.terminal``: an interactive shell over a WebSocket."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING

from ..models import TerminalMessage
from ._connections import AsyncAgentConnection, decode_frame, stream_error

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection


class AsyncTerminal:
    """Open a terminal with ``connect()``, then ``send_input``/``resize``/``iter_output``."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def connect(self, *, timeout: int | None = 30) -> ClientConnection:
        """Open the terminal's WebSocket (close it when done: ``async with`` or ``close()``)."""
        return await self._agent.open_websocket(
            "/terminal", name="terminal.connect", open_timeout=timeout
        )

    async def send_input(self, ws: ClientConnection, data: str) -> None:
        """Type ``data`` (include ``\\n`` to run a command line)."""
        from hopx_agent_api.models import WsTerminalInputMessage, WsTerminalInputMessageType

        frame = WsTerminalInputMessage(type_=WsTerminalInputMessageType.INPUT, data=data)
        await ws.send(json.dumps(frame.to_dict()))

    async def resize(self, ws: ClientConnection, cols: int, rows: int) -> None:
        """Change the terminal's size."""
        from hopx_agent_api.models import WsTerminalResizeMessage, WsTerminalResizeMessageType

        frame = WsTerminalResizeMessage(
            type_=WsTerminalResizeMessageType.RESIZE, cols=cols, rows=rows
        )
        await ws.send(json.dumps(frame.to_dict()))

    async def iter_output(self, ws: ClientConnection) -> AsyncIterator[TerminalMessage]:
        """Messages from the terminal (``output`` with ``data``, ``exit`` with ``code``) until
        the shell exits or the connection closes."""
        from websockets.exceptions import ConnectionClosedOK

        try:
            async for raw in ws:
                message = decode_frame(raw)
                if message is None:
                    continue
                if message.get("type") == "error":
                    raise stream_error(message, "terminal")
                event = TerminalMessage.from_dict(message)
                yield event
                if event.type == "exit":
                    return
        except ConnectionClosedOK:
            return

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
