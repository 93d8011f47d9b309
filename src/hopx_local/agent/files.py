"""File operations of the Files API, on paths resolved by :class:`PathPolicy`."""

from __future__ import annotations

import base64
import binascii
import contextlib
import errno
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from .clock import iso
from .errors import AgentFault
from .paths import PathPolicy, Resolved, fault_from_os_error

_COPY_CHUNK = 1024 * 1024

# Suffixes of the temporary files writes go through (renamed over the target once complete).
# Which one says whether the write creates the file or replaces it: file watchers report the
# rename as that, and never the temporary file itself.
NEW_FILE_SUFFIX = ".hopx-new"
REPLACING_SUFFIX = ".hopx-tmp"


def _copy_into(source: BinaryIO, out: BinaryIO) -> int:
    """Copy ``source`` from its position to the fresh file ``out``; the number of bytes.

    A source backed by a real file (an upload spooled to disk) is copied by the kernel with
    sendfile, without passing the bytes through Python; others chunk by chunk.
    """
    real = getattr(source, "_file", source)  # a SpooledTemporaryFile's file, if rolled over
    try:
        in_fd = real.fileno()
    except (AttributeError, OSError, ValueError):
        shutil.copyfileobj(source, out, _COPY_CHUNK)
        return out.tell()
    out.flush()
    out_fd = out.fileno()
    offset = real.tell()
    copied = 0
    try:
        while sent := os.sendfile(out_fd, in_fd, offset + copied, _COPY_CHUNK * 8):
            copied += sent
    except OSError as exc:
        if copied or exc.errno not in (errno.EINVAL, errno.ENOSYS):
            raise
        shutil.copyfileobj(source, out, _COPY_CHUNK)  # a file system without sendfile
        return out.tell()
    return copied


_WRITE_HINT = "send larger files with POST /files/upload."


@contextmanager
def _os_errors(shown: str) -> Iterator[None]:
    try:
        yield
    except AgentFault:
        raise
    except OSError as exc:
        raise fault_from_os_error(exc, shown) from None


def parse_mode(mode: str | None) -> int:
    if mode is None or mode == "":
        return 0o644
    try:
        value = int(mode, 8)
    except ValueError:
        value = -1
    if not 0 <= value <= 0o7777:
        raise AgentFault(
            400,
            "INVALID_REQUEST",
            f"Invalid mode '{mode}': give octal permissions such as '0644' or '0755'.",
            {"field": "mode"},
        )
    return value


def file_info(shown: str, st: os.stat_result, *, is_symlink: bool = False) -> dict[str, Any]:
    """A FileInfo document; ``st`` is the entry itself (a symlink is not followed)."""
    return {
        "name": os.path.basename(shown) or shown,
        "path": shown,
        "size": st.st_size,
        "is_directory": stat.S_ISDIR(st.st_mode),
        "is_symlink": is_symlink,
        "permissions": f"0{stat.S_IMODE(st.st_mode):03o}",  # 0644, 01777 (sticky /tmp)
        "modified_time": iso(st.st_mtime),
    }


def _response(target: Resolved, size: int, message: str) -> dict[str, Any]:
    """A FileResponse document."""
    return {
        "success": True,
        "path": target.shown,
        "size": size,
        "message": message,
        "timestamp": iso(),
    }


def _too_large(shown: str, size: int, limit: int, hint: str) -> AgentFault:
    return AgentFault(
        413,
        "PAYLOAD_TOO_LARGE",
        f"{shown} is {size} bytes, more than the limit of {limit} bytes; {hint}",
        {"path": shown, "size_bytes": size, "limit_bytes": limit},
    )


@dataclass(frozen=True)
class Download:
    path: Path
    shown: str
    size: int


