"""The agent's event feed (``/stream``): publishers never block, slow subscribers lose events."""

from __future__ import annotations

import asyncio
from typing import Any

from .clock import iso

_QUEUE_SIZE = 1000


class Subscription:
    def __init__(self, bus: EventBus) -> None:
        self._bus = bus
        self.kinds: frozenset[str] = frozenset()
        """Event kinds wanted; empty = all."""
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(_QUEUE_SIZE)
        self.dropped = 0

    def offer(self, message: dict[str, Any]) -> None:
        if self.kinds and message["event"] not in self.kinds:
            return
        try:
            self.queue.put_nowait(message)
        except asyncio.QueueFull:
            self.dropped += 1

    def close(self) -> None:
        self._bus.subscribers.discard(self)


class EventBus:
    def __init__(self) -> None:
        self.subscribers: set[Subscription] = set()

    def subscribe(self) -> Subscription:
        subscription = Subscription(self)
        self.subscribers.add(subscription)
        return subscription

    def publish(self, event: str, data: dict[str, Any]) -> None:
        if not self.subscribers:
            return
        message = {"type": "event", "event": event, "data": data, "timestamp": iso()}
        for subscription in list(self.subscribers):
            subscription.offer(message)
