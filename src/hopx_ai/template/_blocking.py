"""The two primitives of a build that differ in kind between the async SDK and the blocking
one, made by hand in pairs (``scripts/unasync_sdk.py`` turns ``AsyncX`` into ``SyncX``, so
``_async/template_build.py`` names the first and its generated twin the second):

- ``AsyncWorker.run(fn, *args)``: blocking work (hashing, tarballs) off the event loop / called;
  ``AsyncWorker.call(callback, *args)``: a user callback (awaited if it is a coroutine);
- ``AsyncFileStream``: a file's bytes as an httpx request body, read chunk by chunk, replayable
  (each iteration starts over, so the transport's retries of an idempotent PUT work).
"""

from __future__ import annotations

import inspect
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar, TypeVarTuple, Unpack

import httpx

from .._log import logger
from .._progress import Progress

CHUNK_SIZE = 1024 * 1024
R = TypeVar("R")
Ts = TypeVarTuple("Ts")


class AsyncWorker:
    @staticmethod
    async def run(fn: Callable[[Unpack[Ts]], R], *args: *Ts) -> R:
        import anyio

        return await anyio.to_thread.run_sync(fn, *args)

    @staticmethod
    async def call(callback: Callable[..., Any], *args: Any) -> None:
        """A user callback: a plain function, or a coroutine function (awaited)."""
        result = callback(*args)
        if inspect.isawaitable(result):
            await result


class SyncWorker:
    @staticmethod
    def run(fn: Callable[[Unpack[Ts]], R], *args: *Ts) -> R:
        return fn(*args)

    @staticmethod
    def call(callback: Callable[..., Any], *args: Any) -> None:
        """A user callback (a coroutine function cannot be awaited here: said, not hung)."""
        result = callback(*args)
        if inspect.iscoroutine(result):
            result.close()
            logger.warning("%r is a coroutine function; a blocking build cannot await it", callback)


class AsyncFileStream(httpx.AsyncByteStream):
    """The bytes of a file, read in a worker thread; each iteration starts over."""

    def __init__(
        self, path: Path, chunk_size: int = CHUNK_SIZE, *, progress: Progress | None = None
    ) -> None:
        self._path = path
        self._chunk_size = chunk_size
        self._progress = progress

    async def __aiter__(self) -> AsyncIterator[bytes]:
        import anyio

        async with await anyio.open_file(self._path, "rb") as file:
            while chunk := await file.read(self._chunk_size):
                if self._progress is not None:
                    self._progress.advance(len(chunk))
                yield chunk


class SyncFileStream(httpx.SyncByteStream):
    """The bytes of a file; each iteration starts over."""

    def __init__(
        self, path: Path, chunk_size: int = CHUNK_SIZE, *, progress: Progress | None = None
    ) -> None:
        self._path = path
        self._chunk_size = chunk_size
        self._progress = progress

    def __iter__(self) -> Iterator[bytes]:
        with self._path.open("rb") as file:
            while chunk := file.read(self._chunk_size):
                if self._progress is not None:
                    self._progress.advance(len(chunk))
                yield chunk
