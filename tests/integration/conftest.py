"""A real hopx-local for the integration tests: one server per test session, over loopback.

``hopx_server`` starts ``hopx-local serve`` (a subprocess, temporary data directory) once;
``cp`` is an httpx client of its control plane with the API key set; ``sandboxes`` creates
sandboxes and deletes whatever a test left behind. Everything skips, with the reason, when
this host cannot run sandboxes (not root, bubblewrap or cgroup controllers missing).
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, control_plane_client


def _host_skip_reason() -> str | None:
    if os.geteuid() != 0:
        return "hopx-local needs root (bubblewrap runs as root, cgroups are written)"
    from hopx_local.runtime import Runtime

    missing = Runtime().missing_host_dependencies()
    if missing:
        return "this host cannot run sandboxes: " + "; ".join(missing)
    return None


@pytest.fixture(scope="session")
def hopx_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    reason = _host_skip_reason()
    if reason:
        pytest.skip(reason)
    with running_server(tmp_path_factory.mktemp("hopx-local")) as server:
        yield server


@contextmanager
def running_server(data_dir: Path, extra_args: Sequence[str] = ()) -> Iterator[RunningServer]:
    """A hopx-local serving ``data_dir``; its sandboxes deleted and the server stopped after."""
    server = launcher.start(data_dir, extra_args=tuple(extra_args))
    try:
        yield server
    finally:
        _delete_all_sandboxes(server)
        launcher.stop(server.process)


def _delete_all_sandboxes(server: RunningServer) -> None:
    """Leave nothing behind (sandbox cgroups outlive a server; files are in the temp dir)."""
    headers = {"X-API-Key": server.api_key}
    with httpx.Client(base_url=server.base_url, headers=headers, timeout=60) as client:
        for sandbox in client.get("/v1/sandboxes", params={"limit": 100}).json()["data"]:
            client.delete(f"/v1/sandboxes/{sandbox['id']}")


@pytest.fixture(scope="session")
def cp(hopx_server: RunningServer) -> Iterator[httpx.Client]:
    """Control-plane client with the API key."""
    with control_plane_client(hopx_server) as client:
        yield client


@pytest.fixture(scope="session")
def anonymous(hopx_server: RunningServer) -> Iterator[httpx.Client]:
    """Control-plane client without credentials."""
    with httpx.Client(base_url=hopx_server.base_url, timeout=60) as client:
        yield client


@pytest.fixture
def sandboxes(cp: httpx.Client) -> Iterator[Sandboxes]:
    manager = Sandboxes(cp)
    try:
        yield manager
    finally:
        manager.cleanup()
