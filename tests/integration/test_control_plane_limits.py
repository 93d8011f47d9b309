"""Resource limits hold inside one sandbox while the server and other sandboxes carry on."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.integration.control_plane import Sandboxes, run

pytestmark = pytest.mark.integration

BASE_PIDS_MAX = 256
MEMORY_HOG = "/usr/bin/python3 -c \"data = b'x' * (900 * 1024 * 1024); print('survived')\""
FORK_BOMB = r"""/usr/bin/python3 -c "
import os, time
children = 0
while children < 2000:
    try:
        pid = os.fork()
    except OSError:
        break
    if pid == 0:
        time.sleep(4)
        os._exit(0)
    children += 1
print(children, flush=True)
"
"""


def _still_serving(cp: httpx.Client, neighbour: dict[str, Any], sandboxes: Sandboxes) -> None:
    assert cp.get("/health").status_code == 200
    assert cp.get(f"/v1/sandboxes/{neighbour['id']}").json()["status"] == "running"
    with sandboxes.agent(neighbour) as agent:
        assert run(agent, "echo neighbour")["stdout"] == "neighbour\n"


def test_memory_hog_is_killed_inside_its_sandbox_only(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    hog_box = sandboxes.create()  # base: 512 MiB
    neighbour = sandboxes.create()

    with sandboxes.agent(hog_box) as agent:
        result = run(agent, MEMORY_HOG)
        assert result["exit_code"] != 0
        assert "survived" not in result["stdout"]
        assert run(agent, "echo still here")["stdout"] == "still here\n"

    assert cp.get(f"/v1/sandboxes/{hog_box['id']}").json()["status"] == "running"
    _still_serving(cp, neighbour, sandboxes)


def test_fork_bomb_stops_at_the_pids_limit_while_others_are_served(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    bomb_box = sandboxes.create()
    neighbour = sandboxes.create()

    with sandboxes.agent(bomb_box) as agent, ThreadPoolExecutor(1) as pool:
        bombing = pool.submit(run, agent, FORK_BOMB)
        _still_serving(cp, neighbour, sandboxes)
        created = sandboxes.create()  # the control plane still creates sandboxes meanwhile
        assert created["status"] == "running"
        result = bombing.result(timeout=120)

    children = int(result["stdout"].split()[-1])
    assert 0 < children < BASE_PIDS_MAX
    with sandboxes.agent(bomb_box) as agent:
        assert run(agent, "echo recovered")["stdout"] == "recovered\n"
