"""A sandbox is a machine of its own: root inside, a writable system that stays its own.

apt and pip talk to the package registries these machines reach (Debian's mirror, PyPI);
the tests that need them skip, saying so, only when the registry cannot be reached at all.
"""

from __future__ import annotations

import shutil
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, control_plane_client, run

pytestmark = pytest.mark.integration

SYSTEM_WRITES = {
    "/usr/local/bin/hopx-mark": "usr-local",
    "/etc/hopx-mark.conf": "etc",
    "/opt/tool/mark": "opt",
    "/root/.hopx-mark": "root-home",
}
WRITE_ALL = " && ".join(
    f"mkdir -p {Path(path).parent} && echo {text} > {path}" for path, text in SYSTEM_WRITES.items()
)
READ_ALL = " ; ".join(f"cat {path} 2>&1" for path in SYSTEM_WRITES)
EXPECTED = "".join(f"{text}\n" for text in SYSTEM_WRITES.values())


def _reachable(host: str, port: int) -> bool:
    try:
        socket.create_connection((host, port), timeout=5).close()
        return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def online(cp: httpx.Client) -> Iterator[tuple[Sandboxes, dict[str, Any]]]:
    """A code-interpreter sandbox with internet access, shared by the installing tests."""
    sandboxes = Sandboxes(cp)
    try:
        yield sandboxes, sandboxes.create(template_name="code-interpreter", internet_access=True)
    finally:
        sandboxes.cleanup()


