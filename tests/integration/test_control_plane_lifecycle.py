"""Sandbox lifecycle through the control plane: create, get, pause/resume, stop/start, delete."""

from __future__ import annotations

import base64
import json
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest

from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, error_of, host_processes_of, run

pytestmark = pytest.mark.integration


def _claims(token: str) -> dict[str, Any]:
    header, payload, _ = token.split(".")
    assert json.loads(base64.urlsafe_b64decode(header + "=" * (-len(header) % 4))) == {
        "alg": "HS256",
        "typ": "JWT",
    }
    claims: dict[str, Any] = json.loads(
        base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
    )
    return claims


def _time(value: str) -> datetime:
    assert value.endswith("Z"), value
    return datetime.fromisoformat(value.replace("Z", "+00:00"))


def _go(cp: httpx.Client, sandbox: dict[str, Any], action: str) -> httpx.Response:
    return cp.post(f"/v1/sandboxes/{sandbox['id']}/{action}")


def test_create_answers_201_with_a_running_sandbox_and_its_agent_token(
    cp: httpx.Client, sandboxes: Sandboxes, hopx_server: RunningServer
) -> None:
    before = datetime.now(UTC).replace(microsecond=0)

    sandbox = sandboxes.create(template_name="base", env_vars={"GREETING": "hi"})

    assert sandbox["id"].startswith("sbx_") and len(sandbox["id"]) == 20
    assert sandbox["object"] == "sandbox"
    assert sandbox["status"] == "running"
    assert sandbox["template_name"] == "base"
    assert sandbox["template_id"] == "102"
    assert sandbox["region"] == "local"
    assert sandbox["resources"] == {"vcpu": 1, "memory_mb": 512, "disk_mb": 5120}
    assert sandbox["internet_access"] is False
    assert sandbox["timeout_seconds"] is None
    assert sandbox["expires_at"] is None
    assert sandbox["public_host"].startswith("http://127.0.0.1:")
    assert sandbox["direct_url"] == sandbox["public_host"]
    assert sandbox["preview_url"] == f"{hopx_server.base_url}/preview/{sandbox['id']}/{{port}}/"
    assert _time(sandbox["created_at"]) >= before
    claims = _claims(sandbox["auth_token"])
    assert claims["sub"] == sandbox["id"]
    assert claims["exp"] - claims["iat"] == 3600
    assert _time(sandbox["token_expires_at"]).timestamp() == claims["exp"]
    with sandboxes.agent(sandbox) as agent:
        assert agent.get("/health").status_code == 200


@pytest.mark.parametrize("template_id", ["102", 102])
def test_create_by_template_id_string_or_integer(sandboxes: Sandboxes, template_id: object) -> None:
    sandbox = sandboxes.create(template_name=None, template_id=template_id)

    assert sandbox["template_name"] == "base"


