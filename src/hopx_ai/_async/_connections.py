"""The two connections of a sandbox: control plane (API key) and agent (JWT).

Each owns one pooled httpx client, made on first use (no I/O before) and closed by ``close()``
(a caller's ``http_client=`` is used as given and left open). Every HTTP call goes through
:meth:`_AsyncConnection.call`: it sends the request a generated operation built
(``operation.request(...)``), maps an error answer with the one error function, and returns the
generated model parsed from the answer -- built once, parsed once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, Protocol, TypeVar, overload

import httpx

from .._api_key_auth import ApiKeyAuth
from .._call_errors import Operation, error_for, raising_sdk_errors, translate
from .._config import ControlPlaneConfig
from .._http_common import http_timeout
from .._log import logger
from .._support import websocket_url
from .._token import TokenData
from .._types import AsyncUnreachableProbe, AsyncUrlSource
from .._websockets import is_unauthorized, opening_error, rejected
from ..errors import HopxError, NetworkError, TimeoutError
from ._auth import AsyncAgentAuth, AsyncTokenManager
from ._http import build_http_client

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)
R = TypeVar("R")


class ApiRequest(Protocol[T_co]):
    """What a generated ``operation.request(...)`` returns (see generated ``types.ApiRequest``)."""

    @property
    def operation_id(self) -> str: ...
    @property
    def kwargs(self) -> dict[str, Any]: ...
    @property
    def parse(self) -> Callable[[httpx.Response], T_co]: ...


class _AsyncConnection:
    """One server: its HTTP client, its auth and its default timeout."""

    timeout: float

    def __init__(
        self,
        *,
        timeout: float,
        max_retries: int,
        http_client: httpx.AsyncClient | None,
        transport: httpx.AsyncBaseTransport | None,
    ) -> None:
        self.timeout = timeout
        self._max_retries = max_retries
        self._given_client = http_client
        self._transport = transport
        self._lock = threading.Lock()  # guards the lazy creation (no I/O inside)
        self._http: httpx.AsyncClient | None = None
        # set by refuse(): every later call raises this error without sending anything
        self._refusal: HopxError | None = None

    def refuse(self, error: HopxError) -> None:
        """From now on every call raises ``error`` (e.g. after the sandbox was killed)."""
        self._refusal = error

    def _check_open(self) -> None:
        if self._refusal is not None:
            refusal = self._refusal
            raise type(refusal)(refusal.message, code=refusal.code, status_code=refusal.status_code)

    async def _explain(self, error: HopxError, cause: BaseException | None) -> HopxError:
        """A better error than ``error`` for a failure to reach the server, if one is known."""
        return error

    async def base_url(self) -> str:
        raise NotImplementedError

    def _auth(self) -> httpx.Auth | None:
        return None

    async def http(self) -> httpx.AsyncClient:
        """The HTTP client (made on first use; no I/O but resolving the agent's URL)."""
        if self._given_client is not None:
            return self._given_client
        http = self._http
        if http is not None:
            return http
        base_url = await self.base_url()
        with self._lock:
            if self._http is None:
                self._http = build_http_client(
                    base_url=base_url,
                    timeout=self.timeout,
                    max_retries=self._max_retries,
                    transport=self._transport,
                )
            return self._http

    async def _build(self, request: ApiRequest[Any], timeout: float | None) -> httpx.Request:
        http = await self.http()
        kwargs = dict(request.kwargs)
        kwargs["url"] = (await self.base_url()) + kwargs["url"]
        if timeout is not None:
            kwargs["timeout"] = http_timeout(timeout)
        return http.build_request(**kwargs)

    async def _send(self, http_request: httpx.Request, *, stream: bool) -> httpx.Response:
        http = await self.http()
        response = await http.send(http_request, auth=self._auth(), stream=stream)
        if logger.isEnabledFor(logging.DEBUG):
            # Method, path and status only: headers (keys, tokens) and query strings stay out.
            url = http_request.url
            logger.debug(
                "%s %s%s -> %s", http_request.method, url.host, url.path, response.status_code
            )
        if response.status_code >= 400:
            await response.aread()
            raise error_for(response)
        return response

    @overload
    async def call(
        self,
        request: ApiRequest[T],
        name: str,
        *,
        timeout: float | None = None,
        request_timeout: float | None = None,
        execution_timeout: float | None = None,
        timeout_param: str = "timeout",
    ) -> T: ...

    @overload
    async def call(
        self,
        request: ApiRequest[Any],
        name: str,
        *,
        cast_to: Callable[[Any], R],
        timeout: float | None = None,
        request_timeout: float | None = None,
        execution_timeout: float | None = None,
        timeout_param: str = "timeout",
    ) -> R: ...

    async def call(
        self,
        request: ApiRequest[Any],
        name: str,
        *,
        cast_to: Callable[[Any], Any] | None = None,
        timeout: float | None = None,
        request_timeout: float | None = None,
        execution_timeout: float | None = None,
        timeout_param: str = "timeout",
    ) -> Any:
        """Send ``request`` (from ``operation.request(...)``) as the public operation ``name``
        and return its parsed answer; ``cast_to`` (a model's ``from_dict``) parses the JSON
        into an SDK subclass instead. ``timeout`` is the HTTP read timeout of this call; the
        caller's ``request_timeout=`` (every public method takes one) replaces it."""
        self._check_open()
        if request_timeout is not None:
            timeout, timeout_param = request_timeout, "request_timeout"
        try:
            response = await self._send(await self._build(request, timeout), stream=False)
            if cast_to is not None:
                return cast_to(response.json() if response.content else {})
            return request.parse(response)
        except Exception as error:
            # the same translation as raising_sdk_errors, without its cost on the success path
            op = Operation(
                name,
                http_timeout=timeout,
                execution_timeout=execution_timeout,
                timeout_param=timeout_param,
            )
            translated = translate(error, op, self.timeout)
            if translated is None:
                raise
            raise (await self._explain(translated, error)) from error

    @asynccontextmanager
    async def stream(
        self,
        request: ApiRequest[Any],
        name: str,
        *,
        timeout: float | None = None,
        request_timeout: float | None = None,
    ) -> AsyncIterator[httpx.Response]:
        """The answer of ``request`` with its body not read yet (downloads)."""
        self._check_open()
        if request_timeout is not None:
            op = Operation(name, http_timeout=request_timeout, timeout_param="request_timeout")
        else:
            op = Operation(name, http_timeout=timeout)
        timeout = op.http_timeout
        try:
            with raising_sdk_errors(op, default_timeout=self.timeout):
                response = await self._send(await self._build(request, timeout), stream=True)
        except NetworkError as error:
            better = await self._explain(error, error.__cause__)
            if better is error:
                raise
            raise better from error
        with raising_sdk_errors(op, default_timeout=self.timeout):
            try:
                yield response
            finally:
                await response.aclose()

    async def close(self) -> None:
        http, self._http = self._http, None
        if http is not None:
            await http.aclose()


class AsyncControlPlane(_AsyncConnection):
    """The control-plane connection (one per sandbox object, or per class-method call)."""

    def __init__(self, config: ControlPlaneConfig) -> None:
        super().__init__(
            timeout=config.timeout,
            max_retries=config.max_retries,
            http_client=config.async_http_client,
            transport=config.async_transport,
        )
        self.config = config
        self._api_key_auth = ApiKeyAuth(config.api_key) if config.api_key else None

    async def base_url(self) -> str:
        return self.config.base_url

    def _auth(self) -> httpx.Auth | None:
        return self._api_key_auth

    async def __aenter__(self) -> AsyncControlPlane:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self.config.base_url}>"


