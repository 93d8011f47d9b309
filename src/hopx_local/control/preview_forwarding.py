"""What the preview proxy (HTTP and WebSocket alike) passes into a sandbox, and its errors."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterable
from typing import Any

from starlette.responses import JSONResponse, Response
from starlette.websockets import WebSocket

from hopx_local.spec_server import ApiError, error_body, new_request_id

PREFIX = "/preview"
AGENT_PREFIX = "/agent"
"""``/agent/<sandbox id>/...`` reaches the sandbox's agent (its ``public_host`` with --one-port)."""
AGENT_PORT = 7777
"""The agent's port as the public service names it (``7777-<id>.<domain>``)."""
CONNECT_TIMEOUT = 10.0

# Hop-by-hop headers (RFC 9110 §7.6.1) and those this proxy sets itself.
HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}


def forwarded_headers(
    headers: Iterable[tuple[str, str]],
    *,
    is_api_key: Callable[[str], bool],
    client: str,
    scheme: str,
    prefix: str,
    also_drop: Iterable[str] = (),
) -> list[tuple[str, str]]:
    """The request's headers as the sandbox's service gets them: no hop-by-hop ones, never
    the caller's API key, plus the X-Forwarded-* a service needs to build its own URLs."""
    dropped = HOP_BY_HOP | {"x-api-key"} | set(also_drop)
    kept: list[tuple[str, str]] = []
    host = ""
    for name, value in headers:
        if name == "host":
            host = value
        if name in dropped:
            continue
        if name == "authorization":
            kind, _, credential = value.partition(" ")
            if kind.lower() == "bearer" and is_api_key(credential.strip()):
                continue
        kept.append((name, value))
    return [
        *kept,
        ("x-forwarded-for", client),
        ("x-forwarded-proto", scheme),
        ("x-forwarded-host", host),
        ("x-forwarded-prefix", prefix),
    ]


def error_response(
    status: int, code: str, message: str, path: str, details: dict[str, object]
) -> JSONResponse:
    request_id = new_request_id()
    error = ApiError(status, code, message, details)
    return JSONResponse(
        error_body("nested", error, request_id, path), status, headers={"X-Request-ID": request_id}
    )


def bad_port(port: int, path: str) -> JSONResponse | None:
    if 1 <= port <= 65535:
        return None
    return error_response(
        400,
        "validation_error",
        f"Invalid port {port} in the preview URL; use 1..65535.",
        path,
        {"field": "port", "location": "path"},
    )


def nothing_answers(sandbox_id: str, port: int, reason: object, path: str) -> JSONResponse:
    return error_response(
        502,
        "bad_gateway",
        f"Nothing answers on port {port} in sandbox '{sandbox_id}' ({reason}); start a "
        f"server there that listens on 127.0.0.1:{port} or 0.0.0.0:{port}.",
        path,
        {"sandbox_id": sandbox_id, "port": port},
    )


async def deny_upgrade(websocket: WebSocket, response: Response) -> None:
    """Refuse the upgrade with an HTTP error body where the server can send one."""
    if "websocket.http.response" in websocket.scope.get("extensions", {}):
        await websocket.send_denial_response(response)
    else:
        await websocket.close(code=1011)


async def until_either_ends(*directions: Coroutine[Any, Any, None]) -> None:
    """Run the directions of a relayed connection until one ends; then stop the others."""
    tasks = [asyncio.create_task(direction) for direction in directions]
    try:
        await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
