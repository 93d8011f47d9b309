"""Which host layers are in use, and collecting the ones no one uses any more.

A host layer (``rootfs.build_host_layer``) is made again whenever the host's packages or /etc
change, under a new name; the old ones would pile up in the layers directory, 45 MB each.
Several servers may share that directory, so "not mine" is not "unused". Each server holds a
shared ``flock`` on ``<layer>.lease`` for as long as it may mount the layer; a layer is
collected only when an exclusive lock on its lease is free (no server uses it) and no mount on
this machine still shows it (the sandboxes of a server that died keep their mounts until they
start again or are deleted). The lease files stay: unlinking a lock file while another process
waits on it would let two processes believe they hold different locks on the same layer.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from pathlib import Path
from typing import NamedTuple

from hopx_local.runtime.atomic_dir import TEMPORARY_PREFIX

MOUNTINFO = Path("/proc/self/mountinfo")
# A layer being built by a server that died is left in a temporary directory; one this old
# is no longer anyone's build.
ABANDONED_BUILD_SECONDS = 3600.0


def lease(layer: Path) -> int:
    """Hold ``layer`` for this process (blocking while it is being collected); the descriptor.

    Closing the descriptor, or the process ending, gives the lease back.
    """
    fd = os.open(_lease_path(layer), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
    except BaseException:
        os.close(fd)
        raise
    return fd


def collect_unused(layers_dir: Path, prefix: str, keep: Path) -> list[Path]:
    """Remove the layers named ``prefix*`` in ``layers_dir`` that nobody holds or mounts.

    ``keep`` is never removed. Returns what was removed.
    """
    mounts = _mounts()
    removed: list[Path] = []
    for layer in sorted(layers_dir.glob(f"{prefix}*")):
        if layer == keep or not layer.is_dir() or layer.is_symlink():
            continue
        if _remove_if_unused(layer, mounts):
            removed.append(layer)
    _remove_abandoned_builds(layers_dir)
    return removed


def _remove_if_unused(layer: Path, mounts: list[_Mount]) -> bool:
    fd = os.open(_lease_path(layer), os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        if _is_mounted(layer, mounts):
            return False
        # Renamed first, so a half-removed layer never carries a name a server would take.
        doomed = layer.with_name(f".gc-{layer.name}-{os.getpid()}")
        os.rename(layer, doomed)
        shutil.rmtree(doomed, ignore_errors=True)
        return True
    finally:
        os.close(fd)


def _remove_abandoned_builds(layers_dir: Path) -> None:
    deadline = time.time() - ABANDONED_BUILD_SECONDS
    for leftover in [*layers_dir.glob(f"{TEMPORARY_PREFIX}*"), *layers_dir.glob(".gc-*")]:
        with contextlib.suppress(FileNotFoundError):
            if leftover.is_dir() and leftover.lstat().st_mtime < deadline:
                shutil.rmtree(leftover, ignore_errors=True)


def _lease_path(layer: Path) -> Path:
    return layer.with_name(f"{layer.name}.lease")


class _Mount(NamedTuple):
    device: str  # major:minor
    root: str  # the mounted path, inside its filesystem
    point: str  # where it is mounted


def _is_mounted(layer: Path, mounts: list[_Mount]) -> bool:
    """Whether a mount shows ``layer`` or a path below it (a bind, an idmapped mount, ...)."""
    path = str(layer)
    containing = max(
        (m for m in mounts if path == m.point or path.startswith(m.point.rstrip("/") + "/")),
        key=lambda m: len(m.point),
        default=None,
    )
    if containing is None:
        return False
    inside = containing.root.rstrip("/") + path[len(containing.point.rstrip("/")) :]
    return any(
        m.device == containing.device and (m.root == inside or m.root.startswith(inside + "/"))
        for m in mounts
    )


def _mounts() -> list[_Mount]:
    """The mounts this process can see (``/proc/self/mountinfo``)."""
    mounts: list[_Mount] = []
    with contextlib.suppress(OSError):
        for line in MOUNTINFO.read_text().splitlines():
            fields = line.split(" ")
            if len(fields) > 4:
                mounts.append(_Mount(fields[2], _unescape(fields[3]), _unescape(fields[4])))
    return mounts


def _unescape(field: str) -> str:
    """mountinfo writes space, tab, newline and backslash as octal escapes."""
    for escaped, plain in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(escaped, plain)
    return field
