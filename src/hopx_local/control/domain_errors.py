"""Domain errors of the control plane's lifecycle and backends (no HTTP here).

Lifecycle code (``SandboxManager``) and backends raise these; the API layer maps each kind to
the documented error body (``errors.from_domain``), as the agent's ``AgentFault`` is mapped by
its ``http_api``. A message says what happened and how to fix it; ``details`` carry the
machine-readable facts (they become the error body's ``details``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


class LifecycleError(Exception):
    """Base of every domain error: a message for people, details for programs."""

    def __init__(self, message: str, **details: Any) -> None:
        super().__init__(message)
        self.message = message
        self.details: dict[str, Any] = details


# ------------------------------------------------------------------- kinds (one body each)
class NotFound(LifecycleError):
    """The thing asked for does not exist."""


class Conflict(LifecycleError):
    """The action does not fit the sandbox's current status."""


class LimitReached(LifecycleError):
    """A configured limit of the server forbids the action."""


class Unavailable(LifecycleError):
    """The server (or its nodes) cannot do it now; retrying later may work."""


class Failed(LifecycleError):
    """Something below the control plane failed (a bug, or the host misbehaving)."""


# ------------------------------------------------------------------------- lifecycle
class SandboxNotFound(NotFound):
    def __init__(self, sandbox_id: str) -> None:
        super().__init__(
            f"Sandbox '{sandbox_id}' not found (it never existed or was deleted).",
            resource="sandbox",
            id=sandbox_id,
        )
        self.sandbox_id = sandbox_id


class SandboxDeleted(SandboxNotFound):
    """A sandbox that existed and was deleted lately: ``killed``, or ``expired`` (its
    ``timeout_seconds`` ran out). ``details.reason`` / ``details.ended_at`` say which and when
    (a hopx-local extension of the 404 body)."""

    def __init__(self, sandbox_id: str, reason: str, ended_at: str) -> None:
        if reason == "expired":
            message = (
                f"Sandbox '{sandbox_id}' expired at {ended_at}: its timeout_seconds ran out and "
                "it was deleted. Create a new one; extend a sandbox's life with "
                "set_timeout(seconds) before it expires."
            )
        else:
            message = (
                f"Sandbox '{sandbox_id}' was killed at {ended_at} (deleted with kill()); "
                "create a new one."
            )
        LifecycleError.__init__(
            self, message, resource="sandbox", id=sandbox_id, reason=reason, ended_at=ended_at
        )
        self.sandbox_id = sandbox_id


class InvalidTransition(Conflict):
    def __init__(
        self,
        sandbox_id: str,
        action: str,
        status: str,
        allowed_from: Sequence[str],
        hint: str = "",
    ) -> None:
        wanted = " or ".join(f"'{s}'" for s in allowed_from)
        message = (
            f"Cannot {action} sandbox '{sandbox_id}' in status '{status}'; it must be {wanted}."
        )
        if hint:
            message = f"{message} {hint}"
        super().__init__(message, status=status, allowed_from=list(allowed_from))
        self.status = status


class SandboxEnded(Conflict):
    """The sandbox's processes ended underneath the action; it is now stopped."""

    def __init__(self, sandbox_id: str) -> None:
        super().__init__(
            f"Sandbox '{sandbox_id}' is no longer running (its processes ended); it is now "
            "stopped. Start it again with POST /v1/sandboxes/{id}/start.",
            status="stopped",
        )


class SandboxLimitReached(LimitReached):
    def __init__(self, limit: int, current: int) -> None:
        super().__init__(
            f"Sandbox limit reached ({current} of {limit} sandboxes); delete sandboxes you no "
            "longer need, or start hopx-local with a higher --max-sandboxes.",
            limit=limit,
            current=current,
            available=0,
            upgrade_url=None,
        )


# -------------------------------------------------------------------------- backends
class ResourceExhausted(Unavailable):
    """The node has no room for another sandbox (ports, uids, memory): try another node."""


class HostUnusable(Unavailable):
    """The node cannot run sandboxes at all (a host dependency is missing)."""


class NodeLost(Unavailable):
    """The node running the sandbox is gone (its processes died with it)."""

    def __init__(self, node_id: str, message: str = "", **details: Any) -> None:
        super().__init__(
            message or f"Node '{node_id}' was lost; its sandboxes ended with it.",
            node_id=node_id,
            **details,
        )
        self.node_id = node_id


class SandboxGone(LifecycleError):
    """The backend has no running processes for the sandbox (they ended on their own)."""

    def __init__(self, sandbox_id: str) -> None:
        super().__init__(f"Sandbox '{sandbox_id}' has no running processes.")
        self.sandbox_id = sandbox_id


class LaunchFailed(Failed):
    """The sandbox could not be started (details: sandbox_id, log_tail, exit_status)."""


class BackendFailure(Failed):
    """The backend failed on an existing sandbox (pause, stop, destroy...)."""


# --------------------------------------------------------------------------- template builds
class BuildNotFound(NotFound):
    def __init__(self, build_id: str) -> None:
        super().__init__(f"Build '{build_id}' not found.", resource="build", id=build_id)
