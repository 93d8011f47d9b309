"""Preview URLs: ``/preview/<sandbox id>/<port>/<path>`` reaches 127.0.0.1:<port> in the sandbox.

Not part of the HopX API (the cloud serves previews on their own host names), so the route is
added next to the spec's routes. Like the cloud's preview URLs it needs no API key (a browser
cannot send one); an API key a client sends anyway is not passed on into the sandbox.
WebSocket upgrades are proxied too, message by message (preview_ws.py).

Requests go out through httpcore, whose network backend here opens connections inside the
sandbox's network namespace (runtime.open_connection_in_sandbox), so the in-sandbox service
needs no port of its own on the host. Request and response bodies are streamed.
"""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import AsyncIterator, Callable, Iterable
from typing import Any

import httpcore
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route, WebSocketRoute

from hopx_local.control import errors
from hopx_local.control.domain_errors import LifecycleError
from hopx_local.control.host_routing import HOST_ROUTED
from hopx_local.control.preview_forwarding import (
    AGENT_PORT,
    AGENT_PREFIX,
    CONNECT_TIMEOUT,
    HOP_BY_HOP,
    PREFIX,
    bad_port,
    error_response,
    forwarded_headers,
    nothing_answers,
)
from hopx_local.control.preview_ws import PreviewWebSockets
from hopx_local.control.sandboxes import SandboxManager

METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
CHUNKED_BODY_LIMIT = 64 * 1024 * 1024


