"""The host-side layout of a sandbox's root_dir, created safely for an unprivileged uid."""

from __future__ import annotations

import contextlib
import os
import stat
from pathlib import Path

import attrs

from hopx_local.runtime.errors import SandboxRuntimeError

# host subdirectory -> (path inside the sandbox, mode)
MOUNTED_DIRS: dict[str, tuple[str, int]] = {
    "workspace": ("/workspace", 0o755),
    "tmp": ("/tmp", 0o1777),
    "home": ("/home/user", 0o700),
    "run": ("/run/hopx", 0o755),
}


@attrs.frozen
class SandboxPaths:
    """Host paths of one sandbox (all below root_dir)."""

    root: Path

    @property
    def workspace(self) -> Path:
        return self.root / "workspace"

    @property
    def tmp(self) -> Path:
        return self.root / "tmp"

    @property
    def home(self) -> Path:
        return self.root / "home"

    @property
    def run(self) -> Path:
        """Host side of /run/hopx (agent socket, token.key)."""
        return self.root / "run"

    @property
    def agent_socket(self) -> Path:
        """Host path of /run/hopx/agent.sock: connect to it from the host directly."""
        return self.run / "agent.sock"

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

    @property
    def passwd(self) -> Path:
        """/etc/passwd inside: the host's entries plus one naming the sandbox uid ``user``."""
        return self.root / "passwd"

    @property
    def group(self) -> Path:
        return self.root / "group"

    def mounts(self) -> list[tuple[Path, str]]:
        """(host dir, path inside) of the private writable mounts."""
        return [(self.root / name, inside) for name, (inside, _) in MOUNTED_DIRS.items()]


def prepare_root_dir(root_dir: Path, uid: int) -> SandboxPaths:
    """Create root_dir (root-owned, 0700) and its mounted subdirectories owned by uid:uid.

    Idempotent: existing files are kept. A subdirectory that is not a real directory (for
    example a symlink planted from inside) is refused rather than followed.
    """
    root_dir.mkdir(parents=True, exist_ok=True)
    os.chown(root_dir, 0, 0)
    os.chmod(root_dir, 0o700)
    for name, (_, mode) in MOUNTED_DIRS.items():
        path = root_dir / name
        with contextlib.suppress(FileExistsError):
            path.mkdir(mode=0o700)
        fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
        try:
            os.fchown(fd, uid, uid)
            os.fchmod(fd, mode)
        finally:
            os.close(fd)
    return SandboxPaths(root_dir)


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
