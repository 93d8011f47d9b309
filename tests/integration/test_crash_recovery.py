"""A server killed with SIGKILL leaves nothing behind once the next one started.

Sandboxes die with their server (bubblewrap --die-with-parent), except a paused one: its
processes are frozen, so the kill cannot land until someone thaws them. The next server on the
same data directory must reap them and their cgroups, and the sandbox must start again.
"""

from __future__ import annotations

import asyncio
import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from hopx_local.runtime import Runtime
from tests.integration.control_plane import Sandboxes, control_plane_client, run, wait_for

pytestmark = pytest.mark.integration


@pytest.fixture
def data_dir(
    hopx_server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """A data directory of its own (hopx_server: the host was checked already)."""
    yield tmp_path_factory.mktemp("crash")


@pytest.fixture
def leftovers(data_dir: Path) -> Iterator[None]:
    """Whatever this test's servers leave (the test failed): reaped here."""
    yield
    runtime = Runtime()
    for root_dir in (data_dir / "sandboxes").glob("sbx_*"):
        if runtime.cgroups.exists(root_dir.name):
            asyncio.run(runtime.reap(root_dir.name))


@pytest.mark.usefixtures("leftovers")
def test_a_paused_sandbox_of_a_killed_server_is_reaped_at_the_next_start(data_dir: Path) -> None:
    cgroups = Runtime().cgroups  # the servers' cgroup root, as the test (root) sees it
    first = launcher.start(data_dir, extra_args=["--warm-pool", "0"])
    try:
        with control_plane_client(first) as cp:
            sandboxes = Sandboxes(cp)
            paused = sandboxes.create()
            running = sandboxes.create()
            with sandboxes.agent(paused) as agent:
                run(agent, "echo kept > /workspace/note.txt")
            assert cp.post(f"/v1/sandboxes/{paused['id']}/pause").status_code == 200
    finally:
        os.kill(first.process.pid, signal.SIGKILL)
        first.process.wait()

    # What a crash leaves: the paused sandbox's processes, frozen in their cgroup.
    wait_for(lambda: not cgroups.pids(running["id"]), timeout=10, what="the running one to die")
    assert cgroups.pids(paused["id"]), "a frozen sandbox should have survived the kill"
    assert cgroups.is_frozen(paused["id"])

    second = launcher.start(data_dir, extra_args=["--warm-pool", "0"])
    try:
        for sandbox in (paused, running):
            assert cgroups.pids(sandbox["id"]) == []
            assert not cgroups.exists(sandbox["id"]), "recovery leaves no empty cgroup behind"
        with control_plane_client(second) as cp:
            listed = {s["id"]: s["status"] for s in cp.get("/v1/sandboxes").json()["data"]}
            assert listed[paused["id"]] == listed[running["id"]] == "stopped"
            started = cp.post(f"/v1/sandboxes/{paused['id']}/start")
            assert started.status_code == 200, started.text
            token = cp.post(f"/v1/sandboxes/{paused['id']}/token/refresh").json()["auth_token"]
            with Sandboxes(cp).agent({**started.json(), "auth_token": token}) as agent:
                assert run(agent, "cat /workspace/note.txt")["stdout"] == "kept\n"
            for sandbox in (paused, running):
                assert cp.delete(f"/v1/sandboxes/{sandbox['id']}").status_code == 200
            assert not cgroups.exists(paused["id"])
    finally:
        launcher.stop(second.process)
