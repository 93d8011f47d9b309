"""What sandboxed code can and cannot do, seen through the agent of a real sandbox."""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, host_processes_of, run

pytestmark = pytest.mark.integration

CONNECT = (
    '/usr/bin/python3 -c "import socket,sys; '
    "socket.create_connection((sys.argv[1], int(sys.argv[2])), timeout=3); print('connected')\""
)


@pytest.fixture(scope="module")
def sandbox(cp: httpx.Client) -> Iterator[dict[str, Any]]:
    """One sandbox without internet, with environment variables, shared by the module."""
    sandboxes = Sandboxes(cp)
    try:
        yield sandboxes.create(env_vars={"APP_MODE": "test", "GREETING": "hello world"})
    finally:
        sandboxes.cleanup()


@pytest.fixture(scope="module")
def agent(sandbox: dict[str, Any], cp: httpx.Client) -> Iterator[httpx.Client]:
    with Sandboxes(cp).agent(sandbox) as client:
        yield client


@pytest.fixture(scope="module")
def host_server() -> Iterator[int]:
    """A TCP server on the host's 127.0.0.1 that answers anyone who connects."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            connection.sendall(b"host secret\n")
            connection.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield listener.getsockname()[1]
    finally:
        stop.set()
        thread.join()
        listener.close()


def test_code_runs_as_root_inside_and_as_an_unprivileged_uid_on_the_host(
    agent: httpx.Client, sandbox: dict[str, Any]
) -> None:
    uid = int(run(agent, "id -u")["stdout"])
    status = run(agent, "cat /proc/self/status")["stdout"]

    assert uid == 0
    capabilities = dict(line.split(":\t") for line in status.splitlines() if line.startswith("Cap"))
    assert not int(capabilities["CapEff"], 16) & (1 << 21)  # CAP_SYS_ADMIN
    assert not int(capabilities["CapEff"], 16) & (1 << 12)  # CAP_NET_ADMIN
    assert "NoNewPrivs:\t1" in status
    on_host = host_processes_of(sandbox["id"])
    assert len(on_host) >= 3  # bwrap, its pid 1, the agent
    own_userns = os.readlink("/proc/self/ns/user")
    for pid, host_uids in on_host.items():
        assert "0" not in host_uids, pid
        assert os.readlink(f"/proc/{pid}/ns/user") != own_userns, pid


def test_env_vars_from_create_are_visible_to_code(agent: httpx.Client) -> None:
    result = run(agent, 'echo "$APP_MODE|$GREETING"')

    assert result["stdout"] == "test|hello world\n"


def test_host_files_outside_the_mounts_are_invisible(
    agent: httpx.Client, hopx_server: RunningServer, tmp_path: Path
) -> None:
    secret = tmp_path / "host-secret.txt"
    secret.write_text("top secret")
    secret.chmod(0o644)
    state = hopx_server.data_dir / "state.sqlite3"
    assert state.exists()

    for path in (secret, state, Path("/root/.pyenv"), Path("/proc/1/root/etc/shadow")):
        result = run(agent, f"cat {path} 2>&1; ls {path} 2>&1")
        assert result["exit_code"] != 0
        assert "top secret" not in result["stdout"]


def test_shadow_file_is_not_readable(agent: httpx.Client) -> None:
    result = run(agent, "cat /etc/shadow")

    assert result["exit_code"] != 0


@pytest.mark.parametrize("path", ["/usr/local/hopx-probe", "/etc/hopx-probe", "/opt/hopx-probe"])
def test_system_directories_are_the_sandbox_own_to_write(agent: httpx.Client, path: str) -> None:
    result = run(agent, f"echo probe > {path} && cat {path}")

    assert result["stdout"] == "probe\n"
    assert not Path(path).exists()  # the host's are untouched


@pytest.mark.parametrize("path", ["/.hopx/src/probe", "/.hopx/site-packages/probe"])
def test_the_agent_code_is_read_only(agent: httpx.Client, path: str) -> None:
    result = run(agent, f"touch {path}")

    assert result["exit_code"] != 0


def test_workspace_and_tmp_are_writable(agent: httpx.Client) -> None:
    result = run(
        agent, "echo w > /workspace/w.txt && echo t > /tmp/t.txt && cat /workspace/w.txt /tmp/t.txt"
    )

    assert result["stdout"] == "w\nt\n"


def test_host_processes_are_invisible(agent: httpx.Client) -> None:
    listing = run(agent, "ps -ww -eo pid,args")["stdout"]

    assert "pytest" not in listing
    assert "hopx-local" not in listing and "hopx_local.cli" not in listing
    assert len(listing.splitlines()) < 20
    assert str(os.getpid()) not in listing.split()


def test_host_loopback_server_is_unreachable_without_internet(
    agent: httpx.Client, host_server: int
) -> None:
    with socket.create_connection(("127.0.0.1", host_server)) as probe:  # reachable from the host
        assert probe.recv(64) == b"host secret\n"

    result = run(agent, f"{CONNECT} 127.0.0.1 {host_server}")

    assert result["exit_code"] != 0
    assert "connected" not in result["stdout"]


def test_no_network_interface_but_loopback_without_internet(agent: httpx.Client) -> None:
    interfaces = [
        line.split(":")[0].strip()
        for line in run(agent, "cat /proc/net/dev")["stdout"].splitlines()[2:]
    ]

    assert interfaces == ["lo"]


def test_host_loopback_server_is_unreachable_with_internet(
    sandboxes: Sandboxes, host_server: int
) -> None:
    sandbox = sandboxes.create(internet_access=True)

    with sandboxes.agent(sandbox) as agent:
        results = [
            run(agent, f"{CONNECT} {address} {host_server}")
            for address in ("127.0.0.1", "10.0.2.2")
        ]

    for result in results:
        assert result["exit_code"] != 0
        assert "connected" not in result["stdout"]


def test_sandboxes_cannot_see_each_other(
    agent: httpx.Client, sandbox: dict[str, Any], sandboxes: Sandboxes
) -> None:
    run(agent, "echo mine > /workspace/private.txt")
    assert agent.post("/commands/background", json={"command": "sleep 300"}).status_code == 200
    other = sandboxes.create()

    with sandboxes.agent(other) as other_agent:
        files = run(other_agent, "ls /workspace")["stdout"]
        processes = run(other_agent, "ps -ww -eo args")["stdout"]

    assert "private.txt" not in files
    assert "sleep 300" not in processes
    # Both are root inside; on the host they are different unprivileged uids.
    mine = {uid for uids in host_processes_of(sandbox["id"]).values() for uid in uids}
    theirs = {uid for uids in host_processes_of(other["id"]).values() for uid in uids}
    assert mine and theirs and not mine & theirs


def test_agent_socket_swapped_for_a_symlink_does_not_lead_to_the_host(
    sandboxes: Sandboxes, tmp_path: Path
) -> None:
    host_socket = tmp_path / "host.sock"
    listener = socket.socket(socket.AF_UNIX)
    listener.bind(str(host_socket))
    listener.listen(4)
    listener.settimeout(0.5)
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        swapped = run(agent, f"ln -sfn {host_socket} /run/hopx/agent.sock && echo swapped")
    assert swapped["stdout"] == "swapped\n"

    port = int(sandbox["public_host"].rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as client:
        client.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        answer = client.recv(64)
    # The port is the agent's own listening socket: no path is followed to reach it.
    assert answer.startswith(b"HTTP/1.1 200")
    with pytest.raises(TimeoutError):
        listener.accept()
    listener.close()
