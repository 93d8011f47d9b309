"""Waiting for a sandbox's agent to answer ``GET /health`` on its unix socket."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from pathlib import Path

from hopx_local.control.unix_socket import open_connection

_REQUEST = b"GET /health HTTP/1.1\r\nHost: agent\r\nConnection: close\r\n\r\n"
_POLL_SECONDS = 0.001


class AgentNotHealthy(Exception):
    """The agent did not answer in time, or its sandbox ended first."""


async def probe_health(agent_socket: Path) -> bool:
    """One attempt: True when the agent answers ``/health`` with 200."""
    try:
        reader, writer = await open_connection(agent_socket)
    except OSError:
        return False
    try:
        writer.write(_REQUEST)
        status_line = await reader.readline()
        return status_line.split(b" ", 2)[1:2] == [b"200"]
    except (OSError, IndexError):
        return False
    finally:
        writer.close()


async def wait_until_healthy(
    agent_socket: Path, *, timeout: float, still_alive: Callable[[], bool]
) -> float:
    """Poll the agent every millisecond until it is healthy; return the seconds it took.

    Raises AgentNotHealthy when ``still_alive()`` turns false or ``timeout`` passes.
    """
    started = time.monotonic()
    deadline = started + timeout
    while True:
        if agent_socket.is_socket():
            remaining = max(deadline - time.monotonic(), _POLL_SECONDS)
            try:
                healthy = await asyncio.wait_for(probe_health(agent_socket), remaining)
            except TimeoutError:
                healthy = False
            if healthy:
                return time.monotonic() - started
        if not still_alive():
            raise AgentNotHealthy("the sandbox's agent exited before it became healthy")
        if time.monotonic() >= deadline:
            raise AgentNotHealthy(f"the sandbox's agent was not healthy within {timeout:g} s")
        await asyncio.sleep(_POLL_SECONDS)
