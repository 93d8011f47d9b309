"""``sandbox.files``: read, write, list, upload, download and watch files in the sandbox."""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import posixpath
from typing import IO, TYPE_CHECKING, BinaryIO, cast

import httpx

from .._progress import (
    Progress,
    ProgressCallback,
    ProgressReader,
    aiter_with_progress,
    maybe,
    progress_for,
)
from .._streams import AsyncEventStream, StreamSpec
from ..errors import ValidationError
from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from .._events import FileChangeEvent
    from .._results import FileInfo


class AsyncFiles:
    """File operations inside the sandbox. Paths are absolute, or relative to ``/workspace``.

    ``timeout`` (seconds) overrides the HTTP read timeout of one call.

    The transfers (``upload``, ``download``, ``write_bytes``, ``read_bytes``) report their
    progress to ``on_progress(done_bytes, total_bytes)`` and, with ``progress=True``, draw a
    progress bar on stderr (needs ``rich``: the ``cli`` extra).
    """

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def read(
        self, path: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> str:
        """The text (UTF-8) content of a file; use ``read_bytes`` for binary files."""
        from hopx_agent_api.api.files import read_file

        request = read_file.request(path=_path(path))
        answer = await self._agent.call(
            request, "files.read", timeout=timeout, request_timeout=request_timeout
        )
        return answer.content

    async def read_bytes(
        self,
        path: str,
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        progress: bool = False,
    ) -> bytes:
        """The exact bytes of a file (never re-decoded)."""
        from hopx_agent_api.api.files import download_file

        request = download_file.request(path=_path(path))
        watcher = progress_for(f"read {path}", on_progress=on_progress, show=progress)
        if watcher is None:
            file = await self._agent.call(
                request, "files.read_bytes", timeout=timeout, request_timeout=request_timeout
            )
            return file.payload.read()
        buffer = io.BytesIO()
        download = self._agent.stream(
            request, "files.read_bytes", timeout=timeout, request_timeout=request_timeout
        )
        async with download as response:
            await _copy(response, buffer, watcher)
        return buffer.getvalue()

    async def write(
        self,
        path: str,
        content: str,
        mode: str = "0644",
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> None:
        """Create or replace a text file (parent directories are created)."""
        from hopx_agent_api.api.files import write_file
        from hopx_agent_api.models import FileEncoding, FileWriteRequest

        if not isinstance(content, str):
            raise ValidationError(
                "content must be str; use write_bytes() for bytes", field="content"
            )
        body = FileWriteRequest(
            path=_path(path), content=content, encoding=FileEncoding.UTF_8, mode=mode
        )
        await self._agent.call(
            write_file.request(body=body),
            "files.write",
            timeout=timeout,
            request_timeout=request_timeout,
        )

    async def write_bytes(
        self,
        path: str,
        content: bytes,
        mode: str = "0644",
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        progress: bool = False,
    ) -> None:
        """Create or replace a binary file."""
        from hopx_agent_api.api.files import upload_file
        from hopx_agent_api.models import FileUploadForm
        from hopx_agent_api.types import File

        if not isinstance(content, bytes | bytearray | memoryview):
            raise ValidationError("content must be bytes", field="content")
        # Multipart, streamed from memory in chunks: no base64 inflation, no JSON of the size
        # of the file (the stored bytes are exactly ``content``).
        watcher = progress_for(
            f"write {path}", len(content), on_progress=on_progress, show=progress
        )
        with maybe(watcher):
            body = FileUploadForm(
                file=File(
                    payload=_counted(io.BytesIO(content), watcher),
                    file_name=posixpath.basename(path) or "file",
                ),
                path=_path(path),
                mode=mode,
            )
            await self._agent.call(
                upload_file.request(body=body),
                "files.write_bytes",
                timeout=timeout,
                request_timeout=request_timeout,
            )

    async def list(
        self,
        path: str = "/workspace",
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> builtins.list[FileInfo]:
        """The entries of a directory."""
        from hopx_agent_api.api.files import list_files

        from .._results import FileInfo

        request = list_files.request(path=_path(path))
        listing = await self._agent.call(
            request, "files.list", timeout=timeout, request_timeout=request_timeout
        )
        return [FileInfo.from_dict(item) for item in listing.get("files") or []]

    async def upload(
        self,
        local_path: str,
        remote_path: str,
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        progress: bool = False,
    ) -> None:
        """Copy a local file into the sandbox (multipart upload, streamed from disk)."""
        from hopx_agent_api.api.files import upload_file
        from hopx_agent_api.models import FileUploadForm
        from hopx_agent_api.types import File

        with open(local_path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            watcher = progress_for(
                f"upload {os.path.basename(local_path)}",
                size,
                on_progress=on_progress,
                show=progress,
            )
            body = FileUploadForm(
                file=File(
                    payload=_counted(handle, watcher), file_name=os.path.basename(local_path)
                ),
                path=_path(remote_path),
            )
            with maybe(watcher):
                await self._agent.call(
                    upload_file.request(body=body),
                    "files.upload",
                    timeout=timeout or 60,
                    request_timeout=request_timeout,
                )

    async def download(
        self,
        remote_path: str,
        local_path: str,
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
        on_progress: ProgressCallback | None = None,
        progress: bool = False,
    ) -> None:
        """Copy a file of the sandbox to ``local_path`` (bytes unchanged).

        The bytes stream to disk, so a file of any size needs no memory of its size. They go
        to ``local_path + ".part"``, renamed over ``local_path`` once complete: a failed
        download leaves an existing ``local_path`` as it was.
        """
        from hopx_agent_api.api.files import download_file

        partial = f"{local_path}.part"
        # The generated operation's request, streamed: parsing it would read the whole body.
        request = download_file.request(path=_path(remote_path))
        try:
            download = self._agent.stream(
                request, "files.download", timeout=timeout or 60, request_timeout=request_timeout
            )
            watcher = progress_for(
                f"download {posixpath.basename(remote_path)}",
                on_progress=on_progress,
                show=progress,
            )
            async with download as response:
                await _save(response, partial, watcher)
            os.replace(partial, local_path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(partial)
            raise

    async def exists(
        self, path: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> bool:
        """Whether ``path`` exists (auth and network errors raise; they are not "no")."""
        from hopx_agent_api.api.files import file_exists

        request = file_exists.request(path=_path(path))
        return (
            await self._agent.call(
                request, "files.exists", timeout=timeout, request_timeout=request_timeout
            )
        ).exists

    async def remove(
        self, path: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> None:
        """Delete a file or a directory (recursively)."""
        from hopx_agent_api.api.files import remove_file

        await self._agent.call(
            remove_file.request(path=_path(path)),
            "files.remove",
            timeout=timeout,
            request_timeout=request_timeout,
        )

    async def mkdir(
        self, path: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> None:
        """Create a directory (and its parents)."""
        from hopx_agent_api.api.files import make_directory
        from hopx_agent_api.models import MakeDirectoryRequest

        request = make_directory.request(body=MakeDirectoryRequest(path=_path(path)))
        await self._agent.call(
            request, "files.mkdir", timeout=timeout, request_timeout=request_timeout
        )

    def watch(
        self,
        path: str = "/workspace",
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> AsyncEventStream[FileChangeEvent]:
        """Changes under ``path`` until you stop iterating (``timeout``: connect timeout):
        ``async for change in sandbox.files.watch("/workspace"):``."""
        from hopx_agent_api.models import WsWatchMessage, WsWatchMessageAction

        from .._events import file_change

        frame = WsWatchMessage(action=WsWatchMessageAction.WATCH, path=_path(path))
        spec = StreamSpec(
            path="/files/watch",
            name="files.watch",
            first_frame=frame.to_dict(),
            parse=file_change,
            open_timeout=request_timeout if request_timeout is not None else timeout or 30,
        )
        return AsyncEventStream(self._agent, spec)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


async def _copy(response: httpx.Response, sink: IO[bytes], watcher: Progress | None) -> None:
    """Write the body of a successful answer to ``sink`` as it arrives (counted by
    ``watcher``, whose total is the answer's ``Content-Length``)."""
    if watcher is None:
        async for chunk in response.aiter_bytes():
            sink.write(chunk)
        return
    length = response.headers.get("Content-Length")
    watcher.set_total(int(length) if length and length.isdigit() else None)
    with watcher:
        async for chunk in aiter_with_progress(response.aiter_bytes(), watcher):
            sink.write(chunk)


async def _save(response: httpx.Response, path: str, watcher: Progress | None) -> None:
    with open(path, "wb") as handle:
        await _copy(response, handle, watcher)


def _counted(payload: BinaryIO, watcher: Progress | None) -> BinaryIO:
    """``payload`` itself, or a reader of it whose reads advance ``watcher``."""
    return payload if watcher is None else cast(BinaryIO, ProgressReader(payload, watcher))


def _path(path: str) -> str:
    if not isinstance(path, str) or not path:
        raise ValidationError("path must be a non-empty string", field="path")
    return path
