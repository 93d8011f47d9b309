"""Calls of a sandbox's own agent API from the control plane (build steps, start commands,
ready checks): one HTTP/1.1 request on a fresh connection, answered as (status, JSON); and a
command whose output is handed over as it comes (``/commands/stream``, a WebSocket), so a RUN
step's output reaches the build log while it runs."""

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


class AgentCommandFault(Exception):
    """The agent refused or could not finish the command (its ``error`` frame)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


async def stream_command(
    connect: Connect,
    token: str,
    command: Mapping[str, Any],
    on_output: Callable[[str], None],
    *,
    timeout: float,
) -> int:
    """Run ``command`` (a ``WsCommandMessage`` without its type) through the agent, handing
    each piece of stdout/stderr to ``on_output`` as it arrives; its exit code."""
    from websockets import WebSocketException
    from websockets.asyncio.client import unix_connect

    try:
        async with asyncio.timeout(timeout):
            sock = await connect()
            async with unix_connect(
                sock=sock,
                uri="ws://agent/commands/stream",
                additional_headers={"Authorization": f"Bearer {token}"},
                max_size=None,
            ) as ws:
                await ws.send(json.dumps({"type": "command", **command}))
                async for raw in ws:
                    frame = json.loads(raw)
                    kind = frame.get("type")
                    if kind in ("stdout", "stderr"):
                        on_output(str(frame.get("data") or ""))
                    elif kind == "result":
                        return int(frame.get("exit_code", -1))
                    elif kind == "error":
                        raise AgentCommandFault(
                            str(frame.get("code") or ""), str(frame.get("error") or frame)
                        )
    except (OSError, TimeoutError, WebSocketException, ValueError) as error:
        raise AgentCallError(f"/commands/stream: {error!r}") from None
    raise AgentCallError("/commands/stream: the agent closed the stream without a result")


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
