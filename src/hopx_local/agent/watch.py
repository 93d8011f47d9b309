"""Recursive directory watching with inotify (through ctypes, read by the event loop)."""

from __future__ import annotations

import asyncio
import ctypes
import errno
import os
import struct
from collections.abc import Callable
from dataclasses import dataclass

from .files import NEW_FILE_SUFFIX, REPLACING_SUFFIX

IN_MODIFY = 0x00000002
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_DELETE_SELF = 0x00000400
IN_MOVE_SELF = 0x00000800
IN_Q_OVERFLOW = 0x00004000
IN_IGNORED = 0x00008000
IN_ISDIR = 0x40000000
IN_ONLYDIR = 0x01000000
IN_NONBLOCK = os.O_NONBLOCK
IN_CLOEXEC = os.O_CLOEXEC

WATCH_MASK = (
    IN_MODIFY | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_ONLYDIR
)
_HEADER = struct.Struct("iIII")

_libc = ctypes.CDLL(None, use_errno=True)
_libc.inotify_init1.argtypes = [ctypes.c_int]
_libc.inotify_add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
_libc.inotify_rm_watch.argtypes = [ctypes.c_int, ctypes.c_int]


@dataclass(frozen=True)
class Change:
    event: str
    """created | modified | deleted | renamed"""
    path: str
    is_directory: bool
    old_path: str | None = None


ChangeSink = Callable[[Change], None]
_WRITE_TEMPORARIES = (NEW_FILE_SUFFIX, REPLACING_SUFFIX)


class Watcher:
    """Watches directory trees; reports changes below them to ``sink`` (paths as shown)."""

    def __init__(self, sink: ChangeSink) -> None:
        fd = _libc.inotify_init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            err = ctypes.get_errno()
            raise OSError(err, os.strerror(err))
        self._fd = fd
        self._sink = sink
        self._loop = asyncio.get_running_loop()
        self._loop.add_reader(fd, self._on_readable)
        self._dirs: dict[int, str] = {}
        """watch descriptor -> directory path (as shown to the user)."""
        self._real: dict[int, str] = {}
        self._roots: dict[str, set[int]] = {}
        self._pending_moves: dict[int, tuple[str, bool]] = {}

    # ----------------------------------------------------------------- watches
    def _add_one(self, shown: str, real: str) -> int | None:
        wd = int(_libc.inotify_add_watch(self._fd, os.fsencode(real), WATCH_MASK))
        if wd < 0:
            return None
        self._dirs[wd] = shown
        self._real[wd] = real
        return wd

    def _add_tree(self, shown: str, real: str, root: str, report: bool) -> None:
        wd = self._add_one(shown, real)
        if wd is None:
            return
        self._roots.setdefault(root, set()).add(wd)
        try:
            entries = list(os.scandir(real))
        except OSError:
            return
        for entry in entries:
            is_dir = entry.is_dir(follow_symlinks=False)
            child_shown = os.path.join(shown, entry.name)
            if report:  # appeared before its directory's watch existed
                self._sink(Change("created", child_shown, is_dir))
            if is_dir:
                self._add_tree(child_shown, entry.path, root, report)

    def watch(self, shown: str, real: str) -> None:
        if not os.path.exists(real):
            raise FileNotFoundError(errno.ENOENT, "no such directory", shown)
        if not os.path.isdir(real):
            raise NotADirectoryError(errno.ENOTDIR, "not a directory", shown)
        if shown in self._roots:
            return
        self._add_tree(shown, real, shown, report=False)
        if shown not in self._roots:
            raise PermissionError(errno.EACCES, "cannot watch", shown)

    def unwatch(self, shown: str) -> bool:
        wds = self._roots.pop(shown, None)
        if wds is None:
            return False
        for wd in wds:
            _libc.inotify_rm_watch(self._fd, wd)
            self._dirs.pop(wd, None)
            self._real.pop(wd, None)
        return True

    def close(self) -> None:
        if self._fd >= 0:
            self._loop.remove_reader(self._fd)
            os.close(self._fd)
            self._fd = -1

    # ------------------------------------------------------------------ events
    def _root_of(self, wd: int) -> str | None:
        for root, wds in self._roots.items():
            if wd in wds:
                return root
        return None

    def _on_readable(self) -> None:
        try:
            data = os.read(self._fd, 65536)
        except BlockingIOError:
            return
        except OSError:
            self.close()
            return
        offset = 0
        modified: set[str] = set()
        while offset + _HEADER.size <= len(data):
            wd, mask, cookie, length = _HEADER.unpack_from(data, offset)
            raw_name = data[offset + _HEADER.size : offset + _HEADER.size + length]
            offset += _HEADER.size + length
            name = os.fsdecode(raw_name.rstrip(b"\0"))
            self._handle(wd, mask, cookie, name, modified)
        for cookie, (path, is_dir) in self._pending_moves.items():
            del cookie
            if not path.endswith(_WRITE_TEMPORARIES):
                self._sink(Change("deleted", path, is_dir))
        self._pending_moves.clear()

    def _handle(self, wd: int, mask: int, cookie: int, name: str, modified: set[str]) -> None:
        if mask & (IN_Q_OVERFLOW | IN_IGNORED):
            if mask & IN_IGNORED:
                self._dirs.pop(wd, None)
                self._real.pop(wd, None)
                for wds in self._roots.values():
                    wds.discard(wd)
            return
        folder = self._dirs.get(wd)
        if folder is None or not name:
            return
        path = os.path.join(folder, name)
        is_dir = bool(mask & IN_ISDIR)
        if name.endswith(_WRITE_TEMPORARIES):
            # The agent's own write in progress: only its rename into place is news.
            if mask & IN_MOVED_FROM:
                self._pending_moves[cookie] = (path, is_dir)
            return
        if mask & IN_CREATE:
            self._sink(Change("created", path, is_dir))
            if is_dir:
                self._watch_new_dir(wd, path, name)
        elif mask & IN_MODIFY:
            if path not in modified:
                modified.add(path)
                self._sink(Change("modified", path, is_dir))
        elif mask & IN_DELETE:
            self._sink(Change("deleted", path, is_dir))
        elif mask & IN_MOVED_FROM:
            self._pending_moves[cookie] = (path, is_dir)
        elif mask & IN_MOVED_TO:
            source = self._pending_moves.pop(cookie, None)
            if source is None:
                self._sink(Change("created", path, is_dir))
            elif source[0].endswith(_WRITE_TEMPORARIES):
                created = source[0].endswith(NEW_FILE_SUFFIX)
                self._sink(Change("created" if created else "modified", path, is_dir))
            else:
                self._sink(Change("renamed", path, is_dir, old_path=source[0]))
            if is_dir:
                self._watch_new_dir(wd, path, name)

    def _watch_new_dir(self, parent_wd: int, shown: str, name: str) -> None:
        root = self._root_of(parent_wd)
        parent_real = self._real.get(parent_wd)
        if root is None or parent_real is None:
            return
        self._add_tree(shown, os.path.join(parent_real, name), root, report=True)