def test_template_id_wins_over_template_name(sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create(template_id="102", template_name="code-interpreter")

    assert sandbox["template_name"] == "base"


def test_create_with_a_region_reports_local(sandboxes: Sandboxes) -> None:
    assert sandboxes.create(region="us-east")["region"] == "local"


def test_get_describes_the_sandbox_without_a_token(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()

    response = cp.get(f"/v1/sandboxes/{sandbox['id']}")

    assert response.status_code == 200
    got = response.json()
    assert "auth_token" not in got and "token_expires_at" not in got
    for key in ("id", "status", "public_host", "preview_url", "resources", "created_at"):
        assert got[key] == sandbox[key]


def test_every_transition_of_the_lifecycle(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    path = f"/v1/sandboxes/{sandbox['id']}"

    for action, status in [
        ("pause", "paused"),
        ("resume", "running"),
        ("pause", "paused"),
        ("stop", "stopped"),
        ("start", "running"),
        ("stop", "stopped"),
    ]:
        response = _go(cp, sandbox, action)
        assert response.status_code == 200, response.text
        assert response.json()["status"] == status
        assert response.json()["id"] == sandbox["id"]
        assert cp.get(path).json()["status"] == status

    deleted = cp.delete(path)
    assert deleted.status_code == 200
    assert deleted.json()["id"] == sandbox["id"]
    assert deleted.json()["status"] == "stopped"
    assert cp.get(path).status_code == 404


def test_pause_freezes_the_agent_until_resume(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    assert _go(cp, sandbox, "pause").status_code == 200

    with sandboxes.agent(sandbox) as agent:
        # The frozen agent cannot answer; the control plane does, at once (see
        # test_paused_agent.py), instead of letting the request hang until resume.
        paused = agent.post("/commands/run", json={"command": "echo thawed"})
        assert (paused.status_code, paused.json()["code"]) == (409, "SANDBOX_PAUSED")
        assert _go(cp, sandbox, "resume").status_code == 200
        assert run(agent, "echo thawed")["stdout"] == "thawed\n"


def test_stop_ends_processes_keeps_files_and_start_reuses_the_port(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        run(agent, "echo kept > /workspace/kept.txt")
        assert agent.post("/commands/background", json={"command": "sleep 1000"}).status_code == 200
        assert "sleep 1000" in run(agent, "ps -ww -eo args")["stdout"]

    assert _go(cp, sandbox, "stop").status_code == 200
    with pytest.raises(httpx.TransportError), sandboxes.agent(sandbox) as agent:
        agent.get("/health")

    started = _go(cp, sandbox, "start")
    assert started.status_code == 200
    assert started.json()["public_host"] == sandbox["public_host"]
    with sandboxes.agent(sandbox) as agent:  # the earlier token is still valid
        assert run(agent, "cat /workspace/kept.txt")["stdout"] == "kept\n"
        assert "sleep 1000" not in run(agent, "ps -ww -eo args")["stdout"]


@pytest.mark.parametrize(
    ("setup", "action", "allowed_from"),
    [
        (["pause"], "start", ["stopped"]),
        (["stop"], "pause", ["running"]),
        (["stop"], "resume", ["paused"]),
    ],
)
def test_invalid_transition_is_409_naming_the_status(
    cp: httpx.Client, sandboxes: Sandboxes, setup: list[str], action: str, allowed_from: list[str]
) -> None:
    sandbox = sandboxes.create()
    for step in setup:
        assert _go(cp, sandbox, step).status_code == 200
    status = cp.get(f"/v1/sandboxes/{sandbox['id']}").json()["status"]

    response = _go(cp, sandbox, action)

    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "conflict"
    assert error["details"] == {"status": status, "allowed_from": allowed_from}
    assert sandbox["id"] in error["message"] and status in error["message"]
    assert cp.get(f"/v1/sandboxes/{sandbox['id']}").json()["status"] == status


@pytest.mark.parametrize(
    ("setup", "action"),
    [([], "resume"), ([], "start"), (["pause"], "pause"), (["stop"], "stop")],
)
def test_a_call_whose_target_status_holds_answers_200_and_changes_nothing(
    cp: httpx.Client, sandboxes: Sandboxes, setup: list[str], action: str
) -> None:
    sandbox = sandboxes.create()
    for step in setup:
        assert _go(cp, sandbox, step).status_code == 200
    before = _as_stored(cp.get(f"/v1/sandboxes/{sandbox['id']}").json())
    agent = httpx.Client(
        base_url=sandbox["public_host"],
        headers={"Authorization": f"Bearer {sandbox['auth_token']}"},
        timeout=30,
    )
    with agent:
        uptime = agent.get("/health").json()["uptime_seconds"] if not setup else None

        response = _go(cp, sandbox, action)

        assert response.status_code == 200, response.text
        assert _as_stored(response.json()) == before
        assert _as_stored(cp.get(f"/v1/sandboxes/{sandbox['id']}").json()) == before
        if uptime is not None:  # the same agent process: not restarted
            assert agent.get("/health").json()["uptime_seconds"] >= uptime


def _as_stored(sandbox: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in sandbox.items() if key != "request_id"}


@pytest.mark.parametrize("setup", [[], ["pause"], ["stop"]])
def test_delete_removes_the_sandbox_in_any_status(
    cp: httpx.Client, sandboxes: Sandboxes, setup: list[str]
) -> None:
    sandbox = sandboxes.create()
    for step in setup:
        assert _go(cp, sandbox, step).status_code == 200

    assert cp.delete(f"/v1/sandboxes/{sandbox['id']}").status_code == 200

    assert cp.get(f"/v1/sandboxes/{sandbox['id']}").status_code == 404
    assert cp.delete(f"/v1/sandboxes/{sandbox['id']}").status_code == 404
    listed = {s["id"] for s in cp.get("/v1/sandboxes").json()["data"]}
    assert sandbox["id"] not in listed
    with pytest.raises(httpx.TransportError), sandboxes.agent(sandbox) as agent:
        agent.get("/health")


def test_token_refresh_issues_a_new_working_token(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()

    before = time.time()
    response = cp.post(f"/v1/sandboxes/{sandbox['id']}/token/refresh")
    after = time.time()

    assert response.status_code == 200
    body = response.json()
    assert body["auth_token"] != sandbox["auth_token"]
    assert _claims(body["auth_token"])["sub"] == sandbox["id"]
    assert before // 1 + 3600 <= _time(body["token_expires_at"]).timestamp() <= after + 3600
    with sandboxes.agent({**sandbox, "auth_token": body["auth_token"]}) as agent:
        assert run(agent, "echo ok")["stdout"] == "ok\n"


def test_agent_refuses_requests_without_a_valid_token(sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    other = sandboxes.create()

    with httpx.Client(base_url=sandbox["public_host"]) as anonymous:
        missing = anonymous.post("/commands/run", json={"command": "true"})
        foreign = anonymous.post(
            "/commands/run",
            json={"command": "true"},
            headers={"Authorization": f"Bearer {other['auth_token']}"},
        )

    assert missing.status_code == 401
    assert foreign.status_code == 401


@pytest.mark.parametrize("template", ["code-interpreter", "base", "desktop"])
def test_every_builtin_template_starts_a_working_sandbox(
    cp: httpx.Client, sandboxes: Sandboxes, template: str
) -> None:
    expected = cp.get(f"/v1/templates/{template}").json()["default_resources"]

    sandbox = sandboxes.create(template_name=template)

    assert sandbox["template_name"] == template
    assert sandbox["resources"] == {
        "vcpu": expected["vcpu"],
        "memory_mb": expected["memory_mb"],
        "disk_mb": expected["disk_gb"] * 1024,
    }
    with sandboxes.agent(sandbox) as agent:
        assert run(agent, "echo works")["stdout"] == "works\n"


def test_concurrent_creates_get_distinct_ports_and_users(sandboxes: Sandboxes) -> None:
    with ThreadPoolExecutor(4) as pool:
        created = list(pool.map(lambda _: sandboxes.create(), range(4)))

    assert len({s["id"] for s in created}) == 4
    assert len({s["public_host"] for s in created}) == 4
    host_uids = set()
    for sandbox in created:
        with sandboxes.agent(sandbox) as agent:
            assert run(agent, "id -u")["stdout"] == "0\n"  # root of its own machine
        host_uids.add(next(iter(host_processes_of(sandbox["id"]).values()))[0])
    assert len(host_uids) == 4 and "0" not in host_uids


def test_python_variables_in_env_vars_reach_code_without_breaking_the_agent(
    sandboxes: Sandboxes,
) -> None:
    sandbox = sandboxes.create(
        env_vars={"PYTHONHOME": "/nonexistent", "PYTHONWARNINGS": "error", "PYTHONPATH": "/w"}
    )

    with sandboxes.agent(sandbox) as agent:
        result = run(agent, 'echo "$PYTHONHOME $PYTHONWARNINGS $PYTHONPATH"')

    home, warnings, path = result["stdout"].split()
    assert (home, warnings) == ("/nonexistent", "error")
    assert path.split(":")[-1] == "/w"
