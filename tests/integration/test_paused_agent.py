"""A paused sandbox's agent port answers 409 SANDBOX_PAUSED at once (its agent is frozen),
serves again after resume, and refuses connections once the sandbox is stopped."""

from __future__ import annotations

import time

import httpx
import pytest

from tests.integration.control_plane import Sandboxes, run

pytestmark = pytest.mark.integration


def test_a_paused_agent_answers_409_fast_and_serves_after_resume(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        assert run(agent, "echo before")["stdout"] == "before\n"
        assert cp.post(f"/v1/sandboxes/{sandbox['id']}/pause").status_code == 200
        for _ in range(3):
            started = time.monotonic()
            response = agent.post("/commands/run", json={"command": "echo during"}, timeout=10)
            assert time.monotonic() - started < 3.0
            assert response.status_code == 409, response.text
            body = response.json()
            assert body["code"] == "SANDBOX_PAUSED"
            assert body["path"] == "/commands/run"
            assert response.headers["x-request-id"] == body["request_id"]
            assert "resume" in body["error"].lower()
        assert cp.post(f"/v1/sandboxes/{sandbox['id']}/resume").status_code == 200
        assert run(agent, "echo after")["stdout"] == "after\n"

        assert cp.post(f"/v1/sandboxes/{sandbox['id']}/pause").status_code == 200
        assert cp.post(f"/v1/sandboxes/{sandbox['id']}/stop").status_code == 200
        started = time.monotonic()
        with pytest.raises(httpx.ConnectError):
            agent.get("/health", timeout=10)
        assert time.monotonic() - started < 3.0
