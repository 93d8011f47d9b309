"""The layer cache of built templates: read-only root trees, one directory per layer.

A layer is made once and never changed: into a temporary directory renamed into place, so a
server that dies mid-way leaves no half layer under its name (only ``.build-*`` directories,
removed at the next start). Names say what a layer is:
- ``oci-<digest>``: an image layer, unpacked from its blob (``unpack_oci_layer``);
- ``step-<hash>``: what a build step changed, keyed by (parent layer, step, copied content);
- ``scaffold-<n>``: the mount points every sandbox needs, the topmost layer of a template.

Files keep the owners they have inside (a layer is mounted idmapped: host uid N is uid N
inside); deletions are overlayfs whiteouts (a 0:0 character device; ``trusted.overlay.opaque``
on a directory whose lower contents are hidden), which is what OCI's ``.wh.`` entries become.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import stat
import tarfile
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from hopx_local.runtime.atomic_dir import TEMPORARY_PREFIX, make_directory_once
from hopx_local.runtime.userns import NOBODY, SUBORDINATE_COUNT, subordinate_base

log = logging.getLogger(__name__)

SCAFFOLD = "scaffold-1"
OPAQUE_XATTR = "trusted.overlay.opaque"
WHITEOUT_PREFIX = ".wh."
OPAQUE_MARKER = ".wh..wh..opq"
# (path, mode) of the scaffold's directories: what bwrap and the runtime mount onto.
SCAFFOLD_DIRS = (
    ("proc", 0o555),
    ("dev", 0o755),
    ("sys", 0o555),
    ("tmp", 0o1777),
    ("run", 0o755),
    ("run/hopx", 0o755),
    ("workspace", 0o755),
    ("home", 0o755),
    ("home/user", 0o700),
    ("root", 0o700),
    ("etc", 0o755),
    (".hopx", 0o755),
)
SCAFFOLD_FILES = {
    "etc/hostname": "sandbox\n",
    "etc/hosts": "127.0.0.1\tlocalhost\n127.0.1.1\tsandbox\n::1\tlocalhost ip6-localhost\n",
    "etc/resolv.conf": "",
}


class LayerError(Exception):
    """A layer could not be made (the message says why)."""


def layer_key(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\0".join(parts).encode()).hexdigest()[:32]
    return f"{kind}-{digest}"


def step_key(parent: str, step: Mapping[str, Any], content_hash: str = "") -> str:
    """The cache key of a step's layer: its parent layer, the step and what it copies."""
    return layer_key("step", parent, json.dumps(step, sort_keys=True), content_hash)


class LayerStore:
    """Layers under one directory (``data_dir/layers``)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root.mkdir(parents=True, exist_ok=True)
        os.chmod(self.root, 0o700)
        for leftover in self.root.glob(f"{TEMPORARY_PREFIX}*"):
            shutil.rmtree(leftover, ignore_errors=True)

    def path(self, key: str) -> Path:
        return self.root / key

    def has(self, key: str) -> bool:
        return self.path(key).is_dir()

    def create(self, key: str, fill: Callable[[Path], None]) -> Path:
        """The layer ``key``, made by ``fill(directory)`` unless it exists (blocking)."""
        return make_directory_once(self.path(key), fill)

    def scaffold(self) -> Path:
        return self.create(SCAFFOLD, _fill_scaffold)

    def keys(self) -> list[str]:
        return sorted(p.name for p in self.root.iterdir() if not p.name.startswith("."))

    def collect(self, in_use: Iterable[str]) -> list[str]:
        """Remove every layer not in ``in_use`` (names); the removed names."""
        keep = set(in_use) | {SCAFFOLD}
        removed = []
        for key in self.keys():
            if key not in keep:
                shutil.rmtree(self.path(key), ignore_errors=True)
                removed.append(key)
        return removed


def _fill_scaffold(layer: Path) -> None:
    for relative, mode in SCAFFOLD_DIRS:
        path = layer / relative
        path.mkdir(exist_ok=True)
        os.chmod(path, mode)
    for relative, text in SCAFFOLD_FILES.items():
        path = layer / relative
        path.write_text(text)
        os.chmod(path, 0o644)


# --------------------------------------------------------------------------- OCI layers


def _member_path(name: str) -> PurePosixPath | None:
    """The member's path relative to the layer root (None: the root itself)."""
    parts = [part for part in PurePosixPath(name).parts if part not in ("/", ".")]
    if any(part == ".." for part in parts):
        raise LayerError(f"the layer has an entry outside its root: {name!r}")
    return PurePosixPath(*parts) if parts else None


def _safe_parent(root: Path, relative: PurePosixPath) -> Path | None:
    """The member's parent directory on disk, made if missing; None when a parent is a
    symlink (never write through one: it could point anywhere on the host)."""
    current = root
    for part in relative.parts[:-1]:
        current = current / part
        try:
            st = os.lstat(current)
        except FileNotFoundError:
            current.mkdir(mode=0o755)
            continue
        if not stat.S_ISDIR(st.st_mode):
            return None
    return current


