"""The two connections of a sandbox: control plane (API key) and agent (JWT).

Each owns one pooled httpx client, made on first use (no I/O before) and closed by ``close()``.
Calls go through the generated clients; ``operation()`` wraps one call for error translation.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

import httpx

from .._api_key_auth import ApiKeyAuth
from .._config import ControlPlaneConfig
from .._errors_translation import Operation, translating
from .._support import websocket_url
from .._types import AsyncUrlSource
from .._websockets import is_unauthorized, opening_error, rejected
from ._auth import AsyncAgentAuth, AsyncTokenManager
from ._http import build_http_client

if TYPE_CHECKING:
    import hopx_agent_api
    import hopx_control_api
    from websockets.asyncio.client import ClientConnection


class AsyncControlPlane:
    """The control-plane connection (one per sandbox object, or per class-method call)."""

    def __init__(self, config: ControlPlaneConfig) -> None:
        self.config = config
        self._lock = threading.Lock()  # guards the lazy creation (no I/O inside)
        self._http: httpx.AsyncClient | None = None
        self._api: hopx_control_api.AuthenticatedClient | None = None

    def api(self) -> hopx_control_api.AuthenticatedClient:
        """The generated client (made on first use; no I/O)."""
        api = self._api
        if api is not None:
            return api
        from hopx_control_api import AuthenticatedClient

        with self._lock:
            if self._api is None:
                self._http = build_http_client(
                    base_url=self.config.base_url,
                    auth=ApiKeyAuth(self.config.api_key) if self.config.api_key else None,
                    timeout=self.config.timeout,
                    max_retries=self.config.max_retries,
                )
                # The token is unused: requests go through our httpx client and its ApiKeyAuth.
                client = AuthenticatedClient(base_url=self.config.base_url, token="")
                self._api = client.set_async_httpx_client(self._http)
            return self._api

    def operation(self, name: str, *, http_timeout: float | None = None) -> translating:
        return translating(
            Operation(name, http_timeout=http_timeout), default_timeout=self.config.timeout
        )

    async def close(self) -> None:
        http, self._http, self._api = self._http, None, None
        if http is not None:
            await http.aclose()

    async def __aenter__(self) -> AsyncControlPlane:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.config.base_url}>"


class AsyncAgentConnection:
    """The agent connection of one sandbox; its base URL is resolved on first use."""

    def __init__(
        self,
        *,
        base_url: AsyncUrlSource,
        tokens: AsyncTokenManager,
        timeout: float,
        max_retries: int,
    ) -> None:
        self._base_url_source = base_url
        self.tokens = tokens
        self.timeout = timeout
        self._max_retries = max_retries
        self._base_url: str | None = None
        self._lock = threading.Lock()  # guards the lazy creation (no I/O inside)
        self._http: httpx.AsyncClient | None = None
        self._api: hopx_agent_api.AuthenticatedClient | None = None

    async def base_url(self) -> str:
        if self._base_url is None:
            self._base_url = await self._base_url_source()
        return self._base_url

    async def api(self) -> hopx_agent_api.AuthenticatedClient:
        """The generated agent client (resolving the agent URL first if needed)."""
        api = self._api
        if api is not None:
            return api
        from hopx_agent_api import AuthenticatedClient

        base_url = await self.base_url()
        with self._lock:
            if self._api is None:
                self._http = build_http_client(
                    base_url=base_url,
                    auth=AsyncAgentAuth(self.tokens),
                    timeout=self.timeout,
                    max_retries=self._max_retries,
                )
                client = AuthenticatedClient(base_url=base_url, token="")
                self._api = client.set_async_httpx_client(self._http)
            return self._api

    def operation(
        self,
        name: str,
        *,
        http_timeout: float | None = None,
        execution_timeout: float | None = None,
        timeout_param: str = "timeout",
    ) -> translating:
        op = Operation(
            name,
            http_timeout=http_timeout,
            execution_timeout=execution_timeout,
            timeout_param=timeout_param,
        )
        return translating(op, default_timeout=self.timeout)

    async def open_websocket(
        self, path: str, *, name: str, open_timeout: float | None
    ) -> ClientConnection:
        """Open an agent WebSocket with the sandbox's token (refreshed once on a 401)."""
        from websockets.asyncio.client import connect
        from websockets.exceptions import WebSocketException

        url = websocket_url(await self.base_url(), path)
        token = await self.tokens.current()
        for attempt in (1, 2):
            try:
                return await connect(
                    url,
                    additional_headers={"Authorization": f"Bearer {token.token}"},
                    open_timeout=open_timeout,
                    max_size=None,
                )
            except (OSError, WebSocketException) as error:
                if is_unauthorized(error) and attempt == 1 and self.tokens.can_refresh:
                    token = await self.tokens.refresh(stale=token)
                    continue
                raise opening_error(error, name=name, url=url, open_timeout=open_timeout) from error
        raise rejected(name)

    async def close(self) -> None:
        http, self._http, self._api = self._http, None, None
        if http is not None:
            await http.aclose()
