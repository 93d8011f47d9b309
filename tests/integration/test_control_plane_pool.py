"""The warm pool (``hopx-local serve --warm-pool N``): creates served by pre-started sandboxes.

A pooled sandbox must be indistinguishable from one created the normal way: its own uid,
workspace and token, the create's env_vars visible to commands and to Python code. Pooled
sandboxes are invisible through the API and gone after shutdown. Which creates the pool
served, and which sandboxes it started, the server says in its log (the only place it shows).
"""

from __future__ import annotations

import os
import re
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from hopx_local.runtime.cgroups import detect_cgroups
from tests.integration.control_plane import (
    Sandboxes,
    control_plane_client,
    host_processes_of,
    run,
    wait_for,
)

pytestmark = pytest.mark.integration

READY = re.compile(
    r"warm pool: sandbox (sbx_\w+) ready \(template ([\w-]+), internet_access (true|false)\)"
)
SERVED = re.compile(r"sandbox (sbx_\w+) \([\w-]+\) served from the warm pool")
ENV = {"APP_MODE": "pooled", "GREETING": "hello world"}


def _log(server: RunningServer) -> str:
    return (server.data_dir / "server.log").read_text(errors="replace")


def _pooled_ids(server: RunningServer, template: str = "base", internet: bool = False) -> list[str]:
    """Ids of the sandboxes the pool started for (template, internet_access), oldest first."""
    wanted = (template, str(internet).lower())
    return [m[1] for m in READY.finditer(_log(server)) if (m[2], m[3]) == wanted]


def _served_ids(server: RunningServer) -> set[str]:
    """Ids of the creates the pool served."""
    return set(SERVED.findall(_log(server)))


def _served_from_pool(server: RunningServer, sandbox_id: str) -> bool:
    return sandbox_id in _served_ids(server)


def _wait_until_pooled(server: RunningServer, template: str, count: int) -> list[str]:
    ids: list[str] = wait_for(
        lambda: (found := _pooled_ids(server, template)) and len(found) >= count and found,
        timeout=120,
        what=f"{count} pooled {template} sandbox(es)",
    )
    return ids


def _agent_processes(sandbox_ids: list[str]) -> list[int]:
    """Host pids whose command line names one of the sandboxes (the agents carry their id)."""
    found = []
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            cmdline = Path(entry.path, "cmdline").read_bytes().decode(errors="replace")
        except OSError:
            continue
        if any(sandbox_id in cmdline for sandbox_id in sandbox_ids):
            found.append(int(entry.name))
    return found


