"""Errors raised by the sandbox runtime (one small hierarchy)."""


class SandboxRuntimeError(Exception):
    """Base class of every error raised by hopx_local.runtime."""


class InvalidSandboxSpecError(SandboxRuntimeError, ValueError):
    """A SandboxSpec field is unusable; the message names the field and the fix."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"SandboxSpec.{field}: {message}")
        self.field = field


class HostDependencyError(SandboxRuntimeError):
    """The host lacks something the runtime needs (a binary, root, a cgroup controller)."""


class SandboxStartError(SandboxRuntimeError):
    """The sandbox could not be spawned; the message carries the tail of its log."""


class SandboxNotFoundError(SandboxRuntimeError, LookupError):
    """The sandbox is not running here (never started, stopped, ended), or has no cgroups."""

    def __init__(self, sandbox_id: str, reason: str = "is not running in this runtime") -> None:
        super().__init__(f"sandbox {sandbox_id!r} {reason}")
        self.sandbox_id = sandbox_id