def test_system_writes_stay_in_the_sandbox_and_survive_pause_and_stop(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    sandbox = sandboxes.create()
    other = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        assert run(agent, WRITE_ALL)["exit_code"] == 0
        assert run(agent, READ_ALL)["stdout"] == EXPECTED
    with sandboxes.agent(other) as agent:
        assert run(agent, READ_ALL)["stdout"].count("No such file") == len(SYSTEM_WRITES)
    for path in SYSTEM_WRITES:
        assert not Path(path).exists()

    path = f"/v1/sandboxes/{sandbox['id']}"
    for action in ("pause", "resume", "stop", "start"):
        assert cp.post(f"{path}/{action}").status_code == 200, action
    token = cp.post(f"{path}/token/refresh").json()["auth_token"]
    with sandboxes.agent({**sandbox, "auth_token": token}) as agent:
        assert run(agent, READ_ALL)["stdout"] == EXPECTED


def test_apt_get_installs_a_package(online: tuple[Sandboxes, dict[str, Any]]) -> None:
    if not _reachable("deb.debian.org", 80):
        pytest.skip("the Debian mirror (deb.debian.org:80) is unreachable from this host")
    sandboxes, sandbox = online
    with sandboxes.agent(sandbox) as agent:
        agent.timeout = httpx.Timeout(660)
        result = run(
            agent,
            "apt-get update -qq && apt-get install -y -qq --no-install-recommends hello "
            "&& hello && dpkg -s hello | grep Status",
            timeout=600,
        )
    assert result["exit_code"] == 0, (result.get("stdout"), result.get("stderr"))
    assert "Hello, world!" in result["stdout"]
    assert "install ok installed" in result["stdout"]
    assert not Path("/usr/bin/hello").exists()  # the host's system is untouched


def test_pip_installs_system_wide_and_a_running_kernel_imports_it(
    online: tuple[Sandboxes, dict[str, Any]],
) -> None:
    if not _reachable("pypi.org", 443):
        pytest.skip("PyPI (pypi.org:443) is unreachable from this host")
    sandboxes, sandbox = online
    with sandboxes.agent(sandbox) as agent:
        agent.timeout = httpx.Timeout(360)
        started = agent.post("/execute", json={"code": "x = 41", "language": "python"})
        assert started.status_code == 200, started.text  # the kernel runs before the install
        code = "%pip install -q humanize\nimport humanize\nprint(x + 1, humanize.intcomma(1234567))"
        response = agent.post("/execute", json={"code": code, "language": "python", "timeout": 300})
        assert response.status_code == 200, response.text
        assert "42 1,234,567" in response.json()["stdout"], response.json()
        where = run(agent, "python3 -c 'import humanize; print(humanize.__file__)'")
    assert where["stdout"].startswith("/usr/local/lib/python3"), where


def test_serve_disk_mb_limits_the_disk_of_every_sandbox(
    hopx_server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> None:
    data_dir = tmp_path_factory.mktemp("disk")
    server = launcher.start(data_dir, extra_args=["--warm-pool", "0", "--disk-mb", "64"])
    try:
        with control_plane_client(server) as cp:
            sandboxes = Sandboxes(cp)
            sandbox = sandboxes.create()
            free_before = shutil.disk_usage(data_dir).free
            with sandboxes.agent(sandbox) as agent:
                full = run(agent, "head -c 100000000 /dev/zero > /workspace/big; echo $?; df -m /")
                assert full["stdout"].splitlines()[0] != "0"
                assert "No space left on device" in full["stderr"]
                written = agent.post(
                    "/files/write", json={"path": "/tmp/more.txt", "content": "x" * 1_000_000}
                )
                assert written.status_code == 507, written.text
                assert run(agent, "rm /workspace/big && echo freed")["stdout"] == "freed\n"
            assert free_before - shutil.disk_usage(data_dir).free < 100 * 1024 * 1024
            sandboxes.cleanup()
    finally:
        launcher.stop(server.process)


def test_the_files_api_reaches_what_root_reaches(sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        release = agent.get("/files/read", params={"path": "/etc/os-release"})
        assert release.status_code == 200, release.text
        assert "ID=debian" in release.json()["content"]
        for path in ("/usr/local/bin/from-api", "/etc/from-api.conf", "/root/from-api"):
            written = agent.post("/files/write", json={"path": path, "content": "api\n"})
            assert written.status_code == 200, written.text
            assert run(agent, f"cat {path}")["stdout"] == "api\n"
            assert not Path(path).exists()
        listing = agent.get("/files/list", params={"path": "/"}).json()
        names = {entry["name"] for entry in listing["files"]}
        assert {"etc", "usr", "root", "workspace"} <= names
        assert ".hopx" not in names
        modes = {entry["name"]: entry["permissions"] for entry in listing["files"]}
        assert (modes["tmp"], modes["usr"]) == ("01777", "0755")  # as the schema writes them


@pytest.mark.parametrize(
    "path", ["/.hopx/src", "/run/hopx/token.key", "/run/hopx/agent.sock", "/proc/1/environ"]
)
def test_hopx_local_own_files_are_out_of_the_files_api_reach(
    sandboxes: Sandboxes, path: str
) -> None:
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        read = agent.get("/files/read", params={"path": path})
        written = agent.post("/files/write", json={"path": f"{path}/x", "content": "x"})
    assert read.status_code == written.status_code == 403
    assert read.json()["code"] == "PATH_NOT_ALLOWED"


def test_user_code_finds_neither_the_token_secret_nor_the_agent_memory(
    sandboxes: Sandboxes,
) -> None:
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        listing = run(agent, "ls -A /run/hopx")["stdout"].split()
        agent_pid = run(agent, "pgrep -f -o '^/usr/bin/python3 -I -c'")["stdout"].strip()
        environ = run(agent, f"cat /proc/{agent_pid}/environ")
        memory = run(agent, f"head -c 16 /proc/{agent_pid}/mem")
        planted = run(agent, "touch /.hopx/src/planted")
    assert "token.key" not in listing
    assert agent_pid.isdigit()
    assert environ["exit_code"] != 0 and memory["exit_code"] != 0
    assert planted["exit_code"] != 0


FIND_SOCKETS = (
    r"find / \( -path /proc -o -path /sys -o -path /dev \) -prune -o -type s -print 2>/dev/null"
)
CONNECT_AGENT_SOCKET = (
    "python3 -c 'import socket; socket.socket(socket.AF_UNIX).connect(\"/run/hopx/agent.sock\")'"
)


def test_root_inside_cannot_reach_the_agent_socket_nor_write_the_agent_code(
    sandboxes: Sandboxes,
) -> None:
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        whoami = run(agent, "id -u")["stdout"].strip()
        listing = run(agent, "ls -A /run/hopx")["stdout"].split()
        sockets = run(agent, FIND_SOCKETS, timeout=50)
        connect = run(agent, CONNECT_AGENT_SOCKET)
        inherited = run(agent, "ls -l /proc/$$/fd")["stdout"]
        writes = {
            path: run(agent, f"touch {path}")["exit_code"]
            for path in ("/.hopx/x", "/.hopx/src/x", "/.hopx/site-packages/x")
        }
        still_served = run(agent, "echo served")["stdout"]
    assert whoami == "0"
    assert "agent.sock" not in listing
    assert sockets["stdout"] == "", sockets  # no unix socket anywhere in the file system
    assert connect["exit_code"] != 0 and "FileNotFoundError" in connect["stderr"], connect
    assert "socket:" not in inherited  # nor one of the agent's listeners, inherited
    assert all(status != 0 for status in writes.values()), writes
    assert still_served == "served\n"
