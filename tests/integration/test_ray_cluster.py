"""hopx-local over a real Ray cluster on this machine: a head and two nodes, started here.

The nodes' IPs are pinned to a loopback address (127.0.0.2: Ray rewrites 127.0.0.1 to the
machine's outside address when a driver connects). The control plane (``serve --ray``) places
sandboxes on both nodes; our SDK and the published one reach them through its one port;
removing a node turns its sandboxes ``error`` with the reason while the other node's keep
serving and new creates land there. One cluster and one server for the module, few sandboxes:
the machine is small and shared.
"""

from __future__ import annotations

import contextlib
import json
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_ai import NotFoundError, Sandbox
from hopx_local import launcher
from hopx_local.launcher import RunningServer
from hopx_local.runtime.mounts import unmount_below
from tests.integration.conftest import _host_skip_reason
from tests.integration.control_plane import Sandboxes, control_plane_client, run, wait_for

ray = pytest.importorskip("ray", reason="the 'ray' extra is not installed")
from ray.cluster_utils import Cluster  # noqa: E402

pytestmark = [pytest.mark.integration, pytest.mark.ray]

NODE_IP = "127.0.0.2"
NODE_RESOURCE = "hopx_sandboxes"
OBJECT_STORE_BYTES = 75 * 1024 * 1024
# Node deaths noticed within about a second (Ray's default is tens of seconds).
FAST_HEALTH_CHECKS = {
    "health_check_initial_delay_ms": 0,
    "health_check_period_ms": 500,
    "health_check_timeout_ms": 500,
    "health_check_failure_threshold": 2,
}

PUBLISHED_SCRIPT = """
import json, os, sys
from hopx_ai import Sandbox

seen = {}
for sandbox_id in sys.argv[1:]:
    sandbox = Sandbox.connect(
        sandbox_id, api_key=os.environ["HOPX_API_KEY"], base_url=os.environ["HOPX_BASE_URL"]
    )
    result = sandbox.commands.run(f"echo published on {sandbox_id}")
    sandbox.files.write("/workspace/published.txt", sandbox_id)
    seen[sandbox_id] = [result.stdout, sandbox.files.read("/workspace/published.txt")]
print(json.dumps(seen))
"""


@pytest.fixture(scope="module")
def cluster() -> Iterator[tuple[Cluster, list[Any]]]:
    reason = _host_skip_reason()
    if reason:
        pytest.skip(reason)
    node_args = {
        "num_cpus": 1,
        "object_store_memory": OBJECT_STORE_BYTES,
        "node_ip_address": NODE_IP,
        "resources": {NODE_RESOURCE: 1},
    }
    head = Cluster(
        initialize_head=True,
        head_node_args={
            "num_cpus": 0,
            "object_store_memory": OBJECT_STORE_BYTES,
            "node_ip_address": NODE_IP,
            "include_dashboard": False,
            "_system_config": FAST_HEALTH_CHECKS,
        },
    )
    try:
        nodes = [head.add_node(**node_args) for _ in range(2)]
        yield head, nodes
    finally:
        head.shutdown()


def _start_on_cluster(data_dir: Path, head: Cluster, *, warm_pool: int) -> RunningServer:
    """A hopx-local whose sandboxes run on the cluster's sandbox nodes."""
    ray_args = ["--ray", head.address, "--ray-node-resource", NODE_RESOURCE]
    return launcher.start(
        data_dir, timeout=240, extra_args=[*ray_args, "--warm-pool", str(warm_pool)]
    )


@pytest.fixture(scope="module")
def server(cluster: tuple[Cluster, list[Any]]) -> Iterator[RunningServer]:
    head, _ = cluster
    with tempfile.TemporaryDirectory(prefix="hopx-ray-") as scratch:
        running = _start_on_cluster(Path(scratch), head, warm_pool=0)
        try:
            yield running
        finally:
            with control_plane_client(running) as client:
                for sandbox in client.get("/v1/sandboxes", params={"limit": 100}).json()["data"]:
                    client.delete(f"/v1/sandboxes/{sandbox['id']}")
            launcher.stop(running.process)
            # The sandboxes of the node removed mid-test never got a delete: their disks stay
            # mounted here (on real machines they went with the node's host).
            unmount_below(Path(scratch))