class _SandboxStream(httpcore.AsyncNetworkStream):
    """An asyncio stream pair as httpcore's network stream."""

    def __init__(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self._reader = reader
        self._writer = writer

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        try:
            async with asyncio.timeout(timeout):
                return await self._reader.read(max_bytes)
        except TimeoutError:
            raise httpcore.ReadTimeout("the sandbox service did not answer in time") from None
        except OSError as exc:
            raise httpcore.ReadError(str(exc)) from None

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        try:
            self._writer.write(buffer)
            async with asyncio.timeout(timeout):
                await self._writer.drain()
        except TimeoutError:
            raise httpcore.WriteTimeout("the sandbox service did not read in time") from None
        except OSError as exc:
            raise httpcore.WriteError(str(exc)) from None

    async def aclose(self) -> None:
        self._writer.close()

    async def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.UnsupportedProtocol("TLS to a sandbox port is not supported")

    def get_extra_info(self, info: str) -> Any:
        if info == "is_readable":
            # An idle keep-alive connection with data or EOF pending is no longer usable.
            return self._reader.at_eof() or self._reader.exception() is not None
        return self._writer.get_extra_info(info)


_AGENT_HOST_SUFFIX = ".agent"


def _upstream_host(sandbox_id: str, agent: bool) -> bytes:
    """The outgoing URL's host: which sandbox, and whether its agent or a port inside it
    (distinct hosts, so the connection pool never hands one's connection to the other)."""
    return (sandbox_id + _AGENT_HOST_SUFFIX if agent else sandbox_id).encode()


class _SandboxNetwork(httpcore.AsyncNetworkBackend):
    """Connects to (host = sandbox id, port) inside that sandbox, or (host = sandbox id +
    ".agent") to its agent."""

    def __init__(self, manager: SandboxManager) -> None:
        self._manager = manager

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        try:
            async with asyncio.timeout(timeout):
                if host.endswith(_AGENT_HOST_SUFFIX):
                    sandbox_id = host.removesuffix(_AGENT_HOST_SUFFIX)
                    sock = await self._manager.connect_agent(sandbox_id)
                    reader, writer = await asyncio.open_connection(sock=sock)
                else:
                    reader, writer = await self._manager.open_port(host, port)
        except TimeoutError:
            raise httpcore.ConnectTimeout(f"connecting to port {port} timed out") from None
        except OSError as exc:
            raise httpcore.ConnectError(str(exc)) from None
        return _SandboxStream(reader, writer)

    async def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise httpcore.UnsupportedProtocol("unix sockets are not reachable through previews")

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class PreviewProxy:
    def __init__(self, manager: SandboxManager, is_api_key: Callable[[str], bool]) -> None:
        self._manager = manager
        self._is_api_key = is_api_key
        self._pool = httpcore.AsyncConnectionPool(
            network_backend=_SandboxNetwork(manager),
            max_connections=256,
            max_keepalive_connections=32,
            keepalive_expiry=30.0,
        )

    def routes(self) -> list[BaseRoute]:
        websockets = PreviewWebSockets(self._manager, self._is_api_key)
        return [
            Route(PREFIX + "/{sandbox_id}/{port:int}", self._add_slash, methods=METHODS),
            Route(PREFIX + "/{sandbox_id}/{port:int}/{path:path}", self.forward, methods=METHODS),
            WebSocketRoute(PREFIX + "/{sandbox_id}/{port:int}", websockets.forward),
            WebSocketRoute(PREFIX + "/{sandbox_id}/{port:int}/{path:path}", websockets.forward),
            Route(AGENT_PREFIX + "/{sandbox_id}/{path:path}", self.forward_agent, methods=METHODS),
            WebSocketRoute(AGENT_PREFIX + "/{sandbox_id}/{path:path}", websockets.forward_agent),
        ]

    async def close(self) -> None:
        await self._pool.aclose()

    async def _add_slash(self, request: Request) -> Response:
        url = request.url
        return RedirectResponse(url.replace(path=url.path + "/"), status_code=308)

    def _outgoing_headers(self, request: Request, prefix: str) -> list[tuple[bytes, bytes]]:
        headers = forwarded_headers(
            request.headers.items(),
            is_api_key=self._is_api_key,
            client=request.client.host if request.client else "",
            scheme=request.url.scheme,
            prefix=prefix,
        )
        return [(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers]

    async def forward(self, request: Request) -> Response:
        """A preview URL: to the port in the sandbox."""
        sandbox_id: str = request.path_params["sandbox_id"]
        port: int = request.path_params["port"]
        invalid = bad_port(port, request.url.path)
        if invalid is not None:
            return invalid
        return await self._forward(request, sandbox_id, port, agent=False)

    async def forward_agent(self, request: Request) -> Response:
        """The sandbox's agent API through the control plane's port (``public_host`` with
        --one-port): the agent checks the JWT itself."""
        sandbox_id: str = request.path_params["sandbox_id"]
        return await self._forward(request, sandbox_id, AGENT_PORT, agent=True)

    async def _forward(
        self, request: Request, sandbox_id: str, port: int, *, agent: bool
    ) -> Response:
        path = request.url.path
        try:
            self._manager.require_running(sandbox_id)
        except LifecycleError as failure:
            return _error(failure, path)
        prefix = f"{AGENT_PREFIX}/{sandbox_id}" if agent else f"{PREFIX}/{sandbox_id}/{port}"
        if request.scope.get(HOST_ROUTED):
            prefix = ""  # the service is at the root of its own host name
        target = "/" + request.path_params["path"]
        if request.url.query:
            target += "?" + request.url.query
        content: bytes | AsyncIterator[bytes] | None = None
        if "content-length" in request.headers:
            content = request.stream()
        elif "transfer-encoding" in request.headers:
            # Chunked upload: sent on with a Content-Length (simple servers, like Python's
            # http.server, read no chunked bodies), so it is buffered, up to a limit.
            content = await _read_limited(request, CHUNKED_BODY_LIMIT)
            if content is None:
                return error_response(
                    413,
                    "payload_too_large",
                    f"A chunked request body through a preview URL may have at most "
                    f"{CHUNKED_BODY_LIMIT} bytes; send a Content-Length to stream a larger one.",
                    path,
                    {"limit_bytes": CHUNKED_BODY_LIMIT},
                )
        url = httpcore.URL(
            scheme=b"http",
            host=_upstream_host(sandbox_id, agent),
            port=port,
            target=target.encode("latin-1"),
        )
        headers = self._outgoing_headers(request, prefix)
        if isinstance(content, bytes):
            headers.append((b"content-length", str(len(content)).encode()))
        outgoing = httpcore.Request(
            request.method,
            url,
            headers=headers,
            content=content,
            extensions={
                "timeout": {"connect": CONNECT_TIMEOUT, "read": None, "write": None, "pool": None}
            },
        )
        try:
            response = await self._pool.handle_async_request(outgoing)
        except LifecycleError as failure:
            return _error(failure, path)
        except httpcore.ConnectError as exc:
            return nothing_answers(sandbox_id, port, exc, path)
        except (httpcore.TimeoutException, httpcore.NetworkError, httpcore.ProtocolError) as exc:
            return error_response(
                502,
                "bad_gateway",
                f"The service on port {port} in sandbox '{sandbox_id}' failed: {exc!r}.",
                path,
                {"sandbox_id": sandbox_id, "port": port},
            )
        response_headers = [
            (name.lower(), value)
            for name, value in response.headers
            if name.decode("latin-1").lower() not in HOP_BY_HOP
        ]

        async def body() -> AsyncIterator[bytes]:
            try:
                async for chunk in response.aiter_stream():
                    yield chunk
            except (httpcore.NetworkError, httpcore.ProtocolError):
                return
            finally:
                await response.aclose()

        streamed = StreamingResponse(body(), status_code=response.status)
        streamed.raw_headers = response_headers
        return streamed


def _error(failure: LifecycleError, path: str) -> Response:
    error = errors.from_domain(failure)
    return error_response(error.status, error.code, error.message, path, error.details)


async def _read_limited(request: Request, limit: int) -> bytes | None:
    """The whole request body, or None when it exceeds ``limit`` bytes."""
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)
