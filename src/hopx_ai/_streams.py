"""Event streams over an agent WebSocket (``run_code_stream``, ``files.watch``).

A :class:`StreamSpec` says what to open, what to send first and how to read the frames; the
stream objects run it:

* ``AsyncEventStream`` (``AsyncSandbox``): ``async for event in stream``;
* ``EventStream`` (``Sandbox``): ``for event in stream`` (blocking) **and**
  ``async for event in stream`` -- the published SDK made these members async generators even on
  its blocking class, so code written for it keeps working. The asyncio form opens an asyncio
  WebSocket (the event loop never blocks on frames), the blocking form a blocking one.

Either object is iterated once; ``close()`` / ``aclose()`` (or leaving the ``with`` block) closes
the WebSocket early.
"""

from __future__ import annotations

import functools
from collections.abc import AsyncGenerator, Awaitable, Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Generic, Self, TypeVar

import attrs

from ._frames import decode_frame, stream_error

if TYPE_CHECKING:
    from websockets.asyncio.client import ClientConnection

    from ._async._connections import AsyncAgentConnection
    from ._sync._connections import SyncAgentConnection

E = TypeVar("E")


@attrs.frozen
class StreamSpec(Generic[E]):
    """One streamed operation: the WebSocket ``path``, the ``first_frame`` sent after opening,
    how a frame becomes an event (``parse``) and which event ends the stream (``is_last``)."""

    path: str
    name: str
    first_frame: Mapping[str, Any]
    parse: Callable[[Mapping[str, Any]], E | None]  # None: a frame to skip
    is_last: Callable[[E], bool] = lambda event: False
    open_timeout: float | None = 30

    def event(self, raw: str | bytes) -> E | None:
        """The event of one frame, None for frames to skip; an error frame raises its error."""
        message = decode_frame(raw)
        if message is None:
            return None
        if message.get("type") == "error":
            raise stream_error(message, self.name)
        return self.parse(message)


def _encode(frame: Mapping[str, Any]) -> str:
    import json

    return json.dumps(dict(frame))


async def _async_events(
    open_websocket: Callable[[], Awaitable[ClientConnection]], spec: StreamSpec[E]
) -> AsyncGenerator[E, None]:
    """The stream over an asyncio WebSocket (``AsyncSandbox``; ``Sandbox`` with ``async for``)."""
    ws = await open_websocket()
    async with ws:
        await ws.send(_encode(spec.first_frame))
        async for raw in ws:
            event = spec.event(raw)
            if event is None:
                continue
            yield event
            if spec.is_last(event):
                return


class AsyncEventStream(Generic[E]):
    """Events of an ``AsyncSandbox`` stream: ``async for event in stream``."""

    def __init__(self, agent: AsyncAgentConnection, spec: StreamSpec[E]) -> None:
        self._agent = agent
        self._spec = spec
        self._events: AsyncGenerator[E, None] | None = None

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> E:
        if self._events is None:
            spec = self._spec
            opener = functools.partial(
                self._agent.open_websocket,
                spec.path,
                name=spec.name,
                open_timeout=spec.open_timeout,
            )
            self._events = _async_events(opener, spec)
        return await self._events.__anext__()

    async def aclose(self) -> None:
        """Stop the stream and close its WebSocket."""
        if self._events is not None:
            await self._events.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._spec.name}>"


class EventStream(Generic[E]):
    """Events of a ``Sandbox`` stream: ``for event in stream`` (blocking), or
    ``async for event in stream`` (as in the published SDK)."""

    def __init__(self, agent: SyncAgentConnection, spec: StreamSpec[E]) -> None:
        self._agent = agent
        self._spec = spec
        self._events: Generator[E, None, None] | None = None
        self._async_events: AsyncGenerator[E, None] | None = None

    # blocking

    def _run(self) -> Generator[E, None, None]:
        spec = self._spec
        ws = self._agent.open_websocket(spec.path, name=spec.name, open_timeout=spec.open_timeout)
        with ws:
            ws.send(_encode(spec.first_frame))
            for raw in ws:
                event = spec.event(raw)
                if event is None:
                    continue
                yield event
                if spec.is_last(event):
                    return

    def __iter__(self) -> Self:
        return self

    def __next__(self) -> E:
        if self._events is None:
            self._ensure_unused(self._async_events, "async for")
            self._events = self._run()
        return next(self._events)

    def close(self) -> None:
        """Stop the stream and close its WebSocket."""
        if self._events is not None:
            self._events.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # asyncio (the published form)

    def __aiter__(self) -> Self:
        return self

    async def __anext__(self) -> E:
        if self._async_events is None:
            from ._websockets import open_asyncio_websocket

            self._ensure_unused(self._events, "for")
            spec = self._spec
            opener = functools.partial(
                open_asyncio_websocket,
                self._agent,
                spec.path,
                name=spec.name,
                open_timeout=spec.open_timeout,
            )
            self._async_events = _async_events(opener, spec)
        return await self._async_events.__anext__()

    async def aclose(self) -> None:
        """Stop the stream and close its WebSocket (``async for`` form)."""
        if self._async_events is not None:
            await self._async_events.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    def _ensure_unused(self, other: object, how: str) -> None:
        if other is not None:
            raise RuntimeError(
                f"{self._spec.name}: this stream is already being read with `{how}`; "
                "call the method again for a new stream"
            )

    def __repr__(self) -> str:
        return f"<{type(self).__name__} {self._spec.name}>"
