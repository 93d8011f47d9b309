"""The VNC port of a desktop sandbox: a host loopback port relayed to the VNC server's unix
socket in the sandbox, announced to the agent in run/vnc-endpoint.json; stop and delete close
it. The template also gives its sandboxes DISPLAY=:1 and the host's font cache.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from hopx_local.agent.desktop import missing_dependencies
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, run

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

HOST_FONT_CACHE = Path("/var/cache/fontconfig")


@pytest.fixture(autouse=True)
def _desktop_installed() -> None:
    missing = missing_dependencies()
    if missing:
        pytest.skip("desktop packages missing: apt-get install " + " ".join(missing))


def _start_vnc(agent: httpx.Client) -> dict[str, Any]:
    response = agent.post("/desktop/vnc/start", json={"password": "relaypw1"})
    assert response.status_code == 200, response.text
    info: dict[str, Any] = response.json()
    return info


def _rfb_banner(port: int) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as viewer:
        viewer.settimeout(10)
        return viewer.recv(12)


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=5).close()
    except ConnectionRefusedError:
        return True
    return False


def test_desktop_sandbox_vnc_port_follows_its_lifecycle(
    cp: httpx.Client, sandboxes: Sandboxes, hopx_server: RunningServer, tmp_path: Path
) -> None:
    sandbox = sandboxes.create(template_name="desktop")
    run_dir = hopx_server.data_dir / "sandboxes" / sandbox["id"] / "run"
    endpoint = json.loads((run_dir / "vnc-endpoint.json").read_text())
    assert endpoint["host"] == "127.0.0.1"
    port = endpoint["port"]
    assert port != int(sandbox["public_host"].rsplit(":", 1)[1])

    with sandboxes.agent(sandbox) as agent:
        assert run(agent, 'echo "$DISPLAY"')["stdout"] == ":1\n"  # from the template
        if any(HOST_FONT_CACHE.glob("*.cache-*")):  # shared, so X programs start at once
            assert run(agent, f"ls {HOST_FONT_CACHE}")["stdout"].strip()
        # Before VNC starts nothing listens behind the port: the connection just closes.
        assert _rfb_banner(port) == b""
        info = _start_vnc(agent)
        assert (info["url"], info["port"]) == (f"vnc://127.0.0.1:{port}", port)
        assert _rfb_banner(port).startswith(b"RFB 003.")
        # Sandboxed code swaps the endpoint file for a symlink to a host file.
        victim = tmp_path / "victim.txt"
        victim.write_text("untouched")
        swapped = run(agent, f"ln -sfn {victim} /run/hopx/vnc-endpoint.json && echo swapped")
        assert swapped["stdout"] == "swapped\n"

    assert cp.post(f"/v1/sandboxes/{sandbox['id']}/stop").status_code == 200
    assert _refused(port)

    assert cp.post(f"/v1/sandboxes/{sandbox['id']}/start").status_code == 200
    assert victim.read_text() == "untouched"
    endpoint_file = run_dir / "vnc-endpoint.json"
    assert not endpoint_file.is_symlink()
    restarted_port = json.loads(endpoint_file.read_text())["port"]
    with sandboxes.agent(sandbox) as agent:
        assert _start_vnc(agent)["port"] == restarted_port
        assert _rfb_banner(restarted_port).startswith(b"RFB 003.")

    assert cp.delete(f"/v1/sandboxes/{sandbox['id']}").status_code == 200
    assert _refused(restarted_port)


def test_browsers_reach_the_vnc_server_through_its_websocket_url(
    sandboxes: Sandboxes, hopx_server: RunningServer
) -> None:
    sandbox = sandboxes.create(template_name="desktop")
    bridge = f"{hopx_server.base_url.replace('http://', 'ws://')}/vnc/{sandbox['id']}/websockify"
    # Before VNC starts there is nothing to bridge to: the upgrade is refused, with a reason.
    with pytest.raises(InvalidStatus) as refused:
        connect(bridge, open_timeout=20)
    assert refused.value.response.status_code == 502
    assert b"/desktop/vnc/start" in refused.value.response.body

    with sandboxes.agent(sandbox) as agent:
        info = _start_vnc(agent)
        assert agent.get("/desktop/vnc/status").json()["websocket_url"] == bridge
    assert info["websocket_url"] == bridge

    # noVNC asks for the "binary" subprotocol; RFB flows both ways as binary messages.
    with connect(bridge, subprotocols=["binary"], open_timeout=20) as browser:  # type: ignore[list-item]
        assert browser.subprotocol == "binary"
        banner = browser.recv(timeout=10)
        assert isinstance(banner, bytes) and banner.startswith(b"RFB 003.")
        browser.send(banner[:12])  # answer with the same protocol version
        security_types = browser.recv(timeout=10)
        assert isinstance(security_types, bytes) and 2 in security_types[1:]  # VNC password auth


def test_other_templates_get_neither_a_vnc_port_nor_a_display(
    sandboxes: Sandboxes, hopx_server: RunningServer
) -> None:
    sandbox = sandboxes.create(template_name="base")
    run_dir = hopx_server.data_dir / "sandboxes" / sandbox["id"] / "run"
    assert not (run_dir / "vnc-endpoint.json").exists()
    with sandboxes.agent(sandbox) as agent:
        assert run(agent, 'echo "${DISPLAY-unset}"')["stdout"] == "unset\n"
