"""Test hooks: replace the network transport, the sleeps and the clock for one block of code.

Unit tests run the real SDK against ``httpx.MockTransport`` this way, without waiting for real
backoff delays. Production code never sets these.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import attrs
import httpx

from ._types import AsyncSleep, SyncSleep


@attrs.frozen
class HttpOverrides:
    async_transport: httpx.AsyncBaseTransport | None = None
    sync_transport: httpx.BaseTransport | None = None
    async_sleep: AsyncSleep | None = None
    sync_sleep: SyncSleep | None = None
    clock: Callable[[], float] | None = None
    random: Callable[[], float] | None = None


_NONE = HttpOverrides()
_current: ContextVar[HttpOverrides | None] = ContextVar("hopx_http_overrides", default=None)


def current() -> HttpOverrides:
    return _current.get() or _NONE


def now() -> float:
    """Wall-clock epoch seconds (overridable)."""
    clock = current().clock
    return clock() if clock is not None else time.time()


@contextmanager
def override_http(
    *,
    transport: httpx.MockTransport | None = None,
    async_transport: httpx.AsyncBaseTransport | None = None,
    sync_transport: httpx.BaseTransport | None = None,
    async_sleep: AsyncSleep | None = None,
    sync_sleep: SyncSleep | None = None,
    clock: Callable[[], float] | None = None,
    random: Callable[[], float] | None = None,
) -> Iterator[HttpOverrides]:
    """Within the block, new SDK HTTP clients use these instead of the network and real time.

    ``transport`` (an ``httpx.MockTransport``) serves both the blocking and the async clients.
    """
    overrides = HttpOverrides(
        async_transport=async_transport or transport,
        sync_transport=sync_transport or transport,
        async_sleep=async_sleep,
        sync_sleep=sync_sleep,
        clock=clock,
        random=random,
    )
    token = _current.set(overrides)
    try:
        yield overrides
    finally:
        _current.reset(token)
