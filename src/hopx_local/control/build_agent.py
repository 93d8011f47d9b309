"""Calls of a sandbox's own agent API from the control plane (build steps, start commands,
ready checks): one HTTP/1.1 request on a fresh connection, answered as (status, JSON)."""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

Connect = Callable[[], Awaitable[socket.socket]]
MAX_ANSWER = 64 * 1024 * 1024


class AgentCallError(Exception):
    """The agent could not be asked (not reachable, or an answer that is not HTTP)."""


async def agent_call(
    connect: Connect,
    token: str,
    method: str,
    path: str,
    body: Mapping[str, Any] | None,
    *,
    timeout: float,
) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else b""
    head = (
        f"{method} {path} HTTP/1.1\r\nHost: agent\r\nConnection: close\r\n"
        f"Authorization: Bearer {token}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(data)}\r\n\r\n"
    ).encode("ascii")
    try:
        return await asyncio.wait_for(_exchange(connect, head + data), timeout)
    except (OSError, TimeoutError) as error:
        raise AgentCallError(f"{method} {path}: {error!r}") from None


async def _exchange(connect: Connect, request: bytes) -> tuple[int, Any]:
    reader, writer = await asyncio.open_connection(sock=await connect(), limit=MAX_ANSWER)
    try:
        writer.write(request)
        await writer.drain()
        status_line = await reader.readline()
        headers: dict[str, str] = {}
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if headers.get("transfer-encoding", "").lower() == "chunked":
            payload = bytearray()
            while True:
                size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    break
                payload += await reader.readexactly(size)
                await reader.readline()
            raw = bytes(payload)
        elif "content-length" in headers:
            raw = await reader.readexactly(int(headers["content-length"]))
        else:
            raw = await reader.read(MAX_ANSWER)
    finally:
        writer.close()
    try:
        status = int(status_line.split(b" ", 2)[1])
    except (IndexError, ValueError):
        raise AgentCallError(f"unexpected answer {status_line[:80]!r}") from None
    try:
        return status, json.loads(raw) if raw else None
    except ValueError:
        return status, raw.decode(errors="replace")
