"""Uploading a COPY tarball to the pre-signed URL the control plane gave (another host: no API
key is sent): ``put_tarball`` of ``_async/template_build.py`` (and its blocking twin); the
file is streamed from disk by ``FileStream``, never held in memory."""

from __future__ import annotations

from .._async.template_build import put_tarball
from ._blocking import CHUNK_SIZE
from ._blocking import AsyncFileStream as FileStream

__all__ = ["CHUNK_SIZE", "FileStream", "put_tarball"]