class AsyncAgentConnection(_AsyncConnection):
    """The agent connection of one sandbox; its base URL is resolved on first use."""

    def __init__(
        self,
        *,
        base_url: AsyncUrlSource,
        tokens: AsyncTokenManager,
        timeout: float,
        max_retries: int,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        probe_unreachable: AsyncUnreachableProbe | None = None,
    ) -> None:
        super().__init__(
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            transport=transport,
        )
        self._probe_unreachable = probe_unreachable
        self._base_url_source = base_url
        self.tokens = tokens
        self._agent_auth = AsyncAgentAuth(tokens)
        self._base_url: str | None = None

    async def base_url(self) -> str:
        if self._base_url is None:
            self._base_url = await self._base_url_source()
        return self._base_url

    def _auth(self) -> httpx.Auth | None:
        return self._agent_auth

    async def _explain(self, error: HopxError, cause: BaseException | None) -> HopxError:
        # The agent refused the connection, or dropped it mid-call (the sandbox ended while it
        # ran): ask the control plane once whether the sandbox still exists, so "killed" /
        # "expired at ..." replaces "connection refused".
        refused = isinstance(
            cause, httpx.ConnectError | httpx.RemoteProtocolError | ConnectionRefusedError
        )
        if self._probe_unreachable is None or not refused or isinstance(error, TimeoutError):
            return error
        better = await self._probe_unreachable()
        if better is None:
            return error
        self.refuse(better)
        return better

    async def open_websocket(
        self, path: str, *, name: str, open_timeout: float | None
    ) -> ClientConnection:
        """Open an agent WebSocket with the sandbox's token (refreshed once on a 401)."""
        self._check_open()
        url = websocket_url(await self.base_url(), path)
        try:
            return await open_agent_websocket(
                url, self.tokens, name=name, open_timeout=open_timeout
            )
        except NetworkError as error:
            better = await self._explain(error, error.__cause__)
            if better is error:
                raise
            raise better from error


class AsyncTokenSource(Protocol):
    """What opening a WebSocket needs of a token manager."""

    @property
    def can_refresh(self) -> bool: ...
    async def current(self) -> TokenData: ...
    async def refresh(self, stale: TokenData | None) -> TokenData: ...


async def open_agent_websocket(
    url: str, tokens: AsyncTokenSource, *, name: str, open_timeout: float | None
) -> ClientConnection:
    """Open ``url`` with the agent token; a 401 refreshes the token once and tries again."""
    from websockets.asyncio.client import connect
    from websockets.exceptions import WebSocketException

    token = await tokens.current()
    for attempt in (1, 2):
        try:
            return await connect(
                url,
                additional_headers={"Authorization": f"Bearer {token.token}"},
                open_timeout=open_timeout,
                max_size=None,
            )
        except (OSError, WebSocketException) as error:
            if is_unauthorized(error) and attempt == 1 and tokens.can_refresh:
                token = await tokens.refresh(stale=token)
                continue
            raise opening_error(error, name=name, url=url, open_timeout=open_timeout) from error
    raise rejected(name)
