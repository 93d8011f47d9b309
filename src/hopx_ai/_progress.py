"""Progress of long transfers (uploads, downloads, template builds): a callback and/or a bar.

One :class:`Progress` per transfer counts units (bytes, by default) and reports them to

* ``on_progress(done, total)``, a callback of the caller's (``total`` is ``None`` when unknown),
  called on every advance, and
* a `rich <https://rich.readthedocs.io>`_ progress bar on stderr, when ``show`` is true, or when
  it is ``None`` (auto) and stderr is a terminal, ``rich`` is installed (the ``cli`` extra) and
  the transfer is large (``total`` unknown or at least :data:`AUTO_SHOW_MIN_TOTAL`).

When neither applies :func:`progress_for` returns ``None``, so a transfer that nobody watches
costs nothing. The wrappers :class:`ProgressReader`, :func:`iter_with_progress` and
:func:`aiter_with_progress` count what passes through a file object or a byte stream::

    with progress_for("upload data.bin", size, on_progress=cb, show=None) as progress:
        ...  # progress.advance(len(chunk)) as chunks go
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from types import TracebackType
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

__all__ = [
    "AUTO_SHOW_MIN_TOTAL",
    "Progress",
    "ProgressCallback",
    "ProgressReader",
    "aiter_with_progress",
    "iter_with_progress",
    "progress_for",
]

ProgressCallback = Callable[[int, int | None], None]
"""``on_progress(done, total)``: units done so far, and the total (``None`` when unknown)."""

# Below this many bytes a transfer is over before a bar is worth drawing (auto mode only).
AUTO_SHOW_MIN_TOTAL = 8 * 1024 * 1024


def _rich_available() -> bool:
    try:
        import rich.progress  # noqa: F401
    except ImportError:
        return False
    return True


def _stderr_is_terminal() -> bool:
    stream = sys.stderr
    try:
        return stream is not None and stream.isatty()
    except (AttributeError, ValueError):  # replaced or closed stream
        return False


def should_show(show: bool | None, total: int | None) -> bool:
    """Whether to draw a bar: ``show`` if given, else auto (terminal, rich, large transfer)."""
    if show is not None:
        return show and _rich_available()
    if total is not None and total < AUTO_SHOW_MIN_TOTAL:
        return False
    return _stderr_is_terminal() and _rich_available()


class Progress:
    """Counts the units of one transfer and reports them (callback and/or bar)."""

    def __init__(
        self,
        description: str,
        total: int | None = None,
        *,
        on_progress: ProgressCallback | None = None,
        show: bool = False,
        console: Console | None = None,
        unit: str = "bytes",
    ) -> None:
        self.description = description
        self.total = total
        self.done = 0
        self._on_progress = on_progress
        self._bar: RichProgress | None = None
        self._task: TaskID | None = None
        if show:
            self._bar = _make_bar(console, unit)
            self._task = self._bar.add_task(description, total=total)

    def start(self) -> None:
        """Draw the bar (if any) and report 0 done."""
        if self._bar is not None:
            self._bar.start()
        if self._on_progress is not None:
            self._on_progress(0, self.total)

    def advance(self, count: int) -> None:
        """``count`` more units are done."""
        if count <= 0:
            return
        self.done += count
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, completed=self.done)
        if self._on_progress is not None:
            self._on_progress(self.done, self.total)

    def set_total(self, total: int | None) -> None:
        """The total became known (or changed), e.g. from a ``Content-Length``."""
        self.total = total
        if self._bar is not None and self._task is not None:
            self._bar.update(self._task, total=total)

    def close(self) -> None:
        """Stop drawing (the finished bar stays on screen)."""
        bar, self._bar = self._bar, None
        if bar is not None:
            bar.stop()

    def __enter__(self) -> Progress:
        self.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Progress {self.description!r} {self.done}/{self.total}>"


def _make_bar(console: Console | None, unit: str) -> RichProgress:
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        MofNCompleteColumn,
        ProgressColumn,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )
    from rich.progress import Progress as RichProgress

    columns: list[ProgressColumn] = [TextColumn("{task.description}"), BarColumn()]
    if unit == "bytes":
        columns += [DownloadColumn(), TransferSpeedColumn()]
    else:
        columns += [MofNCompleteColumn()]
    columns.append(TimeRemainingColumn())
    return RichProgress(
        *columns, console=console or Console(stderr=True), transient=False, auto_refresh=True
    )


def progress_for(
    description: str,
    total: int | None = None,
    *,
    on_progress: ProgressCallback | None = None,
    show: bool | None = None,
    console: Console | None = None,
    unit: str = "bytes",
) -> Progress | None:
    """A :class:`Progress` for one transfer, or ``None`` when nothing would report it
    (no callback, and no bar: ``show=False``, or auto and not a terminal / small / no rich).

    A ``console`` given means "draw on it" unless ``show`` is False (tests pass a rich
    ``Console(file=StringIO(), force_terminal=True)``).
    """
    draw = should_show(show, total) if console is None else show is not False
    if on_progress is None and not draw:
        return None
    return Progress(
        description, total, on_progress=on_progress, show=draw, console=console, unit=unit
    )


def maybe(progress: Progress | None) -> contextlib.AbstractContextManager[Progress | None]:
    """``with maybe(progress_for(...)) as progress:`` works whether it is ``None`` or not."""
    return progress if progress is not None else contextlib.nullcontext()


class ProgressReader:
    """A binary file object whose reads advance ``progress`` (streamed uploads)."""

    def __init__(self, raw: IO[bytes], progress: Progress) -> None:
        self._raw = raw
        self._progress = progress

    def read(self, size: int = -1) -> bytes:
        chunk = self._raw.read(size)
        self._progress.advance(len(chunk))
        return chunk

    def __iter__(self) -> Iterator[bytes]:
        while chunk := self.read(64 * 1024):
            yield chunk

    def __getattr__(self, name: str) -> Any:  # seek, tell, name, close... of the file
        return getattr(self._raw, name)


def iter_with_progress(chunks: Iterator[bytes], progress: Progress | None) -> Iterator[bytes]:
    """``chunks`` unchanged, each one counted."""
    for chunk in chunks:
        if progress is not None:
            progress.advance(len(chunk))
        yield chunk


async def aiter_with_progress(
    chunks: AsyncIterator[bytes], progress: Progress | None
) -> AsyncIterator[bytes]:
    """``chunks`` unchanged, each one counted."""
    async for chunk in chunks:
        if progress is not None:
            progress.advance(len(chunk))
        yield chunk
