"""Egress policy through the API (hopx-local extension): create, update, get_info, 400s, start.

The destination is a test host in a network namespace this test creates (see
tests/runtime/netns_hosts.py); nothing leaves the machine.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_ai import Sandbox, ValidationError
from hopx_local import launcher
from hopx_local.control import store as store_module
from hopx_local.control.store import Store
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, control_plane_client, error_of, run
from tests.runtime.netns_hosts import NetnsHost, netns_host

pytestmark = pytest.mark.integration

PORT = 8082
CONNECT = (
    '/usr/bin/python3 -c "import socket, sys\n'
    "try:\n"
    "    c = socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=5)\n"
    "    c.sendall(b'hi'); print(c.recv(100).decode())\n"
    "except OSError as e:\n"
    "    print(type(e).__name__)\n"
    '" {host} {port}'
)


@pytest.fixture
def host(hopx_server: RunningServer) -> Iterator[NetnsHost]:
    with netns_host() as test_host:
        test_host.echo_server("0.0.0.0", PORT)
        yield test_host


def connect_from(sandboxes: Sandboxes, sandbox: dict[str, Any], address: str) -> str:
    with sandboxes.agent(sandbox) as agent:
        result = run(agent, CONNECT.format(host=address, port=PORT), timeout=20)
    output: str = result["stdout"].strip()
    return output


def test_create_update_and_start_apply_the_policy(
    host: NetnsHost, sandboxes: Sandboxes, cp: httpx.Client
) -> None:
    allowed = {"allow_out": [f"{host.address}/32"], "deny_out": []}
    sandbox = sandboxes.create(internet_access=True, network=allowed)
    assert sandbox["network"] == allowed
    assert connect_from(sandboxes, sandbox, host.address) == "echo:hi"

    updated = cp.put(f"/v1/sandboxes/{sandbox['id']}/network", json={})
    assert updated.status_code == 200, updated.text
    assert updated.json()["network"] == {"allow_out": [], "deny_out": []}
    assert connect_from(sandboxes, sandbox, host.address) == "ConnectionRefusedError"

    # Stored: a stopped sandbox gets it at its next start.
    assert cp.post(f"/v1/sandboxes/{sandbox['id']}/stop").status_code == 200
    cp.put(f"/v1/sandboxes/{sandbox['id']}/network", json=allowed).raise_for_status()
    started = cp.post(f"/v1/sandboxes/{sandbox['id']}/start")
    assert started.status_code == 200, started.text
    assert cp.get(f"/v1/sandboxes/{sandbox['id']}").json()["network"] == allowed
    assert connect_from(sandboxes, {**sandbox, **started.json()}, host.address) == "echo:hi"


def test_the_policy_survives_a_restart_and_holds_after_the_start(
    host: NetnsHost, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data_dir = tmp_path_factory.mktemp("network-restart")
    allowed = {"allow_out": [f"{host.address}/32"], "deny_out": ["198.51.100.0/24"]}
    first = launcher.start(data_dir)
    try:
        with control_plane_client(first) as cp:
            sandbox = Sandboxes(cp).create(internet_access=True, network=allowed)
    finally:
        launcher.stop(first.process)
    second = launcher.start(data_dir)
    try:
        with control_plane_client(second) as cp:
            sandboxes = Sandboxes(cp)
            sandboxes.created.append(sandbox["id"])
            assert cp.get(f"/v1/sandboxes/{sandbox['id']}").json()["network"] == allowed
            started = cp.post(f"/v1/sandboxes/{sandbox['id']}/start")
            assert started.status_code == 200, started.text
            token = cp.post(f"/v1/sandboxes/{sandbox['id']}/token/refresh").json()["auth_token"]
            revived = {**started.json(), "auth_token": token}
            assert connect_from(sandboxes, revived, host.address) == "echo:hi"
            cp.put(f"/v1/sandboxes/{sandbox['id']}/network", json={}).raise_for_status()
            assert connect_from(sandboxes, revived, host.address) == "ConnectionRefusedError"
            sandboxes.cleanup()
    finally:
        launcher.stop(second.process)


@pytest.mark.parametrize(
    ("network", "field", "fragment"),
    [
        ({"allow_out": ["10.0.0.1/8"]}, "network.allow_out.0", "did you mean 10.0.0.0/8"),
        ({"deny_out": ["ok.test", "a..b"]}, "network.deny_out.1", "not a valid domain"),
        ({"allow_out": "example.com"}, "network.allow_out", ""),
        ({"allow_out": ["ok.test", "under_score"]}, "network.allow_out.1", ""),
    ],
)
def test_bad_entries_get_a_400_naming_them(
    cp: httpx.Client, network: dict[str, Any], field: str, fragment: str
) -> None:
    response = cp.post("/v1/sandboxes", json={"template_name": "base", "network": network})
    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["details"]["field"] == field
    assert fragment in error["message"]


def test_update_rejects_a_bad_entry_and_keeps_the_policy(
    sandboxes: Sandboxes, cp: httpx.Client
) -> None:
    sandbox = sandboxes.create(network={"allow_out": ["example.com"]})
    response = cp.put(
        f"/v1/sandboxes/{sandbox['id']}/network", json={"allow_out": ["*.ok.test", "a.*.test"]}
    )
    assert response.status_code == 400
    assert error_of(response)["details"]["field"] == "allow_out.1"
    current = cp.get(f"/v1/sandboxes/{sandbox['id']}").json()["network"]
    assert current == {"allow_out": ["example.com"], "deny_out": []}
    assert cp.put("/v1/sandboxes/sbx_missing/network", json={}).status_code == 404


def test_the_sdk_creates_and_updates_the_policy(hopx_server: RunningServer) -> None:
    credentials = {"api_key": hopx_server.api_key, "base_url": hopx_server.base_url}
    with Sandbox.create(
        "base", internet_access=False, network={"deny_out": ["203.0.113.0/24"]}, **credentials
    ) as sandbox:
        assert sandbox.get_info()["network"] == {"allow_out": [], "deny_out": ["203.0.113.0/24"]}
        sandbox.update_network(allow_out=["*.example.com"])
        assert sandbox.get_info()["network"] == {"allow_out": ["*.example.com"], "deny_out": []}
        with pytest.raises(ValidationError):
            sandbox.update_network(allow_out=["not a name"])


def test_an_old_database_gets_the_network_column(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    added = ",\n    node_id TEXT NOT NULL DEFAULT 'local',\n    network TEXT"
    version_1 = store_module._SCHEMA.replace(added, "")
    assert "network" not in version_1 and "node_id" not in version_1
    old = sqlite3.connect(path)
    old.executescript(version_1)
    old.execute(
        "INSERT INTO sandboxes VALUES ('sbx_old', '1', 'base', 'stopped', 'local', 200123, "
        "41000, x'00', '{}', 1, 1, 512, 1024, 64, 'base', NULL, NULL, 1, NULL)"
    )
    old.commit()
    old.close()
    store = Store(path)
    try:
        record = store.sandbox("sbx_old")
        assert record is not None and record.network is None  # the default policy
        record.network = {"allow_out": ["example.com"], "deny_out": []}
        store.update_sandbox(record)
        assert store.sandbox("sbx_old") == record
    finally:
        store.close()
