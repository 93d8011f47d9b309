"""Warm pool: sandboxes started ahead of demand, handed out by create.

Starting a sandbox costs ~0.4 s, nearly all of it the agent's Python start-up; a create served
from the pool costs a few milliseconds. The pool keeps up to ``size`` idle, agent-healthy
sandboxes per :class:`PoolKey` and refills in the background: one sandbox at a time, fewest-idle
key first, and never while the control plane is starting a sandbox the normal way (``busy``), so
refilling does not slow a create down. A failed refill is retried after ``retry_after`` seconds,
doubling while failures repeat (up to ``MAX_RETRY_AFTER_SECONDS``).

The pool knows nothing about sandboxes: the control plane gives it how to boot one, how to
discard one and whether one is still alive. Idle entries found dead when taken are discarded.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable, Iterable
from typing import Generic, TypeVar

import attrs

log = logging.getLogger("hopx_local.warm_pool")

T = TypeVar("T")

RETRY_AFTER_SECONDS = 5.0
MAX_RETRY_AFTER_SECONDS = 300.0


@attrs.frozen
class PoolKey:
    """The create parameters a pooled sandbox was started with."""

    template_name: str
    internet_access: bool
    node_id: str = "local"
    """The node the sandboxes of this key run on (one pool per node)."""


class WarmPool(Generic[T]):
    def __init__(
        self,
        keys: Iterable[PoolKey],
        size: int,
        *,
        boot: Callable[[PoolKey], Awaitable[T]],
        discard: Callable[[T], Awaitable[None]],
        alive: Callable[[T], bool],
        busy: Callable[[], bool],
        retry_after: float = RETRY_AFTER_SECONDS,
    ) -> None:
        self.size = size
        self._idle: dict[PoolKey, deque[T]] = {key: deque() for key in keys} if size > 0 else {}
        self._boot = boot
        self._discard = discard
        self._alive = alive
        self._busy = busy
        self._retry_after = retry_after
        self._wake = asyncio.Event()
        self._closing = False
        self._refiller: asyncio.Task[None] | None = None
        self._discarding: set[asyncio.Task[None]] = set()

    def start(self) -> None:
        """Begin filling (call from the event loop, once)."""
        if self.size > 0 and self._refiller is None:
            self._refiller = asyncio.get_running_loop().create_task(self._refill())
            self._wake.set()

    def take(self, key: PoolKey) -> T | None:
        """An idle, live sandbox for ``key`` (now the caller's), or None."""
        idle = self._idle.get(key)
        found: T | None = None
        while idle and found is None:
            candidate = idle.popleft()
            if self._alive(candidate):
                found = candidate
            else:
                self._discard_later(candidate)
        self.wake()
        return found

    def set_keys(self, keys: Iterable[PoolKey]) -> None:
        """Pool these keys from now on: new ones start empty, idle sandboxes of dropped ones
        are discarded (e.g. the nodes changed)."""
        if self.size <= 0:
            return
        wanted = set(keys)
        for key in [key for key in self._idle if key not in wanted]:
            for entry in self._idle.pop(key):
                self._discard_later(entry)
        for key in wanted:
            self._idle.setdefault(key, deque())
        self.wake()

    def pool_keys(self) -> list[PoolKey]:
        return list(self._idle)

    def idle(self, key: PoolKey) -> int:
        return len(self._idle.get(key, ()))

    def discard(self, entry: T) -> None:
        """Give back a taken sandbox that turned out unusable: discarded in the background."""
        self._discard_later(entry)

    def wake(self) -> None:
        """Something changed (a sandbox was taken, the control plane is no longer busy)."""
        self._wake.set()

    async def close(self) -> None:
        """Stop refilling (a boot in progress finishes first) and discard every idle sandbox."""
        self._closing = True
        self._wake.set()
        if self._refiller is not None:
            await asyncio.gather(self._refiller, return_exceptions=True)
        for idle in self._idle.values():
            while idle:
                self._discard_later(idle.popleft())
        if self._discarding:
            await asyncio.gather(*self._discarding, return_exceptions=True)

    # ------------------------------------------------------------- internals
    def _most_needed(self) -> PoolKey | None:
        for idle in self._idle.values():
            for entry in [entry for entry in idle if not self._alive(entry)]:
                idle.remove(entry)
                self._discard_later(entry)
        short = [key for key, idle in self._idle.items() if len(idle) < self.size]
        return min(short, key=lambda key: len(self._idle[key])) if short else None

    async def _refill(self) -> None:
        retry_after = self._retry_after
        while not self._closing:
            key = self._most_needed()
            if key is None or self._busy():
                self._wake.clear()
                await self._wake.wait()
                continue
            try:
                entry = await self._boot(key)
            except Exception as exc:
                log.warning(
                    "warm pool: starting a %s sandbox failed (retrying in %g s): %s",
                    key.template_name,
                    retry_after,
                    exc,
                )
                await self._pause(retry_after)
                retry_after = min(retry_after * 2, MAX_RETRY_AFTER_SECONDS)
                continue
            retry_after = self._retry_after
            idle = self._idle.get(key)
            if self._closing or idle is None:  # closing, or the key was dropped meanwhile
                self._discard_later(entry)
            else:
                idle.append(entry)

    async def _pause(self, seconds: float) -> None:
        """Sleep, cut short by close()."""
        self._wake.clear()
        deadline = asyncio.get_running_loop().time() + seconds
        while not self._closing:
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return
            self._wake.clear()
            try:
                await asyncio.wait_for(self._wake.wait(), remaining)
            except TimeoutError:
                return

    def _discard_later(self, entry: T) -> None:
        task = asyncio.get_running_loop().create_task(self._discard_quietly(entry))
        self._discarding.add(task)
        task.add_done_callback(self._discarding.discard)

    async def _discard_quietly(self, entry: T) -> None:
        try:
            await self._discard(entry)
        except Exception:
            log.exception("warm pool: discarding a sandbox failed")
