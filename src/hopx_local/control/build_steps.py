"""What a build's steps do to its state and layers, without running anything: the state the
steps carry (ENV, WORKDIR, USER, CMD), COPY's extraction from an uploaded archive, WORKDIR's
directory. RUN runs in a sandbox (builds.py)."""

from __future__ import annotations

import fnmatch
import os
import posixpath
import shutil
import stat
import tarfile
from collections.abc import Sequence
from pathlib import Path, PurePosixPath

import attrs

from hopx_local.control.layers import extract_new_file


class StepError(Exception):
    """A step cannot be done; the message says why (it fails the build)."""


@attrs.define
class BuildState:
    """What the steps so far set: the environment, working directory, user and command."""

    env: dict[str, str] = attrs.field(factory=dict)
    workdir: str = "/"
    user: str = ""
    cmd: str | None = None

    def path_of(self, path: str) -> str:
        """An absolute path in the image (relative ones are below the working directory)."""
        return posixpath.normpath(posixpath.join(self.workdir, path))


def _normalized(name: str) -> str:
    return posixpath.normpath(name.lstrip("/")) if name.strip("/") else "."


def copy_into_layer(
    archive: Path, sources: Sequence[str], destination: str, layer: Path
) -> list[str]:
    """COPY ``sources`` (names in the archive, glob patterns allowed) to ``destination`` (an
    absolute path) in ``layer``, as Docker's COPY: a directory's contents go into the
    destination, a file goes to it (or into it when it ends with ``/`` or there are several
    sources). Owners are root's; modes as in the archive. The copied names."""
    try:
        tar = tarfile.open(archive, mode="r:*")  # noqa: SIM115 (closed by the with below)
    except (tarfile.TarError, OSError) as error:
        raise StepError(f"the uploaded COPY content is not a tar.gz archive: {error}") from None
    with tar:
        members = [m for m in tar.getmembers() if _normalized(m.name) != "."]
        by_name = {_normalized(m.name): m for m in members}
        copied: list[str] = []
        several = len(sources) > 1 or destination.endswith("/")
        for source in sources:
            pattern = _normalized(source)
            if pattern == ".." or pattern.startswith("../"):
                raise StepError(f"COPY source '{source}' is outside the uploaded content")
            if pattern == ".":
                tops = ["."]
            elif any(ch in pattern for ch in "*?["):
                depth = pattern.count("/")
                tops = [
                    name
                    for name in by_name
                    if name.count("/") == depth and fnmatch.fnmatchcase(name, pattern)
                ]
            else:
                tops = [pattern] if pattern in by_name else []
            if not tops:
                raise StepError(
                    f"COPY source '{source}' is not in the uploaded content (it has: "
                    f"{', '.join(sorted(n for n in by_name if '/' not in n)[:10]) or 'nothing'})"
                )
            for top in sorted(tops):
                member = by_name.get(top)
                is_dir = member is None or member.isdir()
                if is_dir:
                    target_root = destination
                elif several or len(tops) > 1:
                    target_root = posixpath.join(destination, posixpath.basename(top))
                else:
                    target_root = destination
                for name, item in by_name.items():
                    relative: str | None
                    if top == ".":
                        relative = name
                    elif name == top:
                        relative = "" if is_dir else None
                    elif name.startswith(top + "/"):
                        relative = name[len(top) + 1 :]
                    else:
                        continue
                    if relative is None:
                        _write(tar, item, layer, target_root)
                    else:
                        where = posixpath.join(target_root, relative) if relative else target_root
                        _write(tar, item, layer, where)
                    copied.append(name)
    return copied


def _layer_path(layer: Path, inside: str) -> Path:
    """``inside`` (absolute) below ``layer``; its parent directories made (root, 0755)."""
    parts = PurePosixPath(posixpath.normpath("/" + inside)).parts[1:]
    if not parts:
        return layer
    current = layer
    for part in parts[:-1]:
        current = current / part
        if current.is_symlink() or (current.exists() and not current.is_dir()):
            raise StepError(f"COPY: {inside} is below a file or link of the copied content")
        if not current.exists():
            current.mkdir(mode=0o755)
    return current / parts[-1]


def _write(tar: tarfile.TarFile, member: tarfile.TarInfo, layer: Path, inside: str) -> None:
    path = _layer_path(layer, inside)
    if member.isdir():
        if path.is_symlink() or (path.exists() and not path.is_dir()):
            path.unlink()
        path.mkdir(mode=0o755, exist_ok=True)
        os.chmod(path, member.mode & 0o7777)
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()
    if member.issym():
        os.symlink(member.linkname, path)
        return
    if not member.isreg() or not extract_new_file(tar, member, path):
        return
    os.chmod(path, stat.S_IMODE(member.mode))
    os.utime(path, (member.mtime, member.mtime))


def make_directory(layer: Path, inside: str) -> None:
    """WORKDIR's directory (and its parents), root's, 0755."""
    path = _layer_path(layer, inside)
    if not path.exists():
        path.mkdir(mode=0o755)
