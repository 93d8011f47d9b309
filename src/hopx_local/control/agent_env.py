"""Setting a running agent's environment variables (``PATCH /env``) over a connection to it.

Used when a create is served from the warm pool: the pooled agent started without the create's
``env_vars``, so they are pushed through the agent's own API, which is exactly where a
create-time variable lives in the agent (the API layer of its env store, listed by ``GET /env``
and applied to every process and to the Jupyter kernel before each execution).
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Awaitable, Callable, Mapping

Connect = Callable[[], Awaitable[socket.socket]]


class AgentEnvError(Exception):
    """The agent did not accept the variables (not reachable, not 200, or too slow)."""


async def update_agent_env(
    connect: Connect, token: str, env_vars: Mapping[str, str], *, timeout: float
) -> None:
    """``PATCH /env`` with ``env_vars`` on a connection from ``connect``; returns once the
    agent answered 200."""
    body = json.dumps({"env_vars": dict(env_vars)}).encode()
    head = (
        "PATCH /env HTTP/1.1\r\nHost: agent\r\nConnection: close\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    ).encode("ascii")
    try:
        status = await asyncio.wait_for(_exchange(connect, head + body), timeout)
    except (OSError, TimeoutError) as exc:
        raise AgentEnvError(f"PATCH /env failed: {exc!r}") from None
    if status != 200:
        raise AgentEnvError(f"PATCH /env answered {status}")


async def _exchange(connect: Connect, request: bytes) -> int:
    reader, writer = await asyncio.open_connection(sock=await connect())
    try:
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        await reader.read()  # the rest of the answer, until the agent closes
    finally:
        writer.close()
    try:
        return int(status_line.split(b" ", 2)[1])
    except (IndexError, ValueError):
        raise AgentEnvError(f"PATCH /env: unexpected answer {status_line[:80]!r}") from None
