"""Auto-kill deadlines: one asyncio timer per sandbox, firing exactly when it is due."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

log = logging.getLogger("hopx_local.deadlines")


class Deadlines:
    """Calls ``on_due(sandbox_id)`` once a sandbox's deadline (epoch µs) has passed.

    No polling: each deadline is a ``loop.call_later`` handle; setting a new deadline replaces
    the old handle. Deadlines in the past fire on the next loop iteration.
    """

    def __init__(self, on_due: Callable[[str], Awaitable[None]]) -> None:
        self._on_due = on_due
        self._handles: dict[str, asyncio.TimerHandle] = {}
        self._running: set[asyncio.Task[None]] = set()

    def set(self, sandbox_id: str, expires_us: int | None) -> None:
        """Schedule (or with None, clear) the deadline of ``sandbox_id``."""
        self.cancel(sandbox_id)
        if expires_us is None:
            return
        delay = max(0.0, expires_us / 1_000_000 - time.time())
        loop = asyncio.get_running_loop()
        self._handles[sandbox_id] = loop.call_later(delay, self._fire, sandbox_id)

    def cancel(self, sandbox_id: str) -> None:
        handle = self._handles.pop(sandbox_id, None)
        if handle is not None:
            handle.cancel()

    def _fire(self, sandbox_id: str) -> None:
        self._handles.pop(sandbox_id, None)
        task = asyncio.get_running_loop().create_task(self._run(sandbox_id))
        self._running.add(task)
        task.add_done_callback(self._running.discard)

    async def _run(self, sandbox_id: str) -> None:
        try:
            await self._on_due(sandbox_id)
        except Exception:
            log.exception("expiring sandbox %s failed", sandbox_id)

    async def close(self) -> None:
        for handle in self._handles.values():
            handle.cancel()
        self._handles.clear()
        for task in list(self._running):
            task.cancel()
        if self._running:
            await asyncio.gather(*self._running, return_exceptions=True)
