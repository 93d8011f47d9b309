"""The Ray backend against the local backend, in the same run: create -> first command, a
burst of creates, and how long a placement decision takes.

Starts its own servers (both ``--warm-pool 0``, so every create really launches: the
comparison is of the launch paths, not of pools) and its own Ray cluster of a head and two
nodes on loopback addresses, like the integration test. On one machine the two Ray nodes share
its CPUs with everything else, so the figures show the cost of going through Ray (an actor call
and a tunnel per connection), not a gain in capacity.
"""

from __future__ import annotations

import asyncio
import random
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bench.figures import Report, timed
from hopx_local import launcher
from hopx_local.control.backend import NodeCapacity
from hopx_local.control.backends.placement import placement_order
from hopx_local.launcher import RunningServer

NODE_IP = "127.0.0.2"
NODE_RESOURCE = "hopx_sandboxes"
OBJECT_STORE_BYTES = 75 * 1024 * 1024


@contextmanager
def _server(extra_args: list[str]) -> Iterator[RunningServer]:
    with tempfile.TemporaryDirectory(prefix="hopx-bench-ray-") as scratch:
        server = launcher.start(
            Path(scratch), timeout=240, extra_args=["--warm-pool", "0", *extra_args]
        )
        try:
            yield server
        finally:
            launcher.stop(server.process)


@contextmanager
def _ray_cluster() -> Iterator[str]:
    from ray.cluster_utils import Cluster

    cluster = Cluster(
        initialize_head=True,
        head_node_args={
            "num_cpus": 0,
            "object_store_memory": OBJECT_STORE_BYTES,
            "node_ip_address": NODE_IP,
            "include_dashboard": False,
        },
    )
    try:
        for _ in range(2):
            cluster.add_node(
                num_cpus=1,
                object_store_memory=OBJECT_STORE_BYTES,
                node_ip_address=NODE_IP,
                resources={NODE_RESOURCE: 1},
            )
        yield cluster.address
    finally:
        cluster.shutdown()


def _create_to_first_command(report: Report, server: RunningServer, label: str) -> str:
    from hopx_ai import Sandbox

    samples = []
    for _ in range(report.repeats(20)):
        start = time.perf_counter()
        sandbox = Sandbox.create(template="base", api_key=server.api_key, base_url=server.base_url)
        sandbox.commands.run("true")
        samples.append((time.perf_counter() - start) * 1000)
        sandbox.kill()
    name = f"create to first command, no pool ({label})"
    report.add(name, "ms", samples)
    return name


def _burst(report: Report, server: RunningServer, label: str, count: int) -> tuple[str, str]:
    from hopx_ai import AsyncSandbox

    latencies: list[float] = []

    async def one() -> None:
        start = time.perf_counter()
        sandbox = await AsyncSandbox.create(
            template="base", api_key=server.api_key, base_url=server.base_url
        )
        try:
            await sandbox.commands.run("echo hi")
            latencies.append((time.perf_counter() - start) * 1000)
        finally:
            await sandbox.kill()

    async def many() -> None:
        await asyncio.gather(*(one() for _ in range(count)))

    start = time.perf_counter()
    asyncio.run(many())
    wall = f"burst of {count} create+command, wall ({label})"
    each = f"burst of {count}: create+command each ({label})"
    report.add(wall, "s", [time.perf_counter() - start])
    report.add(each, "ms", latencies)
    return wall, each


def _placement(report: Report) -> None:
    rng = random.Random(17)
    for count in (2, 100, 1000):
        nodes = [
            NodeCapacity(
                node_id=f"node-{index}",
                sandboxes=rng.randrange(200),
                vcpu_committed=rng.randrange(200),
                memory_mb_committed=rng.randrange(200_000),
                cpus=64,
                memory_mb_total=256_000,
                memory_mb_available=128_000,
            )
            for index in range(count)
        ]
        samples = timed(lambda nodes=nodes: placement_order(nodes, 512, rng=rng), 2000, 1e6)
        report.add(f"placement decision, {count} nodes", "us", samples)


def ray_backend(report: Report, server: RunningServer | None = None) -> None:
    _placement(report)
    count = 10 if report.quick else 50
    with _server([]) as local:
        local_first = _create_to_first_command(report, local, "local backend")
        local_wall, _ = _burst(report, local, "local backend", count)
    with _server(["--one-port"]) as one_port:
        # The local backend behind one port: what the route through the control plane costs,
        # apart from Ray.
        one_port_first = _create_to_first_command(report, one_port, "local backend, one port")
        _burst(report, one_port, "local backend, one port", count)
    with (
        _ray_cluster() as address,
        _server(["--ray", address, "--ray-node-resource", NODE_RESOURCE]) as on_ray,
    ):
        ray_first = _create_to_first_command(report, on_ray, "Ray backend, 2 nodes")
        ray_wall, _ = _burst(report, on_ray, "Ray backend, 2 nodes", count)
    report.ratio(
        "create to first command (Ray / local)",
        ray_first,
        local_first,
        "informational (the cost of the actor call and the tunnel)",
        lambda ratio: True,
    )
    report.ratio(
        "create to first command (one port / agent port)",
        one_port_first,
        local_first,
        "informational (the proxy through the control plane)",
        lambda ratio: True,
    )
    report.ratio(
        f"burst of {count} (Ray / local)",
        ray_wall,
        local_wall,
        "informational (one machine: the same CPUs either way)",
        lambda ratio: True,
    )
