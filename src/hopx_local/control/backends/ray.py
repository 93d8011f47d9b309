"""RayBackend: sandboxes spread over the nodes of a Ray cluster (``hopx-local serve --ray``).

One node agent per Ray node (ray_node.py: an actor pinned to its node, wrapping a
LocalBackend there); the control plane places each new sandbox itself (placement.py: best of
K nodes by free capacity; ResourceExhausted -> the next node) and keeps which node runs which
sandbox (the store's ``node_id``). Lifecycle calls go to the node's actor; connections into a
sandbox (its agent, its ports, VNC) go through the node's tunnel, so clients only ever talk to
the control plane (``--one-port`` is implied).

Nodes are watched every ``poll_interval`` seconds: a node that joins gets an agent and
starts taking sandboxes (and warm-pool slots); a node that dies is dropped, and every sandbox
it ran ends with NodeLost (the manager marks it ``error`` with the reason) while the others
keep serving. A pending call on a node's actor that dies fails at once the same way.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import secrets
import socket
import time
from collections.abc import Callable, Mapping
from typing import Any

import attrs

from hopx_local.control.backend import (
    LaunchRequest,
    NodeCapacity,
    SandboxExit,
    SandboxHandle,
)
from hopx_local.control.backends.placement import DEFAULT_K, placement_order
from hopx_local.control.backends.ray_node import NodeAgent, Outcome
from hopx_local.control.backends.remote_errors import EncodedError, decode_error
from hopx_local.control.backends.tunnel import Target, open_tunnel
from hopx_local.control.config import ControlPlaneConfig
from hopx_local.control.domain_errors import (
    HostUnusable,
    NodeLost,
    ResourceExhausted,
    SandboxGone,
)
from hopx_local.runtime import ResourceUsage

log = logging.getLogger("hopx_local.backends.ray")

NAMESPACE = "hopx-local"
AGENT_START_TIMEOUT = 120.0
POLL_INTERVAL = 2.0


def connect(address: str) -> None:
    """Join the Ray cluster at ``address`` (``auto``: the one on this machine) as a driver.

    A cluster on loopback addresses (one machine, nodes started with a loopback
    --node-ip-address other than 127.0.0.1, which Ray rewrites to the machine's outside
    address) is joined from that address too.
    """
    import ray

    host = address.rsplit(":", 1)[0].strip("[]")
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    options: dict[str, Any] = {"_node_ip_address": host} if loopback else {}
    ray.init(
        address=address,
        namespace=NAMESPACE,
        log_to_driver=False,
        logging_level=logging.WARNING,
        **options,
    )


@attrs.define(eq=False)
class _Node:
    node_id: str
    ip: str
    actor: Any
    tunnel: tuple[str, int]
    capacity: NodeCapacity
    alive: bool = True
    lost: asyncio.Event = attrs.field(factory=asyncio.Event)
    running: dict[str, LaunchRequest] = attrs.field(factory=dict)
    """Sandboxes launched (or being launched) here and not stopped since."""

    def view(self) -> NodeCapacity:
        """Its capacity with what this control plane launched there counted in."""
        requests = list(self.running.values())
        return attrs.evolve(
            self.capacity,
            sandboxes=len(requests),
            vcpu_committed=sum(request.vcpu for request in requests),
            memory_mb_committed=sum(request.memory_mb for request in requests),
            alive=self.alive,
        )


class RayBackend:
    """See the module docstring. ``node_resource``: only nodes offering this Ray resource
    run sandboxes (None: every node)."""

    def __init__(
        self,
        config: ControlPlaneConfig,
        *,
        node_resource: str | None = None,
        k: int = DEFAULT_K,
        poll_interval: float = POLL_INTERVAL,
    ) -> None:
        self.config = config
        self.node_resource = node_resource
        self.k = k
        self.poll_interval = poll_interval
        self._secret = secrets.token_hex(32)
        self._nodes: dict[str, _Node] = {}
        self._where: dict[str, str] = {}
        """Sandbox id -> node id, for every sandbox the manager has a record of."""
        self._listeners: list[Callable[[], None]] = []
        self._monitor: asyncio.Task[None] | None = None
        self._failed_nodes: set[str] = set()
        self.placement_seconds: list[float] = []
        """How long each placement decision took (for the benchmark)."""

    # ------------------------------------------------------------ server lifecycle
    async def recover(self, known: Mapping[str, str]) -> None:
        self._where.update(known)
        await self._refresh_nodes()
        if not self._nodes:
            log.warning("the Ray cluster has no node that can run sandboxes yet")
        await asyncio.gather(
            *(self._call(node, "recover", dict(known)) for node in self._live_nodes()),
            return_exceptions=True,
        )
        self._monitor = asyncio.get_running_loop().create_task(self._watch_nodes())

    async def close(self) -> None:
        if self._monitor is not None:
            self._monitor.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._monitor
        await asyncio.gather(
            *(self._call(node, "close") for node in self._live_nodes()),
            return_exceptions=True,
        )
        import ray

        for node in self._nodes.values():
            with contextlib.suppress(Exception):
                ray.kill(node.actor)

    # ----------------------------------------------------------------- nodes
    def nodes(self) -> list[str]:
        return [node.node_id for node in self._live_nodes()]

    def on_nodes_changed(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _live_nodes(self) -> list[_Node]:
        return [node for node in self._nodes.values() if node.alive]

    async def _watch_nodes(self) -> None:
        while True:
            await asyncio.sleep(self.poll_interval)
            try:
                await self._refresh_nodes()
            except Exception:
                log.exception("watching the Ray cluster's nodes failed")

    async def _refresh_nodes(self) -> None:
        import ray

        listed: list[dict[str, Any]] = await asyncio.to_thread(ray.nodes)
        alive = {entry["NodeID"]: entry for entry in listed if entry.get("Alive")}
        changed = False
        for node in self._live_nodes():
            if node.node_id not in alive:
                self._mark_lost(node, "Ray reports the node dead")
                changed = True
        candidates = [
            entry
            for node_id, entry in alive.items()
            if node_id not in self._nodes
            and node_id not in self._failed_nodes
            and (self.node_resource is None or self.node_resource in entry.get("Resources", {}))
        ]
        started = await asyncio.gather(*(self._start_agent(entry) for entry in candidates))
        changed = changed or any(started)
        for node in self._live_nodes():
            with contextlib.suppress(NodeLost):
                [capacity] = await self._call(node, "capacity")
                node.capacity = capacity
        if changed:
            for listener in self._listeners:
                listener()

    async def _start_agent(self, entry: Mapping[str, Any]) -> bool:
        import ray
        from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy

        node_id: str = entry["NodeID"]
        ip: str = entry["NodeManagerAddress"]
        agent_class: Any = ray.remote(NodeAgent)
        actor: Any = agent_class.options(
            scheduling_strategy=NodeAffinitySchedulingStrategy(node_id, soft=False),
            num_cpus=0,
            max_restarts=0,
            max_concurrency=1000,
        ).remote(self.config, node_id, self._secret)
        try:
            ok, value = await asyncio.wait_for(actor.start.remote(ip), AGENT_START_TIMEOUT)
        except Exception as exc:
            log.warning("no node agent on Ray node %s (%s): %r", node_id, ip, exc)
            self._failed_nodes.add(node_id)
            with contextlib.suppress(Exception):
                ray.kill(actor)
            return False
        if not ok:
            log.warning("Ray node %s (%s) cannot run sandboxes: %s", node_id, ip, value[1])
            self._failed_nodes.add(node_id)
            ray.kill(actor)
            return False
        host, port = value
        empty = NodeCapacity(node_id, 0, 0, 0, 1, 0, 0)
        node = _Node(node_id, ip, actor, (host, port), empty)
        self._nodes[node_id] = node
        with contextlib.suppress(NodeLost):
            [node.capacity] = await self._call(node, "capacity")
        log.info("Ray node %s (%s) runs sandboxes; tunnels on %s:%d", node_id, ip, host, port)
        return True

    def _mark_lost(self, node: _Node, reason: str) -> None:
        if not node.alive:
            return
        node.alive = False
        node.lost.set()
        log.warning(
            "Ray node %s (%s) was lost (%s); its %d sandboxes end with it",
            node.node_id,
            node.ip,
            reason,
            len(node.running),
        )
        for listener in self._listeners:
            listener()

    def _lost_error(self, node_id: str) -> NodeLost:
        node = self._nodes.get(node_id)
        where = f" ({node.ip})" if node is not None else ""
        return NodeLost(
            node_id,
            f"Node '{node_id}'{where} of the Ray cluster was lost; the sandbox's processes and "
            "files went with it. Delete the sandbox and create a new one.",
        )

    async def _call(self, node: _Node, method: str, *args: Any) -> Any:
        """``method`` on the node's agent; its domain errors raised again here, a dead actor
        as NodeLost."""
        from ray.exceptions import RayError

        if not node.alive:
            raise self._lost_error(node.node_id)
        reference = node.actor.call.remote(method, *args)
        try:
            outcome: Outcome = await reference
        except RayError as exc:
            self._mark_lost(node, f"{type(exc).__name__}")
            raise self._lost_error(node.node_id) from None
        ok, value = outcome
        if not ok:
            encoded: EncodedError = value
            raise decode_error(encoded)
        return value

    def _node_of(self, sandbox_id: str) -> _Node:
        node_id = self._where.get(sandbox_id)
        if node_id is None:
            raise SandboxGone(sandbox_id)
        node = self._nodes.get(node_id)
        if node is None or not node.alive:
            raise self._lost_error(node_id)
        return node

    # ----------------------------------------------------------------- launch
    async def launch(self, request: LaunchRequest) -> SandboxHandle:
        if request.node_id is not None:
            node = self._nodes.get(request.node_id)
            if node is None or not node.alive:
                raise self._lost_error(request.node_id)
            order = [request.node_id]
        else:
            started = time.perf_counter()
            order = placement_order(
                [node.view() for node in self._live_nodes()], request.memory_mb, k=self.k
            )
            self.placement_seconds.append(time.perf_counter() - started)
            if not order:
                raise HostUnusable(
                    "No node of the Ray cluster can run sandboxes now; add one "
                    "(`ray start --address=...` as root on a host with bubblewrap)."
                )
        refusals: list[str] = []
        for node_id in order:
            node = self._nodes[node_id]
            if not node.alive:
                continue
            node.running[request.sandbox_id] = request  # counted at once: a burst spreads
            try:
                handle: SandboxHandle = await self._call(node, "launch", request)
            except (ResourceExhausted, NodeLost) as exc:
                node.running.pop(request.sandbox_id, None)
                if request.node_id is not None:
                    raise
                refusals.append(f"{node_id}: {exc.message}")
                continue
            except BaseException:
                node.running.pop(request.sandbox_id, None)
                raise
            self._where[request.sandbox_id] = node_id
            return handle
        raise ResourceExhausted(
            "No node of the Ray cluster has room for the sandbox: " + "; ".join(refusals)
        )

    # -------------------------------------------------------------- queries
    def is_alive(self, sandbox_id: str) -> bool:
        node = self._nodes.get(self._where.get(sandbox_id, ""))
        return node is not None and node.alive and sandbox_id in node.running

    async def wait(self, sandbox_id: str) -> SandboxExit:
        node = self._node_of(sandbox_id)
        waiting = asyncio.ensure_future(self._call(node, "wait", sandbox_id))
        lost = asyncio.ensure_future(node.lost.wait())
        try:
            await asyncio.wait({waiting, lost}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            lost.cancel()
        if not waiting.done():
            waiting.cancel()
            raise self._lost_error(node.node_id)
        ended: SandboxExit = waiting.result()
        node.running.pop(sandbox_id, None)
        return ended

    async def usage(self, sandbox_id: str) -> ResourceUsage:
        usage: ResourceUsage = await self._call(self._node_of(sandbox_id), "usage", sandbox_id)
        return usage

    async def capacity(self) -> list[NodeCapacity]:
        return [node.view() for node in self._nodes.values()]

    # ------------------------------------------------------------ transitions
    async def pause(self, sandbox_id: str) -> None:
        await self._call(self._node_of(sandbox_id), "pause", sandbox_id)

    async def resume(self, sandbox_id: str) -> None:
        await self._call(self._node_of(sandbox_id), "resume", sandbox_id)

    async def stop(self, sandbox_id: str) -> None:
        await self._on_node_if_alive(sandbox_id, "stop")

    async def destroy(self, sandbox_id: str) -> None:
        await self._on_node_if_alive(sandbox_id, "destroy")
        self._where.pop(sandbox_id, None)

    async def _on_node_if_alive(self, sandbox_id: str, method: str) -> None:
        """Stop/destroy: on a lost node there is nothing left to end (it went with the node)."""
        node = self._nodes.get(self._where.get(sandbox_id, ""))
        if node is None:
            return
        node.running.pop(sandbox_id, None)
        with contextlib.suppress(NodeLost):
            await self._call(node, method, sandbox_id)

    # ------------------------------------------------------------ connections
    async def connect_port(self, sandbox_id: str, port: int) -> socket.socket:
        return await self._tunnel(sandbox_id, port)

    async def connect_agent(self, sandbox_id: str) -> socket.socket:
        return await self._tunnel(sandbox_id, "agent")

    async def connect_vnc(self, sandbox_id: str) -> socket.socket:
        return await self._tunnel(sandbox_id, "vnc")

    async def _tunnel(self, sandbox_id: str, target: Target) -> socket.socket:
        node = self._node_of(sandbox_id)
        try:
            return await open_tunnel(node.tunnel, self._secret, sandbox_id, target)
        except ConnectionError:
            if not node.alive:
                raise self._lost_error(node.node_id) from None
            raise
