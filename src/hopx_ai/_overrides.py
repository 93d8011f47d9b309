"""Test hooks for time: replace the sleeps, the clock and the retry jitter for one block of code.

Unit tests run the real SDK (against ``httpx.MockTransport``, passed as the public
``transport=``) without waiting for real backoff delays. Production code never sets these.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import attrs

from ._types import AsyncSleep, SyncSleep


@attrs.frozen
class HttpOverrides:
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
    async_sleep: AsyncSleep | None = None,
    sync_sleep: SyncSleep | None = None,
    clock: Callable[[], float] | None = None,
    random: Callable[[], float] | None = None,
) -> Iterator[HttpOverrides]:
    """Within the block, the SDK sleeps, reads the time and draws jitter with these."""
    overrides = HttpOverrides(
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
