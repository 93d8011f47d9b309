"""The node agent: one long-lived Ray actor per node, wrapping a LocalBackend there.

The control plane starts one per Ray node, pinned to it (NodeAffinitySchedulingStrategy, not
soft), and calls it for every lifecycle action of that node's sandboxes (``call``); bytes to
and from the sandboxes go through the node's tunnel (tunnel.py), not through Ray. One actor
per node, not per sandbox: an actor is a Python process (~80 MiB), a sandbox is ~10 MiB.

Sandboxes are children of this actor's process (bwrap --die-with-parent): when the node or the
actor dies, they die with it. The actor is owned by the control plane (not detached), so it
ends when the control plane does, as sandboxes do on one machine.

This module does not import ray: it is plain Python the Ray worker runs.
"""

from __future__ import annotations

import asyncio
import logging
import socket
from typing import Any

import attrs

from hopx_local.control.backends.local import LocalBackend
from hopx_local.control.backends.remote_errors import EncodedError, encode_error
from hopx_local.control.backends.tunnel import Target, serve_tunnels
from hopx_local.control.config import (
    ControlPlaneConfig,
    openapi_dir,
    project_src_dir,
    site_packages_dir,
)
from hopx_local.control.domain_errors import HostUnusable, LifecycleError
from hopx_local.runtime import Runtime
from hopx_local.specs import load_spec, spec_path

log = logging.getLogger("hopx_local.backends.ray_node")

Outcome = tuple[bool, Any]
"""(True, result) or (False, EncodedError)."""

CALLS = frozenset(
    {
        "recover",
        "launch",
        "wait",
        "pause",
        "resume",
        "stop",
        "destroy",
        "capacity",
        "usage",
        "close",
    }
)


def node_data_dir(config: ControlPlaneConfig, node_id: str) -> ControlPlaneConfig:
    """The node's own copy of the configuration: its sandboxes under
    ``<data_dir>/nodes/<node id>/`` on that node, this installation's code paths."""
    return attrs.evolve(
        config,
        data_dir=config.data_dir / "nodes" / node_id[:16],
        agent_src_dir=project_src_dir(),
        site_packages=site_packages_dir(),
        openapi_dir=openapi_dir(),
    )


class NodeAgent:
    def __init__(self, config: ControlPlaneConfig, node_id: str, tunnel_secret: str) -> None:
        self.node_id = node_id
        self.config = node_data_dir(config, node_id)
        self.backend = LocalBackend(self.config, Runtime(), node_id=node_id)
        self._secret = tunnel_secret
        self._tunnels: asyncio.Server | None = None

    async def start(self, host: str) -> Outcome:
        """Check the host, prepare the data directory, open the tunnel port on ``host``;
        answers the tunnel's (host, port)."""
        missing = self.backend.runtime.missing_host_dependencies()
        if missing:
            return False, encode_error(
                HostUnusable(
                    f"Node '{self.node_id}' cannot run sandboxes: {'; '.join(missing)}",
                    node_id=self.node_id,
                )
            )
        self.config.sandboxes_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
        # Parsed once per node, so every agent there starts from the JSON copy.
        load_spec(spec_path("vm-agent"), self.config.spec_cache_dir)
        self._tunnels = await serve_tunnels(host, self._secret, self._connect)
        address = self._tunnels.sockets[0].getsockname()
        log.info("node agent %s ready; tunnels on %s:%d", self.node_id, *address[:2])
        return True, (address[0], address[1])

    async def call(self, method: str, *args: Any) -> Outcome:
        """``LocalBackend.<method>(*args)``, domain errors as data."""
        if method not in CALLS:
            return False, encode_error(LifecycleError(f"unknown node call {method!r}"))
        try:
            result = await getattr(self.backend, method)(*args)
        except (LifecycleError, OSError) as exc:
            encoded: EncodedError = encode_error(exc)
            return False, encoded
        if method == "close" and self._tunnels is not None:
            self._tunnels.close()
        return True, result

    def ping(self) -> str:
        return self.node_id

    async def _connect(self, sandbox_id: str, target: Target) -> socket.socket:
        if target == "agent":
            return await self.backend.connect_agent(sandbox_id)
        if target == "vnc":
            return await self.backend.connect_vnc(sandbox_id)
        if isinstance(target, int) and 1 <= target <= 65535:
            return await self.backend.connect_port(sandbox_id, target)
        raise OSError(f"not a tunnel target: {target!r}")
