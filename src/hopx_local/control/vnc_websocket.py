"""A desktop's VNC server as a WebSocket (``/vnc/<sandbox id>/websockify``), for noVNC.

Browsers speak WebSocket, not raw RFB over TCP, and x11vnc does not answer WebSocket upgrades:
this bridge (what websockify does) carries binary messages to the sandbox's VNC socket and the
socket's bytes back. Like the VNC port it needs no API key; the VNC password guards the
session. The agent reports the URL as ``VncInfo.websocket_url``.
"""

from __future__ import annotations

import asyncio
import contextlib

from starlette.routing import BaseRoute, WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from hopx_local.control import errors
from hopx_local.control.domain_errors import LifecycleError
from hopx_local.control.preview_forwarding import (
    deny_upgrade,
    error_response,
    until_either_ends,
)
from hopx_local.control.sandboxes import SandboxManager
from hopx_local.control.vnc_endpoint import VNC_WEBSOCKET_PATH

_READ_CHUNK = 256 * 1024


class VncWebSocket:
    def __init__(self, manager: SandboxManager) -> None:
        self._manager = manager

    def routes(self) -> list[BaseRoute]:
        return [WebSocketRoute(VNC_WEBSOCKET_PATH, self.forward)]

    async def forward(self, websocket: WebSocket) -> None:
        sandbox_id: str = websocket.path_params["sandbox_id"]
        path = websocket.url.path
        try:
            sock = await self._manager.connect_vnc(sandbox_id)
            reader, writer = await asyncio.open_connection(sock=sock)
        except LifecycleError as failure:
            error = errors.from_domain(failure)
            response = error_response(error.status, error.code, error.message, path, error.details)
            await deny_upgrade(websocket, response)
            return
        except OSError:
            await deny_upgrade(
                websocket,
                error_response(
                    502,
                    "bad_gateway",
                    f"Sandbox '{sandbox_id}' has no VNC server running; start it with "
                    "POST /desktop/vnc/start on its agent.",
                    path,
                    {"sandbox_id": sandbox_id},
                ),
            )
            return
        offered = websocket.scope.get("subprotocols") or []
        await websocket.accept(subprotocol="binary" if "binary" in offered else None)
        try:
            await _bridge(websocket, reader, writer)
        finally:
            writer.close()


async def _bridge(
    websocket: WebSocket, reader: asyncio.StreamReader, writer: asyncio.StreamWriter
) -> None:
    async def from_browser() -> None:
        with contextlib.suppress(WebSocketDisconnect, OSError):
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    return
                data = message.get("bytes")
                if data is None and message.get("text") is not None:
                    data = message["text"].encode()
                if data:
                    writer.write(data)
                    await writer.drain()

    async def from_vnc() -> None:
        with contextlib.suppress(WebSocketDisconnect, OSError, RuntimeError):
            while data := await reader.read(_READ_CHUNK):
                await websocket.send_bytes(data)
            await websocket.close(code=1000)

    await until_either_ends(from_browser(), from_vnc())
