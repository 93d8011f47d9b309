"""Where a sandbox's host-side mounts live while it runs: ``/run/hopx-local/<runtime>/<id>``.

bwrap resolves every bind source as the sandbox's root (the sandbox's host uid), which may not
search the sandbox's root_dir (root's, 0700) or the directories above it. So everything bwrap
binds is mounted below the stage: parents root-owned 0711, the stage itself root-owned with
group = the sandbox's host gid and mode 0710, so only that sandbox's launcher passes. The stage
is on /run (gone at reboot, like the mounts); nothing below it is the sandbox's to write but
its disk and writable layers.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

import attrs

from hopx_local.runtime.mounts import bind, mounts_below, unmount_below

STAGE_ROOT = Path("/run/hopx-local")


@attrs.frozen
class Stage:
    path: Path

    @property
    def disk(self) -> Path:
        return self.path / "disk"

    def create(self, gid: int) -> None:
        """Make the stage (empty of mounts) for the sandbox of host gid ``gid``."""
        self.unmount()
        for parent in (self.path.parent.parent, self.path.parent):
            parent.mkdir(exist_ok=True)
            os.chown(parent, 0, 0)
            os.chmod(parent, 0o711)
        self.path.mkdir(exist_ok=True)
        os.chown(self.path, 0, gid)
        os.chmod(self.path, 0o710)

    def bind(self, source: Path, name: str, *, read_only: bool = False) -> Path:
        """Bind source (a directory or a file) at <stage>/<name>; return that path."""
        target = self.path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_dir():
            target.mkdir(exist_ok=True)
        elif not target.exists():
            target.touch()
        bind(source, target, read_only=read_only)
        return target

    def unmount(self) -> None:
        unmount_below(self.path)

    def remove(self) -> None:
        """Unmount everything and remove the stage (idempotent)."""
        self.unmount()
        if mounts_below(self.path):
            return
        with contextlib.suppress(FileNotFoundError):
            shutil.rmtree(self.path)


def stage_of(runtime_name: str, sandbox_id: str) -> Stage:
    return Stage(STAGE_ROOT / runtime_name / sandbox_id)
