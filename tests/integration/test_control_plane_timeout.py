"""timeout_seconds: the control plane deletes a sandbox when it is due; set_timeout moves it."""

from __future__ import annotations

import time
from datetime import datetime

import httpx
import pytest

from tests.integration.control_plane import Sandboxes, wait_for

pytestmark = pytest.mark.integration


def _time(value: object) -> float:
    assert isinstance(value, str) and value.endswith("Z"), value
    return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()


def _expires(sandbox: dict[str, object]) -> float:
    return _time(sandbox["expires_at"])


def test_sandbox_is_deleted_when_its_timeout_passes(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create(timeout_seconds=1)

    assert sandbox["timeout_seconds"] == 1
    assert _expires(sandbox) == _time(sandbox["created_at"]) + 1
    wait_for(
        lambda: cp.get(f"/v1/sandboxes/{sandbox['id']}").status_code == 404,
        timeout=15,
        what="the expired sandbox to be deleted",
    )
    with pytest.raises(httpx.TransportError), sandboxes.agent(sandbox) as agent:
        agent.get("/health")


def test_paused_sandbox_expires_too(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create(timeout_seconds=1)
    cp.post(f"/v1/sandboxes/{sandbox['id']}/pause")

    wait_for(
        lambda: cp.get(f"/v1/sandboxes/{sandbox['id']}").status_code == 404,
        timeout=15,
        what="the expired paused sandbox to be deleted",
    )


def test_set_timeout_sets_a_deadline_that_is_enforced(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    sandbox = sandboxes.create()
    assert sandbox["expires_at"] is None

    before = time.time()
    response = cp.put(f"/v1/sandboxes/{sandbox['id']}/timeout", json={"timeout_seconds": 1})
    after = time.time()

    assert response.status_code == 200
    assert response.json()["timeout_seconds"] == 1
    assert before // 1 + 1 <= _expires(response.json()) <= after + 1
    wait_for(
        lambda: cp.get(f"/v1/sandboxes/{sandbox['id']}").status_code == 404,
        timeout=15,
        what="the sandbox to be deleted at its new deadline",
    )


def test_set_timeout_postpones_an_earlier_deadline(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    path = f"/v1/sandboxes/{sandbox['id']}/timeout"
    first = cp.put(path, json={"timeout_seconds": 2})

    before = time.time()
    response = cp.put(path, json={"timeout_seconds": 3600})
    after = time.time()

    assert response.status_code == 200
    assert before // 1 + 3600 <= _expires(response.json()) <= after + 3600
    while time.time() < _expires(first.json()) + 1.5:  # past the first deadline
        time.sleep(0.1)
    current = cp.get(f"/v1/sandboxes/{sandbox['id']}")
    assert current.status_code == 200
    assert current.json()["status"] == "running"
    assert current.json()["timeout_seconds"] == 3600