@pytest.fixture(scope="module")
def cp(server: RunningServer) -> Iterator[httpx.Client]:
    with control_plane_client(server) as client:
        yield client


@pytest.fixture(scope="module")
def spread(cp: httpx.Client, cluster: tuple[Cluster, list[Any]]) -> dict[str, list[dict[str, Any]]]:
    """Four sandboxes, by the node they were placed on."""
    _, nodes = cluster
    by_node: dict[str, list[dict[str, Any]]] = {node.node_id: [] for node in nodes}
    sandboxes = Sandboxes(cp)
    for template in ("base", "code-interpreter", "base", "code-interpreter"):
        sandbox = sandboxes.create(template_name=template)
        by_node[sandbox["node_id"]].append(sandbox)
    return by_node


def test_creates_spread_over_both_nodes_behind_one_port(
    spread: dict[str, list[dict[str, Any]]], server: RunningServer
) -> None:
    assert all(spread.values()), {node: len(found) for node, found in spread.items()}
    for found in spread.values():
        for sandbox in found:
            assert sandbox["public_host"] == f"{server.base_url}/agent/{sandbox['id']}"
            assert sandbox["preview_url"].startswith(server.base_url)
            with Sandboxes(httpx.Client()).agent(sandbox) as agent:
                assert run(agent, "echo $((20 + 22))")["stdout"] == "42\n"


def test_our_sdk_drives_sandboxes_on_either_node(
    spread: dict[str, list[dict[str, Any]]], server: RunningServer
) -> None:
    for found in spread.values():
        sandbox = Sandbox.connect(found[0]["id"], api_key=server.api_key, base_url=server.base_url)
        assert sandbox.commands.run("echo ours").stdout == "ours\n"
        sandbox.files.write("/workspace/ours.txt", sandbox.sandbox_id)
        assert sandbox.files.read("/workspace/ours.txt") == sandbox.sandbox_id
        sandbox.update_network(deny_out=["203.0.113.0/24"])  # a node call (update_network)
        assert sandbox.get_info()["network"] == {"allow_out": [], "deny_out": ["203.0.113.0/24"]}
        if found[0]["template_name"] == "code-interpreter":
            assert sandbox.run_code("print(6 * 7)").stdout == "42\n"
        # A preview URL through the control plane reaches a port inside the sandbox.
        sandbox.commands.run(
            "cd /tmp && echo preview > index.html && "
            "(python3 -m http.server 8080 --bind 127.0.0.1 >/dev/null 2>&1 &)"
        )
        url = sandbox.get_preview_url(8080) + "index.html"
        assert wait_for(lambda url=url: _get_text(url), timeout=20, what="preview") == "preview\n"


