"""``AsyncSandbox.create(...)`` can be awaited *or* used as ``async with`` (published API).

In the generated blocking code the same call returns the sandbox itself (``SyncCreating[S]`` is
just ``S``), and ``Sandbox`` is its own context manager.
"""

from __future__ import annotations

from collections.abc import Coroutine, Generator
from typing import Annotated, Any, Generic, Protocol, TypeAlias, TypeVar


class _Closable(Protocol):
    async def _exit_context(self, failed: bool) -> None: ...


S = TypeVar("S", bound=_Closable)
T = TypeVar("T")


class AsyncCreating(Generic[S]):
    """Awaitable (``sb = await AsyncSandbox.create()``) and async context manager
    (``async with AsyncSandbox.create() as sb:``, killing the sandbox on exit)."""

    def __init__(self, creation: Coroutine[Any, Any, S]) -> None:
        self._creation = creation
        self._sandbox: S | None = None

    def __await__(self) -> Generator[Any, None, S]:
        return self._creation.__await__()

    async def __aenter__(self) -> S:
        self._sandbox = await self._creation
        return self._sandbox

    async def __aexit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        if self._sandbox is not None:
            await self._sandbox._exit_context(failed=exc_type is not None)


def start_creating(creation: Coroutine[Any, Any, S]) -> AsyncCreating[S]:
    return AsyncCreating(creation)


SyncCreating: TypeAlias = Annotated[T, "the created sandbox"]


def finish_creating(sandbox: T) -> T:
    return sandbox
