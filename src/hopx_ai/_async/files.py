"""``sandbox.files``: read, write, list, upload, download and watch files in the sandbox."""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import posixpath
from typing import TYPE_CHECKING

import httpx

from .._streams import AsyncEventStream, StreamSpec
from ..errors import ValidationError
from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from .._events import FileChangeEvent
    from .._results import FileInfo


class AsyncFiles:
    """File operations inside the sandbox. Paths are absolute, or relative to ``/workspace``.

    ``timeout`` (seconds) overrides the HTTP read timeout of one call.
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
        self, path: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> bytes:
        """The exact bytes of a file (never re-decoded)."""
        from hopx_agent_api.api.files import download_file

        request = download_file.request(path=_path(path))
        file = await self._agent.call(
            request, "files.read_bytes", timeout=timeout, request_timeout=request_timeout
        )
        return file.payload.read()

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
    ) -> None:
        """Create or replace a binary file."""
        from hopx_agent_api.api.files import upload_file
        from hopx_agent_api.models import FileUploadForm
        from hopx_agent_api.types import File

        if not isinstance(content, bytes | bytearray | memoryview):
            raise ValidationError("content must be bytes", field="content")
        # Multipart, streamed from memory in chunks: no base64 inflation, no JSON of the size
        # of the file (the stored bytes are exactly ``content``).
        body = FileUploadForm(
            file=File(payload=io.BytesIO(content), file_name=posixpath.basename(path) or "file"),
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
    ) -> None:
        """Copy a local file into the sandbox (multipart upload, streamed from disk)."""
        from hopx_agent_api.api.files import upload_file
        from hopx_agent_api.models import FileUploadForm
        from hopx_agent_api.types import File

        with open(local_path, "rb") as handle:
            body = FileUploadForm(
                file=File(payload=handle, file_name=os.path.basename(local_path)),
                path=_path(remote_path),
            )
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
            async with download as response:
                await _save(response, partial)
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


async def _save(response: httpx.Response, path: str) -> None:
    """Write the body of a successful answer to ``path`` as it arrives."""
    with open(path, "wb") as handle:
        async for chunk in response.aiter_bytes():
            handle.write(chunk)


def _path(path: str) -> str:
    if not isinstance(path, str) or not path:
        raise ValidationError("path must be a non-empty string", field="path")
    return path
