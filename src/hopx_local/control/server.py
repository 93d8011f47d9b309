"""Running the control plane's ASGI app under uvicorn on a socket bound beforehand."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable, Iterator

import uvicorn
from starlette.types import ASGIApp


class _ReadyAwareServer(uvicorn.Server):
    """uvicorn's server, calling ``on_ready`` once it accepts connections."""

    def __init__(self, config: uvicorn.Config, on_ready: Callable[[], None]) -> None:
        super().__init__(config)
        self._on_ready = on_ready
        self.became_ready = False

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        # uvicorn re-raises SIGTERM/SIGINT after its graceful shutdown, which would kill the
        # process before the CLI's own cleanup; a requested, completed shutdown exits 0.
        with super().capture_signals():
            yield
            self._captured_signals.clear()

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if not self.should_exit:
            self.became_ready = True
            self._on_ready()


def run(
    app: ASGIApp,
    listener: socket.socket,
    *,
    on_ready: Callable[[], None],
    log_level: str = "info",
    access_log: bool = False,
) -> bool:
    """Serve until SIGTERM/SIGINT (graceful: the app's lifespan shutdown runs).

    Returns whether the server ever became ready (False: its startup failed).
    """
    server = _ReadyAwareServer(
        uvicorn.Config(
            app,
            log_level=log_level,
            access_log=access_log,
            lifespan="on",
            ws="websockets",  # preview URLs carry WebSocket upgrades too
            timeout_graceful_shutdown=10,
            server_header=False,
        ),
        on_ready,
    )
    asyncio.run(server.serve(sockets=[listener]))
    return server.became_ready
