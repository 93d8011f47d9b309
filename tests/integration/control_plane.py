"""Helpers of the control-plane integration tests (raw httpx against a real hopx-local)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_local.launcher import RunningServer


def control_plane_client(server: RunningServer) -> httpx.Client:
    """A client of ``server``'s control plane, with its API key."""
    return httpx.Client(base_url=server.base_url, headers={"X-API-Key": server.api_key}, timeout=60)


class Sandboxes:
    """Creates sandboxes through the API and deletes the ones still there afterwards."""

    def __init__(self, cp: httpx.Client) -> None:
        self.cp = cp
        self.created: list[str] = []

    def create(self, **fields: Any) -> dict[str, Any]:
        """POST /v1/sandboxes (default: base template, no internet); None drops a field."""
        fields.setdefault("template_name", "base")
        fields.setdefault("internet_access", False)
        body = {key: value for key, value in fields.items() if value is not None}
        response = self.cp.post("/v1/sandboxes", json=body)
        assert response.status_code == 201, response.text
        sandbox: dict[str, Any] = response.json()
        self.created.append(sandbox["id"])
        return sandbox

    def agent(self, sandbox: dict[str, Any]) -> httpx.Client:
        """A client of the sandbox's agent, authenticated with its token."""
        return httpx.Client(
            base_url=sandbox["public_host"],
            headers={"Authorization": f"Bearer {sandbox['auth_token']}"},
            timeout=60,
        )

    def cleanup(self) -> None:
        for sandbox_id in self.created:
            self.cp.delete(f"/v1/sandboxes/{sandbox_id}")


def run(agent: httpx.Client, command: str, **extra: Any) -> dict[str, Any]:
    """Run a shell command through the agent; the CommandResponse."""
    response = agent.post("/commands/run", json={"command": command, **extra})
    assert response.status_code == 200, response.text
    result: dict[str, Any] = response.json()
    return result


def wait_for(condition: Callable[[], Any], *, timeout: float, what: str) -> Any:
    """Poll ``condition`` until it returns something truthy; fail after ``timeout`` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.05)


def error_of(response: httpx.Response) -> dict[str, Any]:
    """The ``error`` object of a control-plane error answer, checking the envelope."""
    body = response.json()
    error: dict[str, Any] = body["error"]
    assert set(error) >= {"message", "code", "request_id", "details"}, body
    assert response.headers["x-request-id"] == error["request_id"]
    return error


def host_processes_of(sandbox_id: str) -> dict[int, list[str]]:
    """Host pids in the sandbox's cgroups, with their real/effective/saved/fs uids."""
    found = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            cgroups = Path(f"/proc/{entry}/cgroup").read_text()
            status = Path(f"/proc/{entry}/status").read_text()
        except OSError:
            continue
        if f"/{sandbox_id}\n" in cgroups:
            uids = next(line for line in status.splitlines() if line.startswith("Uid:"))
            found[int(entry)] = uids.split()[1:]
    return found
