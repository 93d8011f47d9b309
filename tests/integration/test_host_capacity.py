"""All sandboxes of a host share one budget: their parent cgroup is capped, /health shows it,
and a create that cannot fit is refused with 403 resource_limit (nothing started).

The server here has a cgroup root of its own and a small budget (--sandbox-memory-mb), so
filling it takes one sandbox and touches no other server's sandboxes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import (
    Sandboxes,
    control_plane_client,
    error_of,
    run,
    wait_for,
)

pytestmark = pytest.mark.integration

BUDGET_MB = 600
CGROUP_ROOT = f"hopx-local-capacity-{os.getpid()}"


@pytest.fixture(scope="module")
def server(
    hopx_server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    running = launcher.start(
        tmp_path_factory.mktemp("capacity"),
        extra_args=[
            "--warm-pool",
            "0",
            "--cgroup-root",
            CGROUP_ROOT,
            "--sandbox-memory-mb",
            str(BUDGET_MB),
        ],
    )
    try:
        yield running
    finally:
        with control_plane_client(running) as cp:  # whatever a failed test left
            for sandbox in cp.get("/v1/sandboxes").json()["data"]:
                cp.delete(f"/v1/sandboxes/{sandbox['id']}")
        launcher.stop(running.process)
        cgroups = Path("/sys/fs/cgroup")
        for root in [*cgroups.glob(f"*/{CGROUP_ROOT}"), cgroups / CGROUP_ROOT]:
            with contextlib.suppress(OSError):
                root.rmdir()


@pytest.fixture
def cp(server: RunningServer) -> Iterator[httpx.Client]:
    with control_plane_client(server) as client:
        yield client


def _capacity(cp: httpx.Client) -> dict[str, Any]:
    health = cp.get("/health")
    assert health.status_code == 200
    capacity: dict[str, Any] = health.json()["capacity"]
    return capacity


def _parent_memory_limit() -> int:
    for path in (
        Path(f"/sys/fs/cgroup/memory/{CGROUP_ROOT}/memory.limit_in_bytes"),
        Path(f"/sys/fs/cgroup/{CGROUP_ROOT}/memory.max"),
    ):
        if path.exists():
            return int(path.read_text())
    raise AssertionError("the parent cgroup has no memory limit file")


def _assert_refused(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 403, response.text
    error = error_of(response)
    assert error["code"] == "resource_limit"
    assert "limit" in error["message"].lower()
    assert {"limit", "current", "available", "upgrade_url"} <= set(error["details"])
    return error


def test_the_parent_cgroup_is_capped_and_health_shows_it(cp: httpx.Client) -> None:
    capacity = _capacity(cp)
    assert capacity["memory_mb_limit"] == BUDGET_MB
    assert capacity["pids_limit"] > 1000
    assert capacity["sandboxes"] == 0
    assert _parent_memory_limit() == BUDGET_MB * 1024 * 1024
    roots = [*Path("/sys/fs/cgroup").glob(f"*/{CGROUP_ROOT}"), Path("/sys/fs/cgroup", CGROUP_ROOT)]
    for root in (root for root in roots if root.is_dir()):
        assert root.stat().st_mode & 0o777 == 0o711, root  # other users cannot list the ids


def test_a_sandbox_larger_than_the_budget_is_refused(cp: httpx.Client) -> None:
    # code-interpreter's 2048 MiB limit can never fit in 600 MiB.
    refused = cp.post("/v1/sandboxes", json={"template_name": "code-interpreter"})
    error = _assert_refused(refused)
    assert error["details"]["limit"] == BUDGET_MB
    assert _capacity(cp)["sandboxes"] == 0
    assert cp.get("/v1/sandboxes").json()["data"] == []  # no record left behind


def test_a_full_host_refuses_creates_until_room_is_made(cp: httpx.Client) -> None:
    sandboxes = Sandboxes(cp)
    try:
        hog = sandboxes.create()
        with sandboxes.agent(hog) as agent:
            # 420 MiB touched and kept by a process in the background (base: 512 MiB limit).
            run(
                agent,
                "setsid /usr/bin/python3 -c \"x = b'1' * (420 * 2**20); "
                'import time; time.sleep(300)" > /dev/null 2>&1 &',
            )
        wait_for(
            lambda: _capacity(cp)["memory_mb_used"] >= 420,
            timeout=30,
            what="the hog's memory to count",
        )
        refused = cp.post("/v1/sandboxes", json={"template_name": "base"})
        error = _assert_refused(refused)
        assert error["details"]["current"] >= 420
        assert cp.get("/health").status_code == 200  # the server still serves

        assert cp.delete(f"/v1/sandboxes/{hog['id']}").status_code == 200
        wait_for(lambda: _capacity(cp)["memory_mb_used"] < 200, timeout=30, what="the room to free")
        sandboxes.create()  # fits again
    finally:
        sandboxes.cleanup()
