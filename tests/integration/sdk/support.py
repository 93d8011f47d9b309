"""Helpers of the SDK integration tests: one test body for ``Sandbox`` and ``AsyncSandbox``.

A test marked ``anyio`` receives either client; it wraps every SDK call in ``await aw(...)``
(awaits the coroutine of ``AsyncSandbox``, passes the value of ``Sandbox`` through) and reads
streams with ``take_until`` (sync iterators and async iterators alike).
"""

from __future__ import annotations

import inspect
import time
from collections.abc import AsyncIterable, Callable, Iterable
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

# Template every sandbox of these tests is created from (Jupyter kernel: rich outputs, state).
TEMPLATE = "code-interpreter"
# A sandbox id of the right shape that does not exist.
UNKNOWN_SANDBOX_ID = "sbx_0000000000000000"


async def aw(value: Any) -> Any:
    """``await`` the result of an ``AsyncSandbox`` call; a ``Sandbox`` result is returned as is."""
    if inspect.isawaitable(value):
        return await value
    return value


async def take_until(
    stream: Iterable[T] | AsyncIterable[T],
    done: Callable[[list[T]], bool],
    *,
    limit: int = 10_000,
) -> list[T]:
    """Read ``stream`` until ``done(items so far)`` or its end; close it; return the items.

    A stream that is both (``Sandbox`` streams also allow ``async for``, as published) is read
    with a blocking ``for``.
    """
    items: list[T] = []
    if not isinstance(stream, Iterable):
        iterator = aiter(stream)
        try:
            async for item in iterator:
                items.append(item)
                if done(items) or len(items) >= limit:
                    break
        finally:
            closer = getattr(iterator, "aclose", None)
            if closer is not None:
                await closer()
        return items
    sync_iterator = iter(stream)
    try:
        for item in sync_iterator:
            items.append(item)
            if done(items) or len(items) >= limit:
                break
    finally:
        closer = getattr(sync_iterator, "close", None)
        if closer is not None:
            closer()
    return items


async def poll(check: Callable[[], Any], *, timeout: float, what: str, every: float = 0.1) -> Any:
    """Call ``check`` (sync or async) until it returns something truthy; fail after ``timeout``."""
    import anyio

    deadline = time.monotonic() + timeout
    while True:
        value = await aw(check())
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        await anyio.sleep(every)


def poll_sync(check: Callable[[], T], *, timeout: float, what: str, every: float = 0.1) -> T:
    """``poll`` for plain (non-async) tests."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(every)
