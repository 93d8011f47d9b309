"""Fixtures for the runtime tests: real sandboxes (root, bwrap, cgroups), always destroyed.

Tests that start sandboxes use the ``sandboxes`` fixture; it skips them with the reason when
the host cannot run sandboxes (not root, bubblewrap missing, cgroup controllers missing).
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from hopx_local.runtime import Runtime
from tests.runtime.support import CGROUP_ROOT, Sandboxes, host_skip_reason


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
async def sandboxes(tmp_path: Path) -> AsyncIterator[Sandboxes]:
    reason = host_skip_reason()
    if reason is not None:
        pytest.skip(reason)
    base = tmp_path / "sandboxes"
    base.mkdir()
    factory = Sandboxes(Runtime(CGROUP_ROOT), base)
    try:
        yield factory
    finally:
        await factory.destroy_all()
        await factory.runtime.close()
        for root in Path("/sys/fs/cgroup").glob(f"*/{CGROUP_ROOT}"):
            with contextlib.suppress(OSError):  # still in use by another test's sandboxes
                root.rmdir()