@pytest.fixture(scope="module")
def pool_server(
    hopx_server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    """A server of its own with one pooled sandbox per key (hopx_server: host checked)."""
    server = launcher.start(tmp_path_factory.mktemp("pool"), extra_args=["--warm-pool", "1"])
    try:
        yield server
    finally:
        launcher.stop(server.process)


@pytest.fixture(scope="module")
def pool_cp(pool_server: RunningServer) -> Iterator[httpx.Client]:
    with control_plane_client(pool_server) as client:
        yield client


@pytest.fixture
def pool_sandboxes(pool_cp: httpx.Client) -> Iterator[Sandboxes]:
    manager = Sandboxes(pool_cp)
    try:
        yield manager
    finally:
        manager.cleanup()


def _create_pooled(
    server: RunningServer, sandboxes: Sandboxes, template: str = "base", **fields: Any
) -> dict[str, Any]:
    """Create once a pooled sandbox of ``template`` is idle; check the pool served it."""
    taken = _served_ids(server)
    wait_for(
        lambda: set(_pooled_ids(server, template)) - taken,
        timeout=120,
        what=f"an idle pooled {template} sandbox",
    )
    sandbox = sandboxes.create(template_name=template, **fields)
    assert _served_from_pool(server, sandbox["id"]), "the create was not served by the pool"
    assert sandbox["id"] in _pooled_ids(server, template)
    return sandbox


def test_pooled_sandbox_is_isolated_and_has_its_env_vars(
    pool_server: RunningServer, pool_cp: httpx.Client, pool_sandboxes: Sandboxes
) -> None:
    first = _create_pooled(pool_server, pool_sandboxes, env_vars=ENV, timeout_seconds=600)
    second = _create_pooled(pool_server, pool_sandboxes)

    assert first["status"] == "running"
    assert first["timeout_seconds"] == 600
    assert first["expires_at"] is not None
    with pool_sandboxes.agent(first) as agent, pool_sandboxes.agent(second) as other:
        assert run(agent, 'echo "$APP_MODE|$GREETING"')["stdout"] == "pooled|hello world\n"
        assert run(other, 'echo "[$APP_MODE]"')["stdout"] == "[]\n"
        assert agent.get("/env").json()["env_vars"] == ENV
        assert run(agent, "id -u")["stdout"] == run(other, "id -u")["stdout"] == "0\n"
        host_uid = next(iter(host_processes_of(first["id"]).values()))
        other_host_uid = next(iter(host_processes_of(second["id"]).values()))
        assert "0" not in host_uid and "0" not in other_host_uid and host_uid != other_host_uid
        assert run(agent, "echo mine > /workspace/only-here.txt")["exit_code"] == 0
        assert run(other, "ls -A /workspace")["stdout"] == ""
        assert run(agent, "cat /workspace/only-here.txt")["stdout"] == "mine\n"

    headers = {"Authorization": f"Bearer {first['auth_token']}"}
    with httpx.Client(base_url=second["public_host"], headers=headers, timeout=60) as wrong:
        assert wrong.post("/commands/run", json={"command": "true"}).status_code == 401
    assert pool_cp.get(f"/v1/sandboxes/{first['id']}").json()["status"] == "running"


def test_pooled_code_interpreter_python_sees_the_env_vars(
    pool_server: RunningServer, pool_sandboxes: Sandboxes
) -> None:
    sandbox = _create_pooled(pool_server, pool_sandboxes, template="code-interpreter", env_vars=ENV)

    with pool_sandboxes.agent(sandbox) as agent:
        code = "import os; print(os.environ['APP_MODE'], os.environ['GREETING'])"
        response = agent.post("/execute", json={"code": code, "language": "python"})
        assert response.status_code == 200, response.text
        assert response.json()["stdout"] == "pooled hello world\n"
        assert run(agent, 'echo "$APP_MODE"')["stdout"] == "pooled\n"


def test_pool_refills_after_a_create(pool_server: RunningServer, pool_sandboxes: Sandboxes) -> None:
    taken = _create_pooled(pool_server, pool_sandboxes)

    started_after = wait_for(
        lambda: _pooled_ids(pool_server)[_pooled_ids(pool_server).index(taken["id"]) + 1 :],
        timeout=120,
        what="the pool to start a replacement",
    )
    assert taken["id"] not in started_after


def test_pooled_sandboxes_are_not_visible_through_the_api(
    pool_server: RunningServer, pool_cp: httpx.Client
) -> None:
    idle = _wait_until_pooled(pool_server, "base", 1)[-1]

    listed = pool_cp.get("/v1/sandboxes", params={"limit": 100}).json()["data"]
    assert idle not in {sandbox["id"] for sandbox in listed}
    assert pool_cp.get(f"/v1/sandboxes/{idle}").status_code == 404
    assert pool_cp.delete(f"/v1/sandboxes/{idle}").status_code == 404
    assert pool_cp.post(f"/v1/sandboxes/{idle}/token/refresh").status_code == 404


def test_env_vars_read_at_process_start_take_the_normal_path(
    pool_server: RunningServer, pool_sandboxes: Sandboxes
) -> None:
    _wait_until_pooled(pool_server, "base", 1)
    sandbox = pool_sandboxes.create(env_vars={"PYTHONPATH": "/w", "LANG": "C"})

    assert not _served_from_pool(pool_server, sandbox["id"])
    with pool_sandboxes.agent(sandbox) as agent:
        assert run(agent, 'echo "$LANG"')["stdout"] == "C\n"


def test_shutdown_leaves_nothing_of_the_pool_behind(
    hopx_server: RunningServer, tmp_path: Path
) -> None:
    server = launcher.start(tmp_path, extra_args=["--warm-pool", "1"])
    try:
        _wait_until_pooled(server, "base", 1)
        with control_plane_client(server) as cp:
            sandboxes = Sandboxes(cp)
            taken = sandboxes.create()  # the pool starts a replacement
            sandboxes.cleanup()
    finally:
        launcher.stop(server.process)

    started = [match[1] for match in READY.finditer(_log(server))]
    assert taken["id"] in started and len(started) > 1
    cgroups = detect_cgroups("hopx-local")
    assert [sandbox_id for sandbox_id in started if cgroups.exists(sandbox_id)] == []
    assert _agent_processes(started) == []
    assert list((tmp_path / "sandboxes").iterdir()) == []


def test_pooled_leftovers_of_a_killed_server_are_destroyed_at_start(
    hopx_server: RunningServer, tmp_path: Path
) -> None:
    server = launcher.start(tmp_path, extra_args=["--warm-pool", "1"])
    try:
        _wait_until_pooled(server, "base", 1)
        with control_plane_client(server) as cp:
            kept = Sandboxes(cp).create()
    finally:
        os.killpg(server.process.pid, signal.SIGKILL)  # no shutdown: leftovers stay behind
        server.process.wait()
    leftovers = [m[1] for m in READY.finditer(_log(server)) if m[1] != kept["id"]]
    assert leftovers
    assert all((tmp_path / "sandboxes" / sandbox_id).exists() for sandbox_id in leftovers)

    restarted = launcher.start(tmp_path, extra_args=["--warm-pool", "0"])
    try:
        with control_plane_client(restarted) as cp:
            listed = cp.get("/v1/sandboxes").json()["data"]
            assert [(s["id"], s["status"]) for s in listed] == [(kept["id"], "stopped")]
            assert [p.name for p in (tmp_path / "sandboxes").iterdir()] == [kept["id"]]
            cgroups = detect_cgroups("hopx-local")
            assert [sandbox_id for sandbox_id in leftovers if cgroups.exists(sandbox_id)] == []
            assert cp.delete(f"/v1/sandboxes/{kept['id']}").status_code == 200
    finally:
        launcher.stop(restarted.process)


def test_warm_pool_0_creates_the_normal_way(hopx_server: RunningServer, tmp_path: Path) -> None:
    server = launcher.start(tmp_path, extra_args=["--warm-pool", "0"])
    try:
        with control_plane_client(server) as cp:
            sandboxes = Sandboxes(cp)
            sandbox = sandboxes.create(env_vars=ENV)
            with sandboxes.agent(sandbox) as agent:
                assert run(agent, 'echo "$APP_MODE|$GREETING"')["stdout"] == "pooled|hello world\n"
                assert agent.get("/env").json()["env_vars"] == ENV
            sandboxes.cleanup()
            assert [p.name for p in (tmp_path / "sandboxes").iterdir()] == []
    finally:
        launcher.stop(server.process)

    assert "warm pool" not in _log(server)
