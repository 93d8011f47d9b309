"""Restarting hopx-local on the same data directory loses nothing.

Sandboxes end with the server (they are its children); on the next start they are listed as
``stopped`` with their files, and ``start`` brings them back. These tests run their own
servers (not the session's), since they stop them.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, control_plane_client, run, wait_for

pytestmark = pytest.mark.integration


def _processes_of(sandbox_id: str) -> list[int]:
    """Host pids of the sandbox's processes (its agent's environment names it)."""
    marker = f"HOPX_SANDBOX_ID={sandbox_id}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                environ = (entry / "environ").read_bytes()
            except OSError:
                continue
            if marker in environ.split(b"\0"):
                found.append(int(entry.name))
    return found


@pytest.fixture
def data_dir(
    hopx_server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Path]:
    """A data directory of its own (hopx_server: the host was checked already)."""
    yield tmp_path_factory.mktemp("restart")


def test_restart_keeps_sandboxes_and_their_files(data_dir: Path) -> None:
    first = launcher.start(data_dir)
    try:
        with control_plane_client(first) as cp:
            sandboxes = Sandboxes(cp)
            kept = sandboxes.create(timeout_seconds=3600)
            paused = sandboxes.create()
            stopped = sandboxes.create()
            with sandboxes.agent(kept) as agent:
                run(agent, "echo survives > /workspace/note.txt")
                run(agent, "echo system > /usr/local/restart-mark && echo etc > /etc/restart-mark")
            assert cp.post(f"/v1/sandboxes/{paused['id']}/pause").status_code == 200
            assert cp.post(f"/v1/sandboxes/{stopped['id']}/stop").status_code == 200
            assert _processes_of(kept["id"])
    finally:
        launcher.stop(first.process)

    assert first.process.returncode == 0, "SIGTERM should shut the server down cleanly"
    assert _processes_of(kept["id"]) == []
    assert _processes_of(paused["id"]) == []

    second = launcher.start(data_dir)
    try:
        assert second.api_key == first.api_key  # the generated key is kept in the data dir
        with control_plane_client(second) as cp:
            listed = {s["id"]: s for s in cp.get("/v1/sandboxes").json()["data"]}
            assert {kept["id"], paused["id"], stopped["id"]} <= set(listed)
            assert {listed[s["id"]]["status"] for s in (kept, paused, stopped)} == {"stopped"}
            assert listed[kept["id"]]["expires_at"] == kept["expires_at"]
            assert listed[kept["id"]]["created_at"] == kept["created_at"]

            started = cp.post(f"/v1/sandboxes/{kept['id']}/start")
            assert started.status_code == 200, started.text
            token = cp.post(f"/v1/sandboxes/{kept['id']}/token/refresh").json()["auth_token"]
            revived: dict[str, Any] = {**started.json(), "auth_token": token}
            with Sandboxes(cp).agent(revived) as agent:
                assert run(agent, "cat /workspace/note.txt")["stdout"] == "survives\n"
                marks = run(agent, "cat /usr/local/restart-mark /etc/restart-mark")
                assert marks["stdout"] == "system\netc\n"  # its writable layer survived
            for sandbox in (kept, paused, stopped):
                assert cp.delete(f"/v1/sandboxes/{sandbox['id']}").status_code == 200
    finally:
        launcher.stop(second.process)


def test_deadline_that_passed_while_the_server_was_down_is_enforced_at_start(
    data_dir: Path,
) -> None:
    first = launcher.start(data_dir)
    try:
        with control_plane_client(first) as cp:
            doomed = Sandboxes(cp).create()
            response = cp.put(f"/v1/sandboxes/{doomed['id']}/timeout", json={"timeout_seconds": 1})
            deadline = response.json()["expires_at"]
    finally:
        launcher.stop(first.process)
    while time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()) <= deadline:
        time.sleep(0.1)

    second = launcher.start(data_dir)
    try:
        with control_plane_client(second) as cp:
            wait_for(
                lambda: cp.get(f"/v1/sandboxes/{doomed['id']}").status_code == 404,
                timeout=15,
                what="the overdue sandbox to be deleted",
            )
    finally:
        launcher.stop(second.process)
