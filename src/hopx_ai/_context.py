"""Per-call settings that travel with the call (contextvars), read by the transport.

The generated client functions take no timeout; a call that needs a longer HTTP timeout than the
client's default (``run_code`` waits for the execution) sets it here for its own duration.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import httpx

_request_timeout: ContextVar[httpx.Timeout | None] = ContextVar(
    "hopx_request_timeout", default=None
)


@contextmanager
def request_timeout(seconds: float | None) -> Iterator[None]:
    """Use ``seconds`` as the read timeout of the requests sent inside the block."""
    if seconds is None:
        yield
        return
    token = _request_timeout.set(httpx.Timeout(seconds, connect=min(seconds, 30.0)))
    try:
        yield
    finally:
        _request_timeout.reset(token)


def apply_request_timeout(request: httpx.Request) -> None:
    timeout = _request_timeout.get()
    if timeout is not None:
        request.extensions["timeout"] = timeout.as_dict()
