"""The agent's unix socket, bound by the control plane on the host and handed to the agent."""

from __future__ import annotations

import asyncio
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from hopx_local.control.agent_probe import AgentNotHealthy, wait_until_healthy
from hopx_local.control.unix_socket import connect, listen_at

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


SERVE_HEALTH = """
import socket, sys
listener = socket.socket(fileno=int(sys.argv[1]))
client, _ = listener.accept()
client.recv(4096)
client.sendall(b"HTTP/1.1 200 OK\\r\\ncontent-length: 0\\r\\n\\r\\n")
"""


def _deep(tmp_path: Path) -> Path:
    deep = tmp_path / ("d" * 60) / ("e" * 60)  # longer than an AF_UNIX address may be
    deep.mkdir(parents=True)
    return deep / "agent.sock"


async def test_a_listener_at_a_long_path_replaces_what_was_there_and_only_its_owner_connects(
    tmp_path: Path,
) -> None:
    path = _deep(tmp_path)
    path.write_text("stale")
    listener = listen_at(path)
    try:
        assert stat.S_ISSOCK(path.lstat().st_mode)
        assert stat.S_IMODE(path.lstat().st_mode) == 0o600
        (await connect(path)).close()
    finally:
        listener.close()


async def test_the_agent_serving_the_inherited_listener_is_healthy(tmp_path: Path) -> None:
    path = _deep(tmp_path)
    listener = listen_at(path)
    fd = listener.fileno()
    agent = subprocess.Popen([sys.executable, "-c", SERVE_HEALTH, str(fd)], pass_fds=(fd,))
    listener.close()
    try:
        await wait_until_healthy(path, timeout=30, still_alive=lambda: agent.poll() is None)
    finally:
        agent.kill()
        agent.wait()


async def test_an_agent_that_dies_holding_the_listener_fails_the_probe_fast(
    tmp_path: Path,
) -> None:
    path = _deep(tmp_path)
    listener = listen_at(path)
    fd = listener.fileno()
    agent = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(0.5)"], pass_fds=(fd,))
    listener.close()  # as the control plane does once the sandbox started
    started = time.monotonic()
    try:
        with pytest.raises(AgentNotHealthy, match="exited"):
            await asyncio.wait_for(
                wait_until_healthy(path, timeout=30, still_alive=lambda: agent.poll() is None),
                20,
            )
    finally:
        agent.kill()
        agent.wait()
    assert time.monotonic() - started < 10
