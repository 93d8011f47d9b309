"""``sandbox.files``: read, write, list, upload, download and watch files in the sandbox."""

from __future__ import annotations

import builtins
import contextlib
import io
import os
import posixpath

from .._streams import AsyncEventStream, StreamSpec
from .._support import list_of_objects
from ..errors import ValidationError
from ..models import FileChangeEvent, FileInfo
from ._connections import AsyncAgentConnection


class AsyncFiles:
    """File operations inside the sandbox. Paths are absolute, or relative to ``/workspace``.

    ``timeout`` (seconds) overrides the HTTP read timeout of one call.
    """

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def read(self, path: str, *, timeout: int | None = None) -> str:
        """The text (UTF-8) content of a file; use ``read_bytes`` for binary files."""
        from hopx_agent_api.api.files import read_file

        api = await self._agent.api()
        with self._agent.operation("files.read", http_timeout=timeout) as call:
            await read_file.asyncio_detailed(client=api, path=_path(path))
        content = call.json().get("content")
        return content if isinstance(content, str) else ""

    async def read_bytes(self, path: str, *, timeout: int | None = None) -> bytes:
        """The exact bytes of a file (never re-decoded)."""
        from hopx_agent_api.api.files import download_file

        api = await self._agent.api()
        with self._agent.operation("files.read_bytes", http_timeout=timeout) as call:
            await download_file.asyncio_detailed(client=api, path=_path(path))
        return call.content()

    async def write(
        self, path: str, content: str, mode: str = "0644", *, timeout: int | None = None
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
        api = await self._agent.api()
        with self._agent.operation("files.write", http_timeout=timeout):
            await write_file.asyncio_detailed(client=api, body=body)

    async def write_bytes(
        self, path: str, content: bytes, mode: str = "0644", *, timeout: int | None = None
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
        api = await self._agent.api()
        with self._agent.operation("files.write_bytes", http_timeout=timeout):
            await upload_file.asyncio_detailed(client=api, body=body)

    async def list(
        self, path: str = "/workspace", *, timeout: int | None = None
    ) -> builtins.list[FileInfo]:
        """The entries of a directory."""
        from hopx_agent_api.api.files import list_files

        api = await self._agent.api()
        with self._agent.operation("files.list", http_timeout=timeout) as call:
            await list_files.asyncio_detailed(client=api, path=_path(path))
        data = call.json()
        return [FileInfo.from_dict(item) for item in list_of_objects(data, "files")]

    async def upload(
        self, local_path: str, remote_path: str, *, timeout: int | None = None
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
            api = await self._agent.api()
            with self._agent.operation("files.upload", http_timeout=timeout or 60):
                await upload_file.asyncio_detailed(client=api, body=body)

    async def download(
        self, remote_path: str, local_path: str, *, timeout: int | None = None
    ) -> None:
        """Copy a file of the sandbox to ``local_path`` (bytes unchanged).

        The bytes stream to disk, so a file of any size needs no memory of its size. They go
        to ``local_path + ".part"``, renamed over ``local_path`` once complete: a failed
        download leaves an existing ``local_path`` as it was.
        """
        from hopx_agent_api.api.files import download_file

        api = await self._agent.api()
        http = api.get_async_httpx_client()
        partial = f"{local_path}.part"
        # The generated operation's request (method, URL, parameters from the YAML), streamed:
        # its own call would read the whole body into memory.
        request = http.build_request(**download_file._get_kwargs(path=_path(remote_path)))
        try:
            with (
                self._agent.operation("files.download", http_timeout=timeout or 60),
                open(partial, "wb") as handle,
            ):
                response = await http.send(request, stream=True)
                try:
                    async for chunk in response.aiter_bytes():
                        handle.write(chunk)
                finally:
                    await response.aclose()
            os.replace(partial, local_path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(partial)
            raise

    async def exists(self, path: str, *, timeout: int | None = None) -> bool:
        """Whether ``path`` exists (auth and network errors raise; they are not "no")."""
        from hopx_agent_api.api.files import file_exists

        api = await self._agent.api()
        with self._agent.operation("files.exists", http_timeout=timeout) as call:
            await file_exists.asyncio_detailed(client=api, path=_path(path))
        return bool(call.json().get("exists"))

    async def remove(self, path: str, *, timeout: int | None = None) -> None:
        """Delete a file or a directory (recursively)."""
        from hopx_agent_api.api.files import remove_file

        api = await self._agent.api()
        with self._agent.operation("files.remove", http_timeout=timeout):
            await remove_file.asyncio_detailed(client=api, path=_path(path))

    async def mkdir(self, path: str, *, timeout: int | None = None) -> None:
        """Create a directory (and its parents)."""
        from hopx_agent_api.api.files import make_directory
        from hopx_agent_api.models import MakeDirectoryRequest

        api = await self._agent.api()
        with self._agent.operation("files.mkdir", http_timeout=timeout):
            await make_directory.asyncio_detailed(
                client=api, body=MakeDirectoryRequest(path=_path(path))
            )

    def watch(
        self, path: str = "/workspace", *, timeout: int | None = None
    ) -> AsyncEventStream[FileChangeEvent]:
        """Changes under ``path`` until you stop iterating (``timeout``: connect timeout):
        ``async for change in sandbox.files.watch("/workspace"):``."""
        from hopx_agent_api.models import WsWatchMessage, WsWatchMessageAction

        frame = WsWatchMessage(action=WsWatchMessageAction.WATCH, path=_path(path))
        spec = StreamSpec(
            path="/files/watch",
            name="files.watch",
            first_frame=frame.to_dict(),
            parse=FileChangeEvent.from_dict,
            open_timeout=timeout or 30,
        )
        return AsyncEventStream(self._agent, spec)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _path(path: str) -> str:
    if not isinstance(path, str) or not path:
        raise ValidationError("path must be a non-empty string", field="path")
    return path