def _remove(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink()


def extract_new_file(archive: tarfile.TarFile, member: tarfile.TarInfo, path: Path) -> bool:
    """Write a regular file member to ``path``, a name that must not exist (never through a
    link: O_EXCL | O_NOFOLLOW), mode 0600 until the caller sets its own. False: no data."""
    source = archive.extractfile(member)
    if source is None:
        return False
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    with source, os.fdopen(fd, "wb") as file:
        shutil.copyfileobj(source, file, 1024 * 1024)
    return True


def unpack_oci_layer(blob: Path, target: Path) -> None:
    """Unpack one layer blob (a tar, gzip-compressed or not) into ``target`` (blocking)."""
    try:
        archive = tarfile.open(blob, mode="r:*")  # noqa: SIM115 (closed by the with below)
    except (tarfile.TarError, OSError) as error:
        raise LayerError(
            f"the layer {blob.name[:12]} is not a (gzip) tar archive: {error}"
        ) from None
    directories: list[tuple[Path, tarfile.TarInfo]] = []
    with archive:
        for member in archive:
            relative = _member_path(member.name)
            if relative is None:
                continue
            parent = _safe_parent(target, relative)
            if parent is None:
                log.warning("layer %s: skipping %s (below a symlink)", blob.name[:12], relative)
                continue
            name = relative.name
            if name == OPAQUE_MARKER:
                os.setxattr(parent, OPAQUE_XATTR, b"y")
                continue
            if name.startswith(WHITEOUT_PREFIX):
                path = parent / name[len(WHITEOUT_PREFIX) :]
                _remove(path)
                os.mknod(path, stat.S_IFCHR | 0o000, os.makedev(0, 0))
                continue
            path = parent / name
            _extract(archive, member, path, target)
            if member.isdir():
                directories.append((path, member))
    for path, member in reversed(directories):  # after their contents: modes and times stick
        os.chmod(path, member.mode & 0o7777)
        os.utime(path, (member.mtime, member.mtime))


def _extract(archive: tarfile.TarFile, member: tarfile.TarInfo, path: Path, root: Path) -> None:
    if member.isdir():
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            _remove(path)
        path.mkdir(mode=0o755, exist_ok=True)
        os.lchown(path, member.uid, member.gid)
        return
    _remove(path)
    if member.isreg():
        if not extract_new_file(archive, member, path):
            return
    elif member.issym():
        os.symlink(member.linkname, path)
    elif member.islnk():
        link = _member_path(member.linkname)
        source_path = root / str(link) if link is not None else None
        if source_path is None or not source_path.is_file() or source_path.is_symlink():
            log.warning("layer: skipping the hard link %s -> %s", path, member.linkname)
            return
        os.link(source_path, path)
        return
    elif member.isfifo():
        os.mkfifo(path, member.mode & 0o777)
    else:
        return  # devices: a sandbox gets its own /dev
    os.lchown(path, member.uid, member.gid)
    if not member.issym():
        os.chmod(path, member.mode & 0o7777)
        os.utime(path, (member.mtime, member.mtime))
    else:
        os.utime(path, (member.mtime, member.mtime), follow_symlinks=False)


# --------------------------------------------------------------------------- a step's changes


def inside_id(sandbox_uid: int, host: int) -> int:
    """The id inside the sandbox of root host uid ``sandbox_uid`` that host id ``host`` is."""
    if host == sandbox_uid:
        return 0
    block = subordinate_base(sandbox_uid)
    if host == block:
        return NOBODY
    if block < host < block + SUBORDINATE_COUNT:
        return host - block
    return 0


def copy_changes(upper: Path, target: Path, sandbox_uid: int) -> None:
    """Copy a sandbox's writable layer into a new layer (blocking): its files with their
    inside owners, its whiteouts and opaque directories as they are."""
    _copy_entry(upper, target, sandbox_uid, top=True)


def _copy_entry(source: Path, target: Path, sandbox_uid: int, *, top: bool = False) -> None:
    st = os.lstat(source)
    mode = st.st_mode
    if stat.S_ISDIR(mode):
        if not top:
            target.mkdir()
        with contextlib.suppress(OSError):
            if os.getxattr(source, OPAQUE_XATTR, follow_symlinks=False) == b"y":
                os.setxattr(target, OPAQUE_XATTR, b"y")
        for entry in os.scandir(source):
            _copy_entry(Path(entry.path), target / entry.name, sandbox_uid)
    elif stat.S_ISREG(mode):
        shutil.copyfile(source, target, follow_symlinks=False)
    elif stat.S_ISLNK(mode):
        os.symlink(os.readlink(source), target)
    elif stat.S_ISCHR(mode) and st.st_rdev == os.makedev(0, 0):
        os.mknod(target, stat.S_IFCHR, os.makedev(0, 0))
    elif stat.S_ISFIFO(mode):
        os.mkfifo(target)
    else:
        return
    os.lchown(target, inside_id(sandbox_uid, st.st_uid), inside_id(sandbox_uid, st.st_gid))
    if not stat.S_ISLNK(mode):
        os.chmod(target, stat.S_IMODE(mode))
        os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns))
