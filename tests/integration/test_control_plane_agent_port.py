"""The sandbox's agent port (public_host): bound by the control plane on the host's loopback and
served by the agent itself, for HTTP and WebSocket clients alike."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from tests.integration.control_plane import Sandboxes, run

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def sandbox(cp: httpx.Client) -> Iterator[dict[str, Any]]:
    sandboxes = Sandboxes(cp)
    try:
        yield sandboxes.create()
    finally:
        sandboxes.cleanup()


@pytest.fixture
def agent(cp: httpx.Client, sandbox: dict[str, Any]) -> Iterator[httpx.Client]:
    with Sandboxes(cp).agent(sandbox) as client:
        yield client


def test_one_connection_carries_many_requests(agent: httpx.Client) -> None:
    local_ports: set[int] = set()

    def remember(name: str, info: dict[str, Any]) -> None:
        if name == "connection.connect_tcp.complete":
            local_ports.add(info["return_value"].get_extra_info("socket").getsockname()[1])

    for _ in range(5):
        assert agent.get("/health", extensions={"trace": remember}).status_code == 200

    assert len(local_ports) == 1


def test_websocket_upgrade_passes_through(sandbox: dict[str, Any]) -> None:
    url = sandbox["public_host"].replace("http://", "ws://") + "/commands/stream"
    headers = {"Authorization": f"Bearer {sandbox['auth_token']}"}
    frames: list[dict[str, Any]] = []

    with connect(url, additional_headers=headers, open_timeout=30) as websocket:
        websocket.send(json.dumps({"type": "command", "command": "echo streamed"}))
        while not frames or frames[-1]["type"] != "complete":
            frames.append(json.loads(websocket.recv(timeout=30)))

    stdout = "".join(frame["data"] for frame in frames if frame["type"] == "stdout")
    assert stdout == "streamed\n"


def test_large_bodies_pass_both_ways_unchanged(agent: httpx.Client) -> None:
    payload = os.urandom(8 * 1024 * 1024)
    uploaded = agent.post(
        "/files/upload",
        data={"path": "/workspace/big.bin"},
        files={"file": ("big.bin", payload, "application/octet-stream")},
    )
    assert uploaded.status_code == 200, uploaded.text

    downloaded = agent.get("/files/download", params={"path": "/workspace/big.bin"})

    assert downloaded.status_code == 200
    assert downloaded.content == payload


def test_concurrent_connections_are_independent(
    sandbox: dict[str, Any], sandboxes: Sandboxes
) -> None:
    def echo(n: int) -> str:
        with sandboxes.agent(sandbox) as client:
            return str(run(client, f"echo {n}")["stdout"])

    with ThreadPoolExecutor(8) as pool:
        outputs = list(pool.map(echo, range(16)))

    assert outputs == [f"{n}\n" for n in range(16)]


def test_sandboxed_code_holds_no_socket_of_the_port(agent: httpx.Client) -> None:
    # The agent serves the host's loopback port from a listening socket it inherited; what
    # it runs must not inherit it too (it could take this sandbox's connections).
    listed = run(agent, "ls -l /proc/self/fd/")

    assert listed["exit_code"] == 0
    assert "socket:" not in listed["stdout"]


def test_a_stopped_sandbox_port_refuses_and_comes_back_on_start(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    sandbox = sandboxes.create(template_name="base")
    host = sandbox["public_host"]
    assert cp.post(f"/v1/sandboxes/{sandbox['id']}/stop").status_code == 200

    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{host}/health", timeout=10)

    started = cp.post(f"/v1/sandboxes/{sandbox['id']}/start")
    assert started.status_code == 200
    with sandboxes.agent(started.json() | {"auth_token": sandbox["auth_token"]}) as client:
        assert run(client, "echo back")["stdout"] == "back\n"