class FileService:
    def __init__(
        self, policy: PathPolicy, *, read_limit: int, write_limit: int, transfer_limit: int
    ) -> None:
        self.policy = policy
        self.read_limit = read_limit
        self.write_limit = write_limit
        self.transfer_limit = transfer_limit

    # ------------------------------------------------------------------ reads
    def _regular_file(self, target: Resolved, purpose: str) -> os.stat_result:
        with _os_errors(target.shown):
            st = target.real.stat()
        if stat.S_ISDIR(st.st_mode):
            raise AgentFault(
                400,
                "INVALID_PATH",
                f"{target.shown} is a directory; {purpose} needs a file "
                "(list a directory with GET /files/list).",
                {"path": target.shown},
            )
        if not stat.S_ISREG(st.st_mode):
            raise AgentFault(
                400, "INVALID_PATH", f"{target.shown} is not a regular file", {"path": target.shown}
            )
        return st

    def read(self, raw: str, encoding: str = "utf-8") -> dict[str, Any]:
        target = self.policy.resolve(raw)
        st = self._regular_file(target, "reading")
        if st.st_size > self.read_limit:
            raise _too_large(
                target.shown, st.st_size, self.read_limit, "fetch it with GET /files/download."
            )
        with _os_errors(target.shown):
            data = target.real.read_bytes()
        if encoding == "base64":
            content = base64.b64encode(data).decode("ascii")
        else:
            try:
                content = data.decode("utf-8")
            except UnicodeDecodeError:
                raise AgentFault(
                    400,
                    "INVALID_REQUEST",
                    f"{target.shown} is not UTF-8 text; read it with encoding=base64 or fetch "
                    "the bytes with GET /files/download.",
                    {"path": target.shown, "field": "encoding", "size": len(data)},
                ) from None
        return {"path": target.shown, "content": content, "size": len(data), "encoding": encoding}

    def prepare_download(self, raw: str) -> Download:
        target = self.policy.resolve(raw)
        st = self._regular_file(target, "download")
        if st.st_size > self.transfer_limit:
            raise _too_large(target.shown, st.st_size, self.transfer_limit, "it cannot be served.")
        with _os_errors(target.shown), open(target.real, "rb"):
            pass  # fail now (403/404), not half-way through the response
        return Download(target.real, target.shown, st.st_size)

    def list_dir(self, raw: str) -> dict[str, Any]:
        target = self.policy.resolve(raw)
        try:
            st = target.real.stat()
        except FileNotFoundError:
            raise AgentFault(
                404,
                "DIRECTORY_NOT_FOUND",
                f"Directory not found: {target.shown}",
                {"path": target.shown},
            ) from None
        except OSError as exc:
            raise fault_from_os_error(exc, target.shown) from None
        if not stat.S_ISDIR(st.st_mode):
            raise AgentFault(
                400,
                "INVALID_PATH",
                f"{target.shown} is a file, not a directory; read it with GET /files/read.",
                {"path": target.shown},
            )
        entries = []
        with _os_errors(target.shown), os.scandir(target.real) as scan:
            for entry in scan:
                if self.policy.is_hidden_entry(target.shown, entry.name):
                    continue
                try:
                    own = entry.stat(follow_symlinks=False)
                except OSError:
                    continue  # vanished while listing
                item = file_info(
                    os.path.join(target.shown, entry.name), own, is_symlink=entry.is_symlink()
                )
                if entry.is_symlink():
                    try:
                        item["is_directory"] = entry.is_dir(follow_symlinks=True)
                    except OSError:
                        item["is_directory"] = False
                entries.append(item)
        entries.sort(key=lambda item: str(item["name"]))
        return {"path": target.shown, "files": entries, "count": len(entries)}

    def exists(self, raw: str) -> dict[str, Any]:
        target = self.policy.resolve(raw)
        try:
            st = target.real.stat()
        except OSError:
            return {"path": target.shown, "exists": False}
        return {"path": target.shown, "exists": True, "is_directory": stat.S_ISDIR(st.st_mode)}

    # ----------------------------------------------------------------- writes
    def _prepare_destination(self, target: Resolved, overwrite: bool) -> None:
        with _os_errors(target.shown):
            try:
                st = target.real.stat()
            except FileNotFoundError:
                target.real.parent.mkdir(mode=0o755, parents=True, exist_ok=True)
                return
        if stat.S_ISDIR(st.st_mode):
            # The request is fine; the sandbox's state is in the way (as for mkdir onto a file).
            raise AgentFault(
                409,
                "FILE_ALREADY_EXISTS",
                f"{target.shown} is a directory; give the path of a file inside it",
                {"path": target.shown},
            )
        if not overwrite:
            raise AgentFault(
                409,
                "FILE_ALREADY_EXISTS",
                f"{target.shown} already exists; pass overwrite=true to replace it.",
                {"path": target.shown},
            )

    def _atomic_write(self, target: Resolved, source: BinaryIO | bytes, mode: int) -> int:
        """Write to a temporary file beside the target, then rename it over the target."""
        with _os_errors(target.shown):
            replacing = os.path.lexists(target.real)
            fd, tmp = tempfile.mkstemp(
                prefix=f".{target.real.name[:64]}.",
                suffix=REPLACING_SUFFIX if replacing else NEW_FILE_SUFFIX,
                dir=target.real.parent,
            )
            try:
                with os.fdopen(fd, "wb") as out:
                    if isinstance(source, bytes):
                        out.write(source)
                        size = len(source)
                    else:
                        size = _copy_into(source, out)
                    os.fchmod(out.fileno(), mode)
                os.replace(tmp, target.real)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        return size

    def write(
        self,
        raw: str,
        content: str,
        *,
        encoding: str = "utf-8",
        mode: str | None = None,
        overwrite: bool = True,
    ) -> dict[str, Any]:
        permissions = parse_mode(mode)
        if encoding == "base64":
            if len(content) > (self.write_limit // 3 + 1) * 4 + 64:
                raise _too_large("content", len(content) * 3 // 4, self.write_limit, _WRITE_HINT)
            try:
                data = base64.b64decode(content, validate=True)
            except (binascii.Error, ValueError):
                raise AgentFault(
                    400,
                    "INVALID_REQUEST",
                    "'content' is not valid base64 although encoding is 'base64'.",
                    {"field": "content"},
                ) from None
        else:
            try:
                data = content.encode("utf-8")
            except UnicodeEncodeError:
                raise AgentFault(
                    400,
                    "INVALID_REQUEST",
                    "'content' is not valid Unicode text (an unpaired surrogate); send binary "
                    "data base64-encoded with encoding 'base64'.",
                    {"field": "content"},
                ) from None
        if len(data) > self.write_limit:
            raise _too_large("content", len(data), self.write_limit, _WRITE_HINT)
        target = self.policy.resolve(raw)
        self._prepare_destination(target, overwrite)
        size = self._atomic_write(target, data, permissions)
        return _response(target, size, "File written")

    def save_upload(
        self, raw: str | None, filename: str | None, source: BinaryIO, mode: str | None = None
    ) -> dict[str, Any]:
        permissions = parse_mode(mode)
        name = os.path.basename(filename or "")
        if not raw:
            if not name:
                raise AgentFault(
                    400,
                    "INVALID_REQUEST",
                    "Give the destination in the 'path' form field (the upload has no filename).",
                    {"field": "path"},
                )
            raw = name
        source.seek(0, os.SEEK_END)
        size = source.tell()
        source.seek(0)
        if size > self.transfer_limit:
            raise _too_large(name or raw, size, self.transfer_limit, "split it into parts.")
        target = self.policy.resolve(raw)
        if name and (raw.endswith("/") or target.real.is_dir()):
            target = self.policy.resolve(os.path.join(target.shown, name))
        self._prepare_destination(target, overwrite=True)
        size = self._atomic_write(target, source, permissions)
        return _response(target, size, "File uploaded")

    def mkdir(self, raw: str, *, parents: bool = True) -> dict[str, Any]:
        target = self.policy.resolve(raw)
        with _os_errors(target.shown):
            if target.real.is_dir():
                return _response(target, 0, "Directory already exists")
            if target.real.exists():
                raise AgentFault(
                    409,
                    "FILE_ALREADY_EXISTS",
                    f"{target.shown} exists and is not a directory",
                    {"path": target.shown},
                )
            try:
                target.real.mkdir(mode=0o755, parents=parents)
            except FileNotFoundError:
                raise AgentFault(
                    404,
                    "DIRECTORY_NOT_FOUND",
                    f"Parent directory of {target.shown} does not exist; "
                    "pass parents=true to create it too.",
                    {"path": os.path.dirname(target.shown)},
                ) from None
            except FileExistsError:
                pass  # created concurrently
        return _response(target, 0, "Directory created")

    def remove(self, raw: str, *, recursive: bool = True) -> dict[str, Any]:
        target = self.policy.resolve(raw, follow_final=False)
        if self.policy.is_root(target):
            raise AgentFault(
                403,
                "PATH_NOT_ALLOWED",
                f"{target.shown} is one of the sandbox's root directories and cannot be removed; "
                "remove its contents instead.",
                {"path": target.shown},
            )
        with _os_errors(target.shown):
            st = os.lstat(target.real)
            if not stat.S_ISDIR(st.st_mode):
                os.unlink(target.real)
                return _response(target, st.st_size, "Removed")
            if not recursive and any(os.scandir(target.real)):
                raise AgentFault(
                    400,
                    "INVALID_REQUEST",
                    f"Directory {target.shown} is not empty; pass recursive=true to remove it "
                    "with its contents.",
                    {"path": target.shown, "field": "recursive"},
                )
            shutil.rmtree(target.real)
        return _response(target, 0, "Removed")
