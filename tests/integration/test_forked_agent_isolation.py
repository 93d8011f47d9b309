"""Forked agents (``serve --fork-agents on``) are confined exactly as exec'd ones.

A forked agent starts as a fork of a fork server on the host and moves itself into the
sandbox (``runtime/enter.py``), so it must end where bubblewrap puts an exec'd agent and carry
nothing of the host: seen from the host, its uid, capabilities, no_new_privs, seccomp mode and
cgroups; its descriptors; its environment and memory (a marker planted in the control plane's
environment, and the API key the control plane holds, must not be there). Every test of
``test_control_plane_isolation`` runs here again against the fork-on server.
"""

from __future__ import annotations

import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import (
    Sandboxes,
    control_plane_client,
    host_processes_of,
    run,
)
from tests.integration.test_control_plane_isolation import *  # noqa: F403  (run them all again)

pytestmark = pytest.mark.integration

MARKER = "hopx-marker-" + secrets.token_hex(12)
STATUS_FIELDS = ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs", "Seccomp")


@pytest.fixture(scope="module")
def hopx_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """A hopx-local with forked agents, whose environment holds ``MARKER``."""
    os.environ["HOPX_TEST_SECRET_MARKER"] = MARKER
    try:
        server = launcher.start(
            tmp_path_factory.mktemp("hopx-local-forked"),
            extra_args=["--fork-agents", "on", "--warm-pool", "0"],
        )
    finally:
        del os.environ["HOPX_TEST_SECRET_MARKER"]
    try:
        yield server
    finally:
        with control_plane_client(server) as client:
            for listed in client.get("/v1/sandboxes", params={"limit": 100}).json()["data"]:
                client.delete(f"/v1/sandboxes/{listed['id']}")
        launcher.stop(server.process)


@pytest.fixture(scope="module")
def cp(hopx_server: RunningServer) -> Iterator[httpx.Client]:
    with control_plane_client(hopx_server) as client:
        yield client


def agent_pid(sandbox_id: str) -> int:
    """Host pid of the sandbox's agent (the only Python of its cgroups running our code)."""
    pids = []
    for pid in host_processes_of(sandbox_id):
        argv = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if os.path.basename(argv[0]).startswith(b"python3") and b"hopx_local" in b" ".join(argv):
            pids.append(pid)
    assert len(pids) == 1, pids
    return pids[0]


def status_of(pid: int) -> dict[str, str]:
    lines = Path(f"/proc/{pid}/status").read_text().splitlines()
    fields = dict(line.split(":", 1) for line in lines if ":" in line)
    return {name: value.strip() for name, value in fields.items()}


def test_the_agent_is_a_fork_of_the_fork_server(sandbox: dict[str, Any]) -> None:
    cmdline = Path(f"/proc/{agent_pid(sandbox['id'])}/cmdline").read_bytes()
    assert b"forkserver_main" in cmdline


def test_forked_agent_has_the_exec_d_agents_identity_and_confinement(
    sandbox: dict[str, Any],
) -> None:
    forked = status_of(agent_pid(sandbox["id"]))
    exec_d_server = launcher.local_server(extra_args=["--fork-agents", "off", "--warm-pool", "0"])
    with exec_d_server as other, control_plane_client(other) as client:
        exec_d = Sandboxes(client)
        try:
            reference = status_of(agent_pid(exec_d.create()["id"]))
        finally:
            exec_d.cleanup()

    assert {name: forked[name] for name in STATUS_FIELDS} == {
        name: reference[name] for name in STATUS_FIELDS
    }
    assert forked["NoNewPrivs"] == "1"
    assert forked["Seccomp"] == "2"
    assert all(int(uid) != 0 for uid in forked["Uid"].split())
    assert all(int(gid) != 0 for gid in forked["Gid"].split())


