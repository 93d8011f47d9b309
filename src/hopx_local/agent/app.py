"""The agent's ASGI app: vm-agent.yaml served spec-first, handlers from http_api and ws_api."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from starlette.websockets import WebSocket

from hopx_local.spec_server import SpecApp
from hopx_local.specs import load_spec, spec_path

from .errors import AgentFault
from .execution import use_languages
from .http_api import HttpApi, as_api_error
from .service import Agent
from .ws_api import WsApi


class _CountRequests:
    """Counts HTTP requests and error answers for the metrics (no other work per request)."""

    def __init__(self, app: ASGIApp, agent: Agent) -> None:
        self.app = app
        self.counters = agent.counters

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        counters = self.counters
        counters.requests += 1

        async def counting_send(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] >= 400:
                counters.errors += 1
            await send(message)

        await self.app(scope, receive, counting_send)


_preloaded: dict[str, dict[str, Any]] = {}
"""Parsed vm-agent.yaml by the digest of its text (filled in a fork server, see forked.py)."""


def _digest(raw: bytes) -> str:
    return hashlib.sha256(raw).hexdigest()


def preload_spec() -> None:
    """Parse vm-agent.yaml now, for every later :func:`build_app` of this process (and its
    forks) reading the same text."""
    yaml_path = spec_path("vm-agent")
    _preloaded[_digest(yaml_path.read_bytes())] = load_spec(yaml_path)


def _document(yaml_path: Path, spec_cache: Path | None) -> dict[str, Any]:
    if _preloaded:
        found = _preloaded.get(_digest(yaml_path.read_bytes()))
        if found is not None:
            return found
    return load_spec(yaml_path, cache_dir=spec_cache)


def build_app(agent: Agent, *, socket_path: str = "", spec_cache: Path | None = None) -> ASGIApp:
    yaml_path = spec_path("vm-agent")
    document = _document(yaml_path, spec_cache)
    use_languages(document)
    http = HttpApi(agent, document, socket_path)
    ws = WsApi(agent, document)

    async def authenticate(
        request: Request | WebSocket, schemes: list[str], request_id: str
    ) -> None:
        if agent.verifier is None:
            return
        try:
            agent.verifier.verify_header(request.headers.get("authorization"))
        except AgentFault as fault:
            raise as_api_error(fault) from None

    async def openapi_document(request: Request) -> FileResponse:
        return FileResponse(yaml_path, media_type="application/yaml")

    @contextlib.asynccontextmanager
    async def lifespan(app: Any) -> AsyncIterator[None]:
        await agent.startup()
        try:
            yield
        finally:
            await agent.shutdown()

    spec_app = SpecApp(
        document,
        handlers=http.handlers(),
        ws_handlers=ws.handlers(),
        error_style="flat",
        authenticate=authenticate,
        extra_routes=[Route("/openapi.yaml", openapi_document, methods=["GET"])],
    )
    return _CountRequests(spec_app.asgi(lifespan=lifespan), agent)
