"""Opening agent WebSockets: error translation, and the asyncio opener of the blocking ``Sandbox``.

The published SDK exposed some WebSocket features as coroutines even on its blocking class
(``await sandbox.terminal.connect()``, ``async for event in sandbox.run_code_stream(...)``).
``open_asyncio_websocket`` keeps that working: it reads the agent URL and token of a blocking
``Sandbox`` in a worker thread (so the event loop never blocks on a token refresh) and opens an
asyncio WebSocket with them.
"""

from __future__ import annotations

import builtins
import functools
from typing import TYPE_CHECKING

from ._support import websocket_url
from .errors import AuthenticationError, HopxError, NetworkError, TimeoutError, error_from_response

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

    from ._sync._auth import SyncTokenManager
    from ._sync._connections import SyncAgentConnection
    from ._token import TokenData


def opening_error(
    error: Exception, *, name: str, url: str, open_timeout: float | None
) -> HopxError:
    """The SDK error for a failed WebSocket opening handshake (shared by both connections)."""
    from websockets.exceptions import InvalidStatus, WebSocketException

    if isinstance(error, InvalidStatus):
        response = error.response
        return error_from_response(
            response.status_code, bytes(response.body or b""), dict(response.headers)
        )
    if isinstance(error, builtins.TimeoutError):
        return TimeoutError(
            f"{name}: could not open the WebSocket within {open_timeout} s "
            "(connect timeout); pass timeout= to raise it",
            code="ws_open_timeout",
        )
    if isinstance(error, WebSocketException):
        return NetworkError(f"{name}: WebSocket handshake failed: {error}")
    return NetworkError(f"{name}: could not connect to {url}: {error}")


def rejected(name: str) -> AuthenticationError:
    return AuthenticationError(f"{name}: the agent rejected the token", code="UNAUTHORIZED")


def is_unauthorized(error: Exception) -> bool:
    from websockets.exceptions import InvalidStatus

    return isinstance(error, InvalidStatus) and error.response.status_code == 401


class _TokensInThreads:
    """A blocking ``Sandbox``'s token manager seen from asyncio: its calls run in a worker
    thread, so the event loop never blocks on a token refresh."""

    def __init__(self, tokens: SyncTokenManager) -> None:
        self._tokens = tokens

    @property
    def can_refresh(self) -> bool:
        return self._tokens.can_refresh

    async def current(self) -> TokenData:
        import anyio.to_thread

        return await anyio.to_thread.run_sync(self._tokens.current)

    async def refresh(self, stale: TokenData | None) -> TokenData:
        import anyio.to_thread

        return await anyio.to_thread.run_sync(functools.partial(self._tokens.refresh, stale))


async def open_asyncio_websocket(
    agent: SyncAgentConnection, path: str, *, name: str, open_timeout: float | None
) -> ClientConnection:
    """An asyncio WebSocket to the agent of a blocking ``Sandbox`` (one token refresh on 401)."""
    import anyio.to_thread

    from ._async._connections import open_agent_websocket

    url = websocket_url(await anyio.to_thread.run_sync(agent.base_url), path)
    tokens = _TokensInThreads(agent.tokens)
    return await open_agent_websocket(url, tokens, name=name, open_timeout=open_timeout)