@pytest.mark.published
def test_published_sdk_drives_sandboxes_on_either_node(
    spread: dict[str, list[dict[str, Any]]],
    server: RunningServer,
    published_python: Path,  # noqa: F811 (the fixture imported below)
    tmp_path: Path,
) -> None:
    ids = [found[0]["id"] for found in spread.values()]
    script = tmp_path / "published.py"
    script.write_text(PUBLISHED_SCRIPT)
    done = subprocess.run(
        [str(published_python), str(script), *ids],
        env={
            "PATH": "/usr/bin:/bin",
            "HOPX_API_KEY": server.api_key,
            "HOPX_BASE_URL": server.base_url,
        },
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {sandbox_id: [f"published on {sandbox_id}\n", sandbox_id] for sandbox_id in ids}


def test_stop_and_start_keep_a_sandbox_and_its_files_on_its_node(
    spread: dict[str, list[dict[str, Any]]], cp: httpx.Client
) -> None:
    for node_id, found in spread.items():
        sandbox = found[-1]
        with Sandboxes(cp).agent(sandbox) as agent:
            run(agent, "echo kept > /workspace/kept.txt")
        assert cp.post(f"/v1/sandboxes/{sandbox['id']}/stop").json()["status"] == "stopped"
        started = cp.post(f"/v1/sandboxes/{sandbox['id']}/start").json()
        assert (started["status"], started["node_id"]) == ("running", node_id)
        # A new client: a start on a busy machine can outlast the server's keep-alive.
        with Sandboxes(cp).agent(sandbox) as agent:
            assert run(agent, "cat /workspace/kept.txt")["stdout"] == "kept\n"


def test_a_lost_node_errors_its_sandboxes_and_nothing_else(
    cluster: tuple[Cluster, list[Any]],
    spread: dict[str, list[dict[str, Any]]],
    cp: httpx.Client,
) -> None:
    head, nodes = cluster
    lost, kept = nodes
    head.remove_node(lost)

    def status(sandbox: dict[str, Any]) -> dict[str, Any]:
        answer: dict[str, Any] = cp.get(f"/v1/sandboxes/{sandbox['id']}").json()
        return answer

    for sandbox in spread[lost.node_id]:
        errored = wait_for(
            lambda sandbox=sandbox: (found := status(sandbox))["status"] == "error" and found,
            timeout=60,
            what=f"{sandbox['id']} on the removed node turns error",
        )
        assert "lost" in errored["status_reason"], errored
        assert errored["node_id"] == lost.node_id
        with Sandboxes(cp).agent(sandbox) as agent:
            refused = agent.post("/commands/run", json={"command": "true"})
        assert refused.status_code == 409, refused.text
        assert "lost" in refused.json()["error"]["message"]

    for sandbox in spread[kept.node_id]:
        assert status(sandbox)["status"] == "running"
        with Sandboxes(cp).agent(sandbox) as agent:
            assert run(agent, "echo still here")["stdout"] == "still here\n"

    sandboxes = Sandboxes(cp)
    try:
        created = sandboxes.create()
        assert created["node_id"] == kept.node_id
        with sandboxes.agent(created) as agent:
            assert run(agent, "echo new")["stdout"] == "new\n"
    finally:
        sandboxes.cleanup()
    for sandbox in spread[lost.node_id]:  # what a lost node ran can still be deleted
        assert cp.delete(f"/v1/sandboxes/{sandbox['id']}").status_code == 200
        with contextlib.suppress(NotFoundError):
            assert cp.get(f"/v1/sandboxes/{sandbox['id']}").status_code == 404


def test_a_node_that_joins_takes_new_sandboxes(
    cluster: tuple[Cluster, list[Any]], cp: httpx.Client
) -> None:
    head, nodes = cluster
    joined = head.add_node(
        num_cpus=1,
        object_store_memory=OBJECT_STORE_BYTES,
        node_ip_address=NODE_IP,
        resources={NODE_RESOURCE: 1},
    )
    sandboxes = Sandboxes(cp)
    try:

        def placed_on_the_new_node() -> dict[str, Any] | None:
            sandbox = sandboxes.create()
            return sandbox if sandbox["node_id"] == joined.node_id else None

        # The control plane notices the node within its poll interval and starts an agent.
        created = wait_for(placed_on_the_new_node, timeout=90, what="a create on the new node")
        with sandboxes.agent(created) as agent:
            assert run(agent, "echo joined")["stdout"] == "joined\n"
    finally:
        sandboxes.cleanup()


def test_warm_pools_are_kept_per_node(cluster: tuple[Cluster, list[Any]]) -> None:
    head, _ = cluster
    with tempfile.TemporaryDirectory(prefix="hopx-ray-pool-") as scratch:
        pooled = _start_on_cluster(Path(scratch), head, warm_pool=1)
        log = Path(scratch) / "server.log"
        try:
            # 2 nodes x 2 templates x internet on/off, one each: 8, filled round robin.
            with control_plane_client(pooled) as client:
                wait_for(
                    lambda: log.read_text().count("warm pool: sandbox") >= 8,
                    timeout=180,
                    what="warm-pool sandboxes on the nodes",
                )
                sandboxes = Sandboxes(client)
                try:
                    made = [sandboxes.create(template_name="base") for _ in range(2)]
                finally:
                    sandboxes.cleanup()
            text = log.read_text()
            for sandbox in made:
                assert f"sandbox {sandbox['id']} (base) served from the warm pool" in text
            # Each node has its own pool: the two takes came from different nodes.
            assert made[0]["node_id"] != made[1]["node_id"], made
        finally:
            launcher.stop(pooled.process)


def _get_text(url: str) -> str | None:
    try:
        answer = httpx.get(url, timeout=5)
    except httpx.HTTPError:
        time.sleep(0.05)
        return None
    if answer.status_code != 200:
        time.sleep(0.05)
        return None
    return answer.text


from tests.integration.sdk.test_published_client import published_python  # noqa: E402,F401
