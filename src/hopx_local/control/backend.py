"""The seam between the control plane's lifecycle and where sandboxes run.

``SandboxManager`` (sandboxes.py: records, locks, deadlines, warm-pool policy) decides *what*
happens to a sandbox; a :class:`Backend` makes it happen on some machine. ``LocalBackend``
(backends/local.py) runs sandboxes on this host with ``hopx_local.runtime``; ``RayBackend``
(backends/ray.py) places them on node agents of a Ray cluster, each wrapping a LocalBackend.
How the agent process is started (bubblewrap today) is below this seam.

Calls for one sandbox never overlap (the manager holds its lock), except ``wait``, which lasts
as long as the sandbox runs. Backends raise the errors of
``domain_errors`` (``ResourceExhausted``: this node is full, another may not be; ``SandboxGone``:
the sandbox's processes ended; ``NodeLost``: its node is gone; ``LaunchFailed``,
``BackendFailure``, ``HostUnusable``), never HTTP errors.
"""

from __future__ import annotations

import socket
from collections.abc import Callable, Mapping
from typing import Any, Protocol

import attrs

from hopx_local.control.catalog import TemplateDefinition
from hopx_local.runtime import ResourceUsage

LOCAL_NODE_ID = "local"


@attrs.frozen
class LaunchRequest:
    """Everything a backend needs to start (or restart) one sandbox."""

    sandbox_id: str
    uid: int
    """Host uid the sandbox runs as (unique among the control plane's sandboxes)."""
    secret: bytes = attrs.field(repr=False)
    """Key of the sandbox's agent JWTs (written into the sandbox, never logged)."""
    template: TemplateDefinition | None
    """The sandbox's template (None: deleted since; defaults apply)."""
    env_vars: Mapping[str, str] = attrs.field(repr=False)
    """The create's env_vars (the template's sandbox_env is added below them)."""
    internet_access: bool
    vcpu: int
    memory_mb: int
    disk_mb: int
    pids_max: int
    agent_flavour: str
    preferred_port: int | None = None
    """The agent port to take again if it is free (a restart keeps its public_host)."""
    reserved_ports: frozenset[int] = frozenset()
    """Ports recorded for other sandboxes (stopped ones want theirs back): never handed out."""
    network_policy: Mapping[str, Any] | None = None
    """Egress rules beyond ``internet_access`` (None: none); interpreted below the seam."""
    node_id: str | None = None
    """Launch on this node (a restart: its files are there; a warm-pool slot of that node);
    None: the backend places it."""


@attrs.frozen
class SandboxHandle:
    """Where a launched sandbox runs and how its agent is reached."""

    sandbox_id: str
    node_id: str
    agent_host: str
    """Address the agent's port listens on (on the node)."""
    agent_port: int


@attrs.frozen
class SandboxExit:
    """How a sandbox's processes ended on their own."""

    status: int
    """Exit status of its command (negative: killed by that signal)."""
    log_tail: str = ""


@attrs.frozen
class NodeCapacity:
    """What one node can still take (for placement and capacity checks)."""

    node_id: str
    sandboxes: int
    """Sandboxes running on it now (warm-pool sandboxes included)."""
    vcpu_committed: int
    memory_mb_committed: int
    cpus: int
    """Logical CPUs of the node."""
    memory_mb_total: int
    memory_mb_available: int
    """The host's MemAvailable now."""
    alive: bool = True

    @property
    def free_memory_mb(self) -> int:
        """Memory not yet promised to a sandbox (may be negative: overcommitted)."""
        return self.memory_mb_total - self.memory_mb_committed


class Backend(Protocol):
    """Runs sandboxes somewhere; see the module docstring."""

    async def recover(self, known: Mapping[str, str]) -> None:
        """At server start (a cluster backend finds its nodes first): destroy what sandboxes
        without a record left (pooled ones of a server that died); ``known`` maps the
        recorded sandboxes to their nodes. The processes of every sandbox are gone already."""

    async def launch(self, request: LaunchRequest) -> SandboxHandle:
        """Start the sandbox and return once its agent is healthy."""

    def nodes(self) -> list[str]:
        """The nodes that can take sandboxes now."""

    def on_nodes_changed(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` whenever :meth:`nodes` changes (a node joined or was lost)."""

    def is_alive(self, sandbox_id: str) -> bool:
        """Whether a launched sandbox's processes are still there (no I/O)."""

    async def wait(self, sandbox_id: str) -> SandboxExit:
        """Wait until a launched sandbox ends on its own (NodeLost when its node dies)."""

    async def pause(self, sandbox_id: str) -> None: ...

    async def resume(self, sandbox_id: str) -> None: ...

    async def update_network(self, sandbox_id: str, policy: Mapping[str, Any] | None) -> None:
        """Put a new egress policy (as in ``LaunchRequest.network_policy``) in force on a
        running or paused sandbox, open connections included (SandboxGone if not running)."""

    async def stop(self, sandbox_id: str) -> None:
        """Processes gone, files kept (no error when none run)."""

    async def destroy(self, sandbox_id: str) -> None:
        """Processes and files gone."""

    async def connect_port(self, sandbox_id: str, port: int) -> socket.socket:
        """A connected non-blocking socket to 127.0.0.1:port inside the running sandbox."""

    async def connect_agent(self, sandbox_id: str) -> socket.socket:
        """A connected non-blocking socket to the sandbox's agent (HTTP)."""

    async def connect_vnc(self, sandbox_id: str) -> socket.socket:
        """A connected non-blocking socket to a desktop sandbox's VNC server (OSError if none)."""

    async def usage(self, sandbox_id: str) -> ResourceUsage:
        """Memory, CPU time and pids of a running sandbox now (SandboxGone if not running)."""

    async def capacity(self) -> list[NodeCapacity]:
        """One entry per node this backend can place sandboxes on."""

    async def close(self) -> None:
        """At shutdown: stop every sandbox this backend started (files stay)."""
