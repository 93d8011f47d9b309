"""Host-side mounts of a sandbox (Linux syscalls through libc; needs host root).

Every mount made here lands on a path below the sandbox's root_dir that only host root
controls (never on a path inside a tree the sandbox can write), and is made private, so
nothing propagates to or from other mount namespaces.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
from collections.abc import Sequence
from pathlib import Path

from hopx_local.runtime.errors import SandboxRuntimeError

_libc = ctypes.CDLL(None, use_errno=True)

AT_FDCWD = -100
AT_EMPTY_PATH = 0x1000
AT_RECURSIVE = 0x8000
OPEN_TREE_CLONE = 1
OPEN_TREE_CLOEXEC = os.O_CLOEXEC
MOVE_MOUNT_F_EMPTY_PATH = 0x4
MOUNT_ATTR_RDONLY = 0x1
MOUNT_ATTR_NOSUID = 0x2
MOUNT_ATTR_NODEV = 0x4
MOUNT_ATTR_IDMAP = 0x100000
MS_RDONLY = 0x1
MS_NOSUID = 0x2
MS_NODEV = 0x4
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MS_REC = 0x4000
MS_PRIVATE = 1 << 18
MNT_DETACH = 0x2


class _MountAttr(ctypes.Structure):
    _fields_ = (
        ("attr_set", ctypes.c_uint64),
        ("attr_clr", ctypes.c_uint64),
        ("propagation", ctypes.c_uint64),
        ("userns_fd", ctypes.c_uint64),
    )


class MountError(SandboxRuntimeError):
    """A mount syscall failed; the message names the call and the path."""


def _check(result: int, what: str, path: str | Path) -> int:
    if result < 0:
        error = ctypes.get_errno()
        raise MountError(f"{what} {path}: {os.strerror(error)}")
    return result


def bind_idmapped(source: Path, target: Path, userns_fd: int) -> None:
    """Mount ``source`` read-only on ``target``, its owners shifted by the user namespace.

    A file owned by uid N on disk is seen as owned by whatever uid N maps to in userns_fd,
    so the host's root-owned files belong to the sandbox's root (and no one else's).
    """
    tree = _check(
        _libc.open_tree(AT_FDCWD, os.fsencode(source), OPEN_TREE_CLONE | OPEN_TREE_CLOEXEC),
        "open_tree",
        source,
    )
    try:
        attr = _MountAttr(
            MOUNT_ATTR_IDMAP | MOUNT_ATTR_RDONLY | MOUNT_ATTR_NODEV, 0, MS_PRIVATE, userns_fd
        )
        _check(
            _libc.mount_setattr(tree, b"", AT_EMPTY_PATH, ctypes.byref(attr), ctypes.sizeof(attr)),
            "mount_setattr (idmap)",
            source,
        )
        _check(
            _libc.move_mount(tree, b"", AT_FDCWD, os.fsencode(target), MOVE_MOUNT_F_EMPTY_PATH),
            "move_mount",
            target,
        )
    finally:
        os.close(tree)


def mount_overlay(lower: Sequence[Path], upper: Path, work: Path, target: Path) -> None:
    """overlayfs on target: ``lower`` (topmost first, read-only) under the writable ``upper``."""
    for path in (*lower, upper, work):
        if "," in str(path) or ":" in str(path):
            raise MountError(f"overlay layer path {path} may not contain ',' or ':'")
    options = f"lowerdir={':'.join(map(str, lower))},upperdir={upper},workdir={work}"
    _mount("overlay", target, "overlay", MS_NOSUID | MS_NODEV, options)


def bind(source: Path, target: Path, *, read_only: bool = False) -> None:
    """Bind source (recursively) on target; read-only binds cannot be remounted writable
    from a user namespace (the flag is locked)."""
    _check(
        _libc.mount(os.fsencode(source), os.fsencode(target), None, MS_BIND | MS_REC, None),
        "bind",
        target,
    )
    if read_only:
        flags = MS_BIND | MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV
        _check(_libc.mount(None, os.fsencode(target), None, flags, None), "remount ro", target)
    _check(_libc.mount(None, os.fsencode(target), None, MS_PRIVATE, None), "make-private", target)


def mount_filesystem(source: Path, target: Path, fstype: str, options: str = "") -> None:
    """Mount a block device (e.g. a loop device) of type fstype on target."""
    _mount(str(source), target, fstype, MS_NOSUID | MS_NODEV, options)


def _mount(source: str, target: Path, fstype: str, flags: int, options: str) -> None:
    _check(
        _libc.mount(
            source.encode(), os.fsencode(target), fstype.encode(), flags, options.encode() or None
        ),
        f"mount -t {fstype}",
        target,
    )
    _check(_libc.mount(None, os.fsencode(target), None, MS_PRIVATE, None), "make-private", target)


def mounts_below(root: Path) -> list[Path]:
    """Mount points at or below root in this mount namespace, deepest (latest) first."""
    if not os.path.lexists(root):
        return []  # a mount point cannot be removed: nothing is mounted there or below
    prefix = os.fsencode(os.path.realpath(root))
    with open("/proc/self/mountinfo", "rb") as table:
        text = table.read()
    # The table has a few lines per sandbox and is read on every start and stop: look for the
    # path as the table spells it first, and split only the lines that hold it.
    spelled = _escape(prefix)
    found: list[Path] = []
    start = text.find(spelled)
    while start >= 0:
        line_start = text.rfind(b"\n", 0, start) + 1
        line_end = text.find(b"\n", start)
        line_end = len(text) if line_end < 0 else line_end
        point = _unescape(text[line_start:line_end].split(b" ", 5)[4])
        if point == prefix or point.startswith(prefix + b"/"):
            found.append(Path(os.fsdecode(point)))
        start = text.find(spelled, line_end)
    return found[::-1]


def unmount_below(root: Path) -> None:
    """Detach every mount at or below root (idempotent; no error when none is left)."""
    for point in mounts_below(root):
        if _libc.umount2(os.fsencode(point), MNT_DETACH) < 0:
            error = ctypes.get_errno()
            if error not in (22, 2):  # EINVAL (not a mount point any more), ENOENT
                raise MountError(f"umount {point}: {os.strerror(error)}")


def is_mount_point(path: Path) -> bool:
    return path in mounts_below(path)


def close_quietly(fds: Sequence[int]) -> None:
    for fd in fds:
        with contextlib.suppress(OSError):
            os.close(fd)


def _escape(path: bytes) -> bytes:
    """A path as mountinfo spells it (space, tab, newline and backslash as \\ooo)."""
    for special in (b"\\", b" ", b"\t", b"\n"):
        path = path.replace(special, b"\\%03o" % special[0])
    return path


def _unescape(field: bytes) -> bytes:
    """mountinfo escapes space, tab, newline and backslash as \\ooo."""
    if b"\\" not in field:
        return field
    out = bytearray()
    index = 0
    while index < len(field):
        code = field[index + 1 : index + 4]
        if field[index] == 0x5C and len(code) == 3 and code.isdigit():
            out.append(int(code, 8))
            index += 4
        else:
            out.append(field[index])
            index += 1
    return bytes(out)
