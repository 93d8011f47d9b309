"""What a COPY step uploads: the files, directories and symlinks its sources name, and the
SHA-256 that identifies that content (``filesHash``). Blocking; run in a worker thread.

The hash covers, for every entry in a fixed order: its kind, path relative to the context,
permission bits, size and content (a symlink: its target). Directories are walked, so a change
to any file inside a copied directory changes the hash; modification times and owners are not
hashed, so touching files or checking the tree out again keeps it.
"""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath

import attrs

from .._log import logger
from .types import InvalidTemplateError

_CHUNK = 1024 * 1024
_HASH_FORMAT = b"hopx-copy-content-v1\0"


@attrs.frozen
class Entry:
    """One member of the content: ``kind`` is ``dir``, ``file`` or ``symlink``."""

    name: str  # POSIX path relative to the context (the tar member name)
    kind: str
    mode: int  # permission bits
    size: int = 0
    digest: str = ""  # files: SHA-256 of the content
    link_target: str = ""
    path: Path | None = attrs.field(default=None, eq=False)  # on disk (files)


@attrs.frozen
class CopyContent:
    files_hash: str
    entries: tuple[Entry, ...]


def file_digest(path: Path) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def _entry(context: Path, path: Path) -> Entry | None:
    name = path.relative_to(context).as_posix()
    try:
        return _read_entry(name, path)
    except OSError as error:
        raise InvalidTemplateError(
            f"COPY source {path} cannot be read: {error.strerror or error}", field="src"
        ) from error


def _read_entry(name: str, path: Path) -> Entry | None:
    info = path.lstat()
    mode = stat.S_IMODE(info.st_mode)
    if stat.S_ISLNK(info.st_mode):
        return Entry(name, "symlink", mode, link_target=os.readlink(path))
    if stat.S_ISDIR(info.st_mode):
        return Entry(name, "dir", mode)
    if stat.S_ISREG(info.st_mode):
        digest, size = file_digest(path)
        return Entry(name, "file", mode, size=size, digest=digest, path=path)
    logger.warning("Template COPY: skipping %s (not a file, directory or symlink)", path)
    return None


def _walk(context: Path, top: Path) -> Iterator[Path]:
    """``top`` and, for a real directory, everything below it (symlinks are not followed)."""
    yield top
    if top.is_symlink() or not top.is_dir():
        return
    for root, dirs, files in os.walk(top):
        dirs.sort()
        for name in sorted(dirs + files):
            yield Path(root) / name


def _matches(context: Path, source: str) -> list[Path]:
    """The paths a source names: itself, or the matches of a glob pattern (``**`` allowed)."""
    if os.path.isabs(source):
        raise InvalidTemplateError(
            f"COPY source {source!r} must be relative to BuildOptions.context_path", field="src"
        )
    normalized = os.path.normpath(source)
    if normalized == ".." or normalized.startswith("../"):
        raise InvalidTemplateError(
            f"COPY source {source!r} is outside BuildOptions.context_path ({context})",
            field="src",
        )
    if glob.has_magic(source):
        found = glob.glob(source, root_dir=context, recursive=True)
        paths = [context / os.path.normpath(match) for match in sorted(found)]
    else:
        path = context / normalized
        paths = [path] if os.path.lexists(path) else []
    if not paths:
        raise InvalidTemplateError(
            f"COPY source {source!r} matches nothing in {context}", field="src"
        )
    return paths


def collect(context: Path, sources: Sequence[str], dest: str) -> CopyContent:
    """The content of ``COPY sources dest`` under ``context``, and its hash."""
    context = context.resolve()
    if not context.is_dir():
        raise InvalidTemplateError(
            f"BuildOptions.context_path {str(context)!r} is not a directory",
            field="context_path",
        )
    entries: dict[str, Entry] = {}
    for source in sources:
        for match in _matches(context, source):
            for path in _walk(context, match):
                if path == context:
                    continue  # the context itself: its children are the content
                name = path.relative_to(context).as_posix()
                if name not in entries:
                    entry = _entry(context, path)
                    if entry is not None:
                        entries[name] = entry
    ordered = tuple(sorted(entries.values(), key=lambda e: PurePosixPath(e.name).parts))
    return CopyContent(files_hash=content_hash(sources, dest, ordered), entries=ordered)


def content_hash(sources: Sequence[str], dest: str, entries: Sequence[Entry]) -> str:
    digest = hashlib.sha256(_HASH_FORMAT)
    digest.update(f"COPY {','.join(sources)} {dest}\0".encode())
    for entry in entries:
        fields = (
            entry.kind,
            entry.name,
            f"{entry.mode:o}",
            str(entry.size),
            entry.digest or entry.link_target,
        )
        digest.update("\0".join(fields).encode("utf-8", "surrogateescape") + b"\0\n")
    return digest.hexdigest()
