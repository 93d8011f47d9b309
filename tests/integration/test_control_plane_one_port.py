"""``--one-port``: every sandbox's agent through the control plane's own port.

``public_host`` is ``<base_url>/agent/<id>``; the SDK uses it unchanged for plain calls,
streams and the terminal's WebSocket; preview URLs keep working; a paused sandbox answers 409
through the route instead of hanging; the agent still checks its own token.
"""

from __future__ import annotations

import asyncio
import contextlib
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hopx_ai import NotFoundError, Sandbox
from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.conftest import _host_skip_reason
from tests.integration.control_plane import Sandboxes, control_plane_client, run

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def one_port_server() -> Iterator[RunningServer]:
    reason = _host_skip_reason()
    if reason:
        pytest.skip(reason)
    with tempfile.TemporaryDirectory(prefix="hopx-one-port-") as scratch:
        server = launcher.start(Path(scratch), extra_args=["--one-port", "--warm-pool", "0"])
        try:
            yield server
        finally:
            launcher.stop(server.process)


@pytest.fixture
def cp1(one_port_server: RunningServer) -> Iterator[httpx.Client]:
    with control_plane_client(one_port_server) as client:
        yield client


def test_public_host_is_the_control_planes_port_and_serves_the_agent(
    one_port_server: RunningServer, cp1: httpx.Client
) -> None:
    sandboxes = Sandboxes(cp1)
    try:
        sandbox = sandboxes.create()
        assert sandbox["public_host"] == f"{one_port_server.base_url}/agent/{sandbox['id']}"
        assert sandbox["node_id"] == "local"
        with sandboxes.agent(sandbox) as agent:
            assert run(agent, "echo through one port")["stdout"] == "through one port\n"
            # Without the sandbox's token the agent itself refuses (no API key reaches it).
            anonymous = httpx.post(
                f"{sandbox['public_host']}/commands/run",
                json={"command": "true"},
                headers={"X-API-Key": one_port_server.api_key},
                timeout=30,
            )
            assert anonymous.status_code == 401, anonymous.text

            assert cp1.post(f"/v1/sandboxes/{sandbox['id']}/pause").status_code == 200
            paused = agent.post("/commands/run", json={"command": "true"})
            assert paused.status_code == 409, paused.text
            assert paused.json()["error"]["details"]["status"] == "paused"
            assert cp1.post(f"/v1/sandboxes/{sandbox['id']}/resume").status_code == 200
            assert run(agent, "echo back")["stdout"] == "back\n"
    finally:
        sandboxes.cleanup()
    gone = httpx.get(f"{sandbox['public_host']}/health", timeout=30)
    assert gone.status_code == 404, gone.text


def test_sdk_runs_code_streams_files_and_terminal_through_one_port(
    one_port_server: RunningServer,
) -> None:
    sandbox = Sandbox.create(
        template="code-interpreter",
        api_key=one_port_server.api_key,
        base_url=one_port_server.base_url,
    )
    try:
        assert sandbox.run_code("print(6 * 7)").stdout == "42\n"
        sandbox.files.write("/workspace/one-port.txt", "one port")
        assert sandbox.files.read("/workspace/one-port.txt") == "one port"
        streamed = ""
        for event in sandbox.run_code_stream("print('streamed')"):
            if event.type == "stdout":
                streamed += event.data
            if event.type == "complete":
                break
        assert streamed == "streamed\n"

        seen = asyncio.run(_terminal_echo(sandbox))
        assert any(line.strip() == "42" for line in seen.splitlines()), seen

        # A preview URL still reaches a port inside the sandbox.
        sandbox.commands.run(
            "cd /tmp && echo preview-ok > index.html && "
            "(python3 -m http.server 8080 --bind 127.0.0.1 >/dev/null 2>&1 &)"
        )
        url = sandbox.get_preview_url(8080)
        body = ""
        for _ in range(100):
            with contextlib.suppress(httpx.HTTPError):
                answer = httpx.get(url + "index.html", timeout=5)
                if answer.status_code == 200:
                    body = answer.text
                    break
            time.sleep(0.05)
        assert body == "preview-ok\n"
    finally:
        with contextlib.suppress(NotFoundError):
            sandbox.kill()


async def _terminal_echo(sandbox: Sandbox) -> str:
    """What the terminal (a WebSocket of the agent) prints for ``echo $((6 * 7))``."""
    ws = await sandbox.terminal.connect()
    seen = ""
    try:
        await sandbox.terminal.send_input(ws, "echo $((6 * 7))\n")
        async for message in sandbox.terminal.iter_output(ws):
            seen += message.get("data") or ""
            if any(line.strip() == "42" for line in seen.splitlines()):
                break
    finally:
        await ws.close()
    return seen


DOMAIN = "sandboxes.test"


@pytest.fixture(scope="module")
def host_routed_server() -> Iterator[RunningServer]:
    reason = _host_skip_reason()
    if reason:
        pytest.skip(reason)
    with tempfile.TemporaryDirectory(prefix="hopx-hosts-") as scratch:
        server = launcher.start(
            Path(scratch), extra_args=["--public-domain", DOMAIN, "--warm-pool", "0"]
        )
        try:
            yield server
        finally:
            launcher.stop(server.process)


def test_sandboxes_by_host_name_as_the_public_service_names_them(
    host_routed_server: RunningServer,
) -> None:
    server = host_routed_server
    port = httpx.URL(server.base_url).port
    with control_plane_client(server) as cp:
        sandboxes = Sandboxes(cp)
        try:
            sandbox = sandboxes.create()
            sandbox_id = sandbox["id"]
            assert sandbox["public_host"] == f"http://7777-{sandbox_id}.{DOMAIN}:{port}"
            assert sandbox["preview_url"] == f"http://{{port}}-{sandbox_id}.{DOMAIN}:{port}/"
            # The host names need a wildcard DNS entry; here the Host header stands in for it.
            token = {"Authorization": f"Bearer {sandbox['auth_token']}"}
            with httpx.Client(base_url=server.base_url, timeout=30) as direct:
                agent_host = {"Host": f"7777-{sandbox_id}.{DOMAIN}:{port}", **token}
                answered = direct.post(
                    "/commands/run",
                    json={
                        "command": "cd /tmp && echo by-host > index.html && "
                        "(python3 -m http.server 8080 --bind 127.0.0.1 >/dev/null 2>&1 &) && "
                        "echo started"
                    },
                    headers=agent_host,
                )
                assert answered.status_code == 200, answered.text
                assert answered.json()["stdout"] == "started\n"

                preview_host = {"Host": f"8080-{sandbox_id}.{DOMAIN}:{port}"}
                body = None
                for _ in range(100):
                    with contextlib.suppress(httpx.HTTPError):
                        page = direct.get("/index.html", headers=preview_host)
                        if page.status_code == 200:
                            body = page.text
                            break
                    time.sleep(0.05)
                assert body == "by-host\n"
                # Any other host name is the control plane's API, as before.
                assert cp.get(f"/v1/sandboxes/{sandbox_id}").status_code == 200
        finally:
            sandboxes.cleanup()
