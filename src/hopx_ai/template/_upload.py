"""Uploading a COPY tarball to the pre-signed URL the control plane gave (another host: no API
key is sent). The file is streamed from disk, never held in memory, and the stream can be
replayed, so the transport's retries of this idempotent PUT work."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import httpx

from .._async._http import build_http_client
from .._call_errors import Operation, error_for, raising_sdk_errors
from .._config import ControlPlaneConfig
from .._progress import Progress, maybe, progress_for
from ..errors import APIError

CHUNK_SIZE = 1024 * 1024


class FileStream(httpx.AsyncByteStream):
    """The bytes of a file, read chunk by chunk in a worker thread; each iteration starts over."""

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


async def put_tarball(
    upload_url: str,
    path: Path,
    size: int,
    *,
    config: ControlPlaneConfig,
    files_hash: str,
    show_progress: bool | None = None,
) -> None:
    """PUT the tarball at ``path`` (``size`` bytes) to ``upload_url`` (a bar on the terminal
    as ``show_progress`` says, see :class:`BuildOptions`)."""
    parts = urlsplit(upload_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise APIError(
            f"Template.build: the server gave an unusable upload_url {upload_url!r} for the COPY "
            f"content {files_hash}",
            code="unexpected_response",
        )
    http = build_http_client(
        base_url=f"{parts.scheme}://{parts.netloc}",
        timeout=config.timeout,
        max_retries=config.max_retries,
        transport=config.async_transport,
    )
    operation = Operation("Template.build (upload of COPY content)")
    try:
        progress = progress_for(f"upload {files_hash[:12]}", size, show=show_progress)
        async with http:
            with maybe(progress), raising_sdk_errors(operation, default_timeout=config.timeout):
                response = await http.put(
                    upload_url,
                    content=FileStream(path, progress=progress),
                    headers={"Content-Type": "application/gzip", "Content-Length": str(size)},
                )
                if response.status_code >= 400:
                    raise error_for(response)
    except APIError as error:
        raise APIError(
            f"Template.build: uploading the COPY content {files_hash} to {parts.netloc} "
            f"failed: {error.message}",
            code=error.code or "upload_failed",
            request_id=error.request_id,
            status_code=error.status_code,
            details=error.details,
        ) from error
