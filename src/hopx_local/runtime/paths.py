"""The host-side layout of a sandbox's root_dir, created safely for an unprivileged uid."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import attrs

from hopx_local.runtime.errors import SandboxRuntimeError

# subdirectory of the sandbox's disk -> (path inside the sandbox, mode)
DISK_DIRS: dict[str, tuple[str, int]] = {
    "workspace": ("/workspace", 0o755),
    "tmp": ("/tmp", 0o1777),
    "home": ("/home/user", 0o700),
}
# subdirectory of root_dir -> (path inside, mode): hopx-local's own, not on the sandbox's disk
RUN_DIR = ("run", "/run/hopx", 0o755)


@attrs.frozen
class SandboxPaths:
    """Host paths of one sandbox (all below root_dir)."""

    root: Path

    @property
    def disk(self) -> Path:
        """The sandbox's disk: its writable layers (upper/, work/), workspace/, tmp/, home/."""
        return self.root / "disk"

    @property
    def disk_image(self) -> Path:
        """The sparse file holding the disk's filesystem, when its size is limited."""
        return self.root / "disk.img"

    @property
    def workspace(self) -> Path:
        return self.disk / "workspace"

    @property
    def tmp(self) -> Path:
        return self.disk / "tmp"

    @property
    def home(self) -> Path:
        return self.disk / "home"

    @property
    def run(self) -> Path:
        """Host side of /run/hopx (token.key, the desktop's VNC socket)."""
        return self.root / "run"

    @property
    def agent_socket(self) -> Path:
        """The agent's unix socket, on the host only (root_dir is host root's, 0700): the
        control plane binds it and hands the agent the listening descriptor, so sandboxed code
        finds nothing to connect to."""
        return self.root / "agent.sock"

    @property
    def log(self) -> Path:
        """stdout + stderr of the sandbox command (host only, not visible inside)."""
        return self.root / "sandbox.log"

    @property
    def network_log(self) -> Path:
        """Output of slirp4netns (host only)."""
        return self.root / "network.log"

    @property
    def resolv_conf(self) -> Path:
        return self.root / "resolv.conf"

    def mounts(self) -> list[tuple[Path, str]]:
        """(host dir, path inside) of the private writable mounts."""
        mounts = [(self.disk / name, inside) for name, (inside, _) in DISK_DIRS.items()]
        return [*mounts, (self.run, RUN_DIR[1])]


def prepare_root_dir(root_dir: Path, uid: int) -> SandboxPaths:
    """Create root_dir (root-owned, 0700), its disk/ and run/ dirs (idempotent).

    The disk's own directories are made by prepare_disk_dirs, once the disk is mounted.
    """
    root_dir.mkdir(parents=True, exist_ok=True)
    os.chown(root_dir, 0, 0)
    os.chmod(root_dir, 0o700)
    paths = SandboxPaths(root_dir)
    with contextlib.suppress(FileExistsError):
        paths.disk.mkdir(mode=0o700)
    _own_dir(root_dir / RUN_DIR[0], uid, RUN_DIR[2])
    return paths


def prepare_disk_dirs(paths: SandboxPaths, uid: int) -> None:
    """workspace/, tmp/, home/ on the (mounted) disk, owned by the sandbox's root.

    A directory that is not a real directory (for example a symlink planted from inside) is
    refused rather than followed.
    """
    os.chown(paths.disk, 0, 0)
    os.chmod(paths.disk, 0o755)
    for name, (_, mode) in DISK_DIRS.items():
        _own_dir(paths.disk / name, uid, mode)


def _own_dir(path: Path, uid: int, mode: int) -> None:
    with contextlib.suppress(FileExistsError):
        path.mkdir(mode=0o700)
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    try:
        os.fchown(fd, uid, uid)
        os.fchmod(fd, mode)
    finally:
        os.close(fd)


def write_sandbox_file(path: Path, data: bytes, *, uid: int, mode: int = 0o600) -> None:
    """Write a file into a sandbox-writable directory (e.g. run/token.key) as root, safely.

    Whatever sits at ``path`` (possibly a symlink planted by sandboxed code) is unlinked
    first; the new file is created exclusively without following links, then owned by uid.
    """
    try:
        existing = os.lstat(path)
    except FileNotFoundError:
        pass
    else:
        if stat.S_ISDIR(existing.st_mode):
            raise SandboxRuntimeError(f"{path} is a directory; refusing to replace it")
        os.unlink(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        os.fchown(fd, uid, uid)
        os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
    finally:
        os.close(fd)
