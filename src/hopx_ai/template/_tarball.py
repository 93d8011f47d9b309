"""The gzip tarball uploaded for a COPY content: byte-for-byte the same for the same content.

Members are written in the content's order with fixed owner (0:0, no names) and a fixed
modification time, and the gzip header carries no name or time. The fixed time is
2000-01-01T00:00:00Z rather than the epoch, because tools that zip copied files (building a
wheel, for one) reject dates before 1980. Blocking; run in a worker thread.
"""

from __future__ import annotations

import gzip
import hashlib
import tarfile
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from ..errors import HopxError
from ._copy_content import Entry

FIXED_MTIME = 946_684_800  # 2000-01-01T00:00:00Z

_KINDS = {"dir": tarfile.DIRTYPE, "file": tarfile.REGTYPE, "symlink": tarfile.SYMTYPE}


class _HashingReader:
    """Reads a file for tarfile while hashing what was read (to detect a file that changed
    between hashing and archiving)."""

    def __init__(self, file: BinaryIO) -> None:
        self._file = file
        self.digest = hashlib.sha256()

    def read(self, size: int = -1) -> bytes:
        data = self._file.read(size)
        self.digest.update(data)
        return data


def _member(entry: Entry) -> tarfile.TarInfo:
    info = tarfile.TarInfo(entry.name)
    info.type = _KINDS[entry.kind]
    info.mode = entry.mode
    info.mtime = FIXED_MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    info.size = entry.size if entry.kind == "file" else 0
    info.linkname = entry.link_target
    return info


def write_tarball(entries: Sequence[Entry], target: Path) -> int:
    """Write the tar.gz of ``entries`` to ``target``; returns its size in bytes."""
    with (
        target.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0) as compressed,
        tarfile.open(fileobj=compressed, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for entry in entries:
            info = _member(entry)
            if entry.kind != "file" or entry.path is None:
                tar.addfile(info)
                continue
            try:
                with entry.path.open("rb") as file:
                    reader = _HashingReader(file)
                    tar.addfile(info, reader)
                changed = reader.digest.hexdigest() != entry.digest
            except OSError:  # shrank ("unexpected end of data") or vanished
                changed = True
            if changed:
                raise HopxError(
                    f"Template COPY: {entry.path} changed while it was being uploaded; "
                    "build again once it is stable",
                    code="copy_source_changed",
                )
    return target.stat().st_size
