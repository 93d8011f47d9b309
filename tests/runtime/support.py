"""Helpers of the runtime tests: a sandbox factory on one Runtime, polling, host checks."""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from hopx_local.runtime import Runtime, SandboxProcess, SandboxSpec, allocate_uid

# One cgroup root per test process: concurrent test runs never see each other's sandboxes.
CGROUP_ROOT = f"hopx-local-test-{os.getpid()}"
PYTHON = "/usr/bin/python3"  # Debian's python: the pyenv one lives under /root
_ids = itertools.count()


def host_skip_reason() -> str | None:
    if os.geteuid() != 0:
        return "runtime tests need root (bwrap runs as root, cgroups are written)"
    if shutil.which("bwrap") is None:
        return "bubblewrap is not installed (apt-get install bubblewrap)"
    missing = Runtime(CGROUP_ROOT).missing_host_dependencies()
    if missing:
        return "the host cannot run sandboxes: " + "; ".join(missing)
    return None


class Sandboxes:
    """Starts sandboxes on one Runtime and remembers them so the fixture destroys them all."""

    def __init__(self, runtime: Runtime, base: Path) -> None:
        self.runtime = runtime
        self.base = base
        self.specs: dict[str, SandboxSpec] = {}

    def spec(
        self,
        command: Sequence[str],
        *,
        internet_access: bool = False,
        memory_mb: int = 128,
        pids_max: int = 64,
        vcpu: float = 1.0,
        env: Mapping[str, str] | None = None,
        extra_ro_binds: Sequence[tuple[Path, str]] = (),
        disk_mb: int | None = None,
    ) -> SandboxSpec:
        sandbox_id = f"sbx_test{os.getpid()}x{next(_ids)}"
        used = {spec.uid for spec in self.specs.values()}
        spec = SandboxSpec(
            sandbox_id=sandbox_id,
            root_dir=self.base / sandbox_id,
            uid=allocate_uid(used),
            memory_mb=memory_mb,
            pids_max=pids_max,
            vcpu=vcpu,
            internet_access=internet_access,
            env=dict(env or {}),
            command=list(command),
            extra_ro_binds=list(extra_ro_binds),
            disk_mb=disk_mb,
        )
        self.specs[sandbox_id] = spec
        return spec

    async def start(self, spec: SandboxSpec) -> SandboxProcess:
        self.specs[spec.sandbox_id] = spec
        return await self.runtime.start(spec)

    async def run_shell(self, script: str, **options: Any) -> tuple[int, str]:
        """Run a /bin/sh script in a fresh sandbox until it ends: (exit status, output)."""
        spec = self.spec(["/bin/sh", "-c", script], **options)
        process = await self.start(spec)
        status = await asyncio.wait_for(process.wait(), 20)
        return status, process.log_path.read_text()

    async def run_python(self, code: str, **options: Any) -> tuple[int, str]:
        """Run Python code with /usr/bin/python3 in a fresh sandbox: (exit status, output)."""
        spec = self.spec([PYTHON, "-c", code], **options)
        process = await self.start(spec)
        status = await asyncio.wait_for(process.wait(), 20)
        return status, process.log_path.read_text()

    async def destroy_all(self) -> None:
        for sandbox_id, spec in self.specs.items():
            await self.runtime.destroy(sandbox_id, spec.root_dir)
        self.specs.clear()


async def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Poll condition with short pauses; fail the test when it stays false until timeout."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"condition not met within {timeout} s")
        await asyncio.sleep(0.005)


def read_int(path: Path) -> int | None:
    """An int written atomically by a sandbox (None while the file does not exist yet)."""
    try:
        return int(path.read_text())
    except (FileNotFoundError, ValueError):
        return None
