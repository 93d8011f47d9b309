"""WebSocket upgrades on preview URLs, relayed message by message to the sandbox's service.

Development servers (Jupyter, Vite's hot reload, Streamlit, ...) talk to their pages over
WebSockets on the same URL they serve them from, so a preview URL carries both. The upstream
connection is opened inside the sandbox's network namespace like the HTTP ones; subprotocols,
text and binary messages and close codes pass through both ways.
"""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from starlette.websockets import WebSocket, WebSocketDisconnect

from hopx_local.control import errors
from hopx_local.control.domain_errors import LifecycleError
from hopx_local.control.host_routing import HOST_ROUTED
from hopx_local.control.preview_forwarding import (
    AGENT_PORT,
    AGENT_PREFIX,
    CONNECT_TIMEOUT,
    PREFIX,
    bad_port,
    deny_upgrade,
    error_response,
    forwarded_headers,
    nothing_answers,
    until_either_ends,
)
from hopx_local.control.sandboxes import SandboxManager

if TYPE_CHECKING:
    from starlette.responses import Response
    from websockets.asyncio.client import ClientConnection

# Set by the WebSocket handshake on each side; never forwarded.
_HANDSHAKE = {
    "host",
    "sec-websocket-key",
    "sec-websocket-version",
    "sec-websocket-extensions",
    "sec-websocket-protocol",
}


class PreviewWebSockets:
    def __init__(self, manager: SandboxManager, is_api_key: Callable[[str], bool]) -> None:
        self._manager = manager
        self._is_api_key = is_api_key

    async def forward(self, websocket: WebSocket) -> None:
        """A preview URL's WebSocket, to its port in the sandbox."""
        sandbox_id: str = websocket.path_params["sandbox_id"]
        port: int = websocket.path_params["port"]
        refused = bad_port(port, websocket.url.path)
        if refused is not None:
            await deny_upgrade(websocket, refused)
            return
        await self._forward(
            websocket,
            sandbox_id,
            port,
            lambda: self._manager.connect_port(sandbox_id, port),
            f"{PREFIX}/{sandbox_id}/{port}",
        )

    async def forward_agent(self, websocket: WebSocket) -> None:
        """A WebSocket of the sandbox's agent (terminal, streams), through the control plane."""
        sandbox_id: str = websocket.path_params["sandbox_id"]
        await self._forward(
            websocket,
            sandbox_id,
            AGENT_PORT,
            lambda: self._manager.connect_agent(sandbox_id),
            f"{AGENT_PREFIX}/{sandbox_id}",
        )

    async def _forward(
        self,
        websocket: WebSocket,
        sandbox_id: str,
        port: int,
        connect_upstream: Callable[[], Awaitable[socket.socket]],
        prefix: str,
    ) -> None:
        upstream, refused = await self._open_upstream(
            websocket, sandbox_id, port, connect_upstream, prefix
        )
        if refused is not None:
            await deny_upgrade(websocket, refused)
            return
        assert upstream is not None
        async with upstream:
            await websocket.accept(subprotocol=upstream.subprotocol)
            await _relay(websocket, upstream)

    async def _open_upstream(
        self,
        websocket: WebSocket,
        sandbox_id: str,
        port: int,
        connect_upstream: Callable[[], Awaitable[socket.socket]],
        prefix: str,
    ) -> tuple[ClientConnection | None, Response | None]:
        from websockets.asyncio.client import connect
        from websockets.exceptions import InvalidStatus, WebSocketException

        path = websocket.url.path
        try:
            sock = await asyncio.wait_for(connect_upstream(), CONNECT_TIMEOUT)
        except LifecycleError as failure:
            error = errors.from_domain(failure)
            details = error.details
            return None, error_response(error.status, error.code, error.message, path, details)
        except (OSError, TimeoutError) as exc:
            return None, nothing_answers(sandbox_id, port, exc, path)
        target = "/" + websocket.path_params.get("path", "")
        if websocket.url.query:
            target += "?" + websocket.url.query
        headers = forwarded_headers(
            websocket.headers.items(),
            is_api_key=self._is_api_key,
            client=websocket.client.host if websocket.client else "",
            scheme="wss" if websocket.url.scheme == "wss" else "ws",
            prefix="" if websocket.scope.get(HOST_ROUTED) else prefix,
            also_drop=_HANDSHAKE,
        )
        try:
            upstream = await connect(
                f"ws://127.0.0.1:{port}{target}",
                sock=sock,
                subprotocols=websocket.scope.get("subprotocols") or None,
                additional_headers=headers,
                open_timeout=CONNECT_TIMEOUT,
                max_size=None,
                ping_interval=None,  # the two ends keep their own connections alive
                compression=None,
            )
        except InvalidStatus as rejected:
            sock.close()
            return None, error_response(
                502,
                "bad_gateway",
                f"The service on port {port} in sandbox '{sandbox_id}' refused the WebSocket "
                f"(HTTP {rejected.response.status_code}).",
                path,
                {"sandbox_id": sandbox_id, "port": port},
            )
        except (OSError, TimeoutError, WebSocketException) as exc:
            sock.close()
            return None, nothing_answers(sandbox_id, port, exc, path)
        return upstream, None


def _sendable(code: int | None) -> int:
    """A close code that may go in a close frame (1005, 1006 and 1015 only describe one)."""
    if code is None or code == 1005:
        return 1000
    return 1011 if code in (1006, 1015) else code


async def _relay(websocket: WebSocket, upstream: ClientConnection) -> None:
    """Both directions until either side closes; the other side is then closed alike."""
    from websockets.exceptions import ConnectionClosed

    async def from_client() -> None:
        try:
            while True:
                message = await websocket.receive()
                if message["type"] == "websocket.disconnect":
                    await upstream.close(code=_sendable(message.get("code")))
                    return
                if message.get("text") is not None:
                    await upstream.send(message["text"])
                elif message.get("bytes") is not None:
                    await upstream.send(message["bytes"])
        except (ConnectionClosed, WebSocketDisconnect):
            return

    async def from_upstream() -> None:
        try:
            async for data in upstream:
                if isinstance(data, str):
                    await websocket.send_text(data)
                else:
                    await websocket.send_bytes(data)
        except ConnectionClosed:
            pass  # the service closed, with any code: pass it on below
        except (WebSocketDisconnect, RuntimeError):
            return  # the client is gone
        with contextlib.suppress(RuntimeError, WebSocketDisconnect):
            await websocket.close(
                code=_sendable(upstream.close_code), reason=upstream.close_reason or ""
            )

    await until_either_ends(from_client(), from_upstream())