def test_forked_agent_is_in_the_sandbox_cgroups(sandbox: dict[str, Any]) -> None:
    pids = host_processes_of(sandbox["id"])
    cgroups = {pid: Path(f"/proc/{pid}/cgroup").read_text() for pid in pids}
    agent = agent_pid(sandbox["id"])
    # bwrap's command (pid 1's child inside), the anchor run from a memfd.
    anchor = next(
        pid
        for pid in pids
        if Path(f"/proc/{pid}/cmdline").read_bytes().startswith(b"/proc/self/fd/")
    )
    assert cgroups[agent] == cgroups[anchor]
    assert Path(f"/proc/{agent}/ns/pid").readlink() == Path(f"/proc/{anchor}/ns/pid").readlink()
    assert Path(f"/proc/{agent}/ns/net").readlink() == Path(f"/proc/{anchor}/ns/net").readlink()
    assert Path(f"/proc/{agent}/ns/mnt").readlink() == Path(f"/proc/{anchor}/ns/mnt").readlink()
    assert Path(f"/proc/{agent}/ns/user").readlink() != Path("/proc/self/ns/user").readlink()


def _descriptors(pid: int) -> dict[int, str]:
    found = {}
    for entry in os.listdir(f"/proc/{pid}/fd"):
        try:
            found[int(entry)] = os.readlink(f"/proc/{pid}/fd/{entry}")
        except OSError:
            continue
    return found


def test_forked_agent_holds_only_its_own_descriptors(
    sandbox: dict[str, Any], sandboxes: Sandboxes, hopx_server: RunningServer
) -> None:
    other = sandboxes.create()
    mine = _descriptors(agent_pid(sandbox["id"]))
    theirs = _descriptors(agent_pid(other["id"]))
    server = _descriptors(hopx_server.process.pid)

    # Nothing of the server's files (SQLite, its log, the data directory) but the sandbox's own
    # log on stdout/stderr, as bwrap gives an exec'd agent.
    own_log = str(hopx_server.data_dir / "sandboxes" / sandbox["id"] / "sandbox.log")
    assert [mine[1], mine[2]] == [own_log, own_log]
    assert not [
        target
        for target in mine.values()
        if str(hopx_server.data_dir) in target and target != own_log
    ]
    assert not [target for target in mine.values() if "sqlite" in target]
    # No socket shared with another sandbox's agent, none of the server's own listeners.
    sockets = {target for target in mine.values() if target.startswith("socket:")}
    assert not sockets & {target for target in theirs.values() if target.startswith("socket:")}
    port = int(sandbox["public_host"].rsplit(":", 1)[1])
    server_port = int(hopx_server.base_url.rsplit(":", 1)[1])
    assert port != server_port
    listening = _listening_inodes(server_port)
    assert listening and not {f"socket:[{inode}]" for inode in listening} & sockets
    assert set(server.values()) - sockets  # the server has descriptors the agent lacks
    # stdin, stdout, stderr, the anchor's pipe, its two sockets, what the event loop opens.
    assert len(mine) < 16, mine


def _listening_inodes(port: int) -> set[str]:
    inodes = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and int(fields[1].rsplit(":", 1)[1], 16) == port:
                inodes.add(fields[9])
    return inodes


def _readable_memory(pid: int) -> Iterator[bytes]:
    with open(f"/proc/{pid}/maps") as maps, open(f"/proc/{pid}/mem", "rb", buffering=0) as mem:
        for line in maps:
            match = re.match(r"([0-9a-f]+)-([0-9a-f]+) (r)", line)
            if match is None or "[vsyscall]" in line:
                continue
            start, end = int(match.group(1), 16), int(match.group(2), 16)
            try:
                mem.seek(start)
                yield mem.read(end - start)
            except OSError:
                continue


def test_no_secret_of_the_control_plane_reaches_the_forked_agent(
    sandbox: dict[str, Any], agent: httpx.Client, hopx_server: RunningServer
) -> None:
    run(agent, "true")  # the agent has served: whatever it would copy in is there
    pid = agent_pid(sandbox["id"])
    environ = Path(f"/proc/{pid}/environ").read_bytes()
    secrets_ = [MARKER.encode(), hopx_server.api_key.encode()]
    # The planted marker is in the control plane's environment (the test is not vacuous).
    assert MARKER.encode() in Path(f"/proc/{hopx_server.process.pid}/environ").read_bytes()

    assert not [secret for secret in secrets_ if secret in environ]
    scanned = 0
    for region in _readable_memory(pid):
        scanned += len(region)
        assert not [secret for secret in secrets_ if secret in region]
    assert scanned > 1 << 20
