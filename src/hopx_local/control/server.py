"""Running the control plane's ASGI app under uvicorn on a socket bound beforehand."""

from __future__ import annotations

import asyncio
import contextlib
import socket
from collections.abc import Callable, Iterator

import uvicorn
from starlette.types import ASGIApp

from hopx_local import log_hygiene
from hopx_local.http_guard import HeaderLimits, guarded_httptools_protocol


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
    limits: HeaderLimits | None = None,
) -> bool:
    """Serve until SIGTERM/SIGINT (graceful: the app's lifespan shutdown runs).

    ``limits`` bound what unauthenticated clients can hold before their headers are complete
    (size, count, time, connections; see :mod:`hopx_local.http_guard`). Returns whether the
    server ever became ready (False: its startup failed).
    """
    limits = limits or HeaderLimits()
    config = uvicorn.Config(
        app,
        http=guarded_httptools_protocol(limits),
        log_level=log_level,
        access_log=access_log,
        lifespan="on",
        ws="websockets",  # preview URLs carry WebSocket upgrades too
        timeout_graceful_shutdown=10,
        timeout_keep_alive=5,
        h11_max_incomplete_event_size=limits.max_header_bytes,
        server_header=False,
    )
    log_hygiene.install()  # uvicorn configured its own handlers just now
    server = _ReadyAwareServer(config, on_ready)
    asyncio.run(server.serve(sockets=[listener]))
    return server.became_ready
