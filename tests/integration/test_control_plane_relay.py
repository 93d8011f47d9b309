"""The sandbox's agent port (public_host): a byte relay to the agent that HTTP and WebSocket
clients use as if they talked to the agent itself."""

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
