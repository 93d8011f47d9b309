"""What a sandbox is made of (SandboxSpec) and what it uses (ResourceUsage)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path, PurePosixPath

import attrs

from hopx_local.runtime.egress_policy import OPEN_POLICY, EgressPolicy
from hopx_local.runtime.errors import InvalidSandboxSpecError
from hopx_local.runtime.forkserver import ForkedProgram
from hopx_local.runtime.uids import UID_RANGE

SANDBOX_ID_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
ENV_NAME_PATTERN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# In-sandbox paths the runtime mounts itself; extra binds may not be at or below them.
RESERVED_INSIDE = tuple(
    PurePosixPath(path)
    for path in (
        "/usr",
        "/etc",
        "/proc",
        "/dev",
        "/workspace",
        "/tmp",
        "/home/user",
        "/run/hopx",
        "/bin",
        "/sbin",
        "/lib",
        "/lib32",
        "/lib64",
        "/libx32",
    )
)


@attrs.frozen
class RootfsTree:
    """One overlay of a root filesystem: mounted at ``inside``, its layers topmost first."""

    inside: str
    layers: tuple[Path, ...]

    @property
    def name(self) -> str:
        """Its directory name under upper/, work/ and trees/ (``root`` for /)."""
        return self.inside.strip("/").replace("/", "-") or "root"


@attrs.frozen
class SandboxSpec:
    """Everything needed to start one sandbox.

    sandbox_id: used in cgroup paths; letters, digits, ``_ . -`` (e.g. ``sbx_0123abcd...``).
    root_dir: absolute host directory; the runtime creates workspace/, tmp/, home/, run/ in it.
    uid: unprivileged host uid (also the gid) the sandboxed command runs as; see allocate_uid.
    memory_mb / pids_max / vcpu: cgroup limits (memory without swap, tasks incl. threads,
        CPU quota in cores).
    internet_access: False -> only ``lo``; True -> public addresses through the sandbox's
        egress namespace (see ``egress``), narrowed by network_policy.
    env: environment of the command, on top of HOME/USER/PATH/LANG (spec.env wins).
    command: argv run inside as uid (absolute path; e.g. ``/usr/bin/python3 -m hopx_local.agent``).
    extra_ro_binds: (host path, absolute path inside) read-only bind mounts.
    pass_fds: host descriptors the command inherits under the same numbers (e.g. a listening
        socket bound in the host's network namespace).
    network_policy: allow/deny lists in force from the start (internet_access only).
    rootfs: the root filesystem's trees, ``/`` first (empty: the built-in templates' trees,
        made from this host's system; see ``rootfs``).
    disk_mb: size of the sandbox's disk (writable layers, /workspace, /tmp, /home/user);
        None: no disk of its own, they live on the host's file system without a limit.
    forked: run this program, forked from its fork server into the sandbox, instead of
        ``command`` (see ``forkserver``); ``command`` stays the way to run it where forking is
        not available. pass_fds go to it under the same numbers, as they would to command.
    """

    sandbox_id: str
    root_dir: Path
    uid: int
    memory_mb: int
    pids_max: int
    vcpu: float
    internet_access: bool
    env: Mapping[str, str]
    command: Sequence[str]
    extra_ro_binds: Sequence[tuple[Path, str]] = ()
    pass_fds: Sequence[int] = ()
    network_policy: EgressPolicy = OPEN_POLICY
    rootfs: Sequence[RootfsTree] = ()
    disk_mb: int | None = None
    forked: ForkedProgram | None = None

    def validate(self) -> None:
        """Raise InvalidSandboxSpecError naming the first unusable field."""
        if not SANDBOX_ID_PATTERN.match(self.sandbox_id):
            raise InvalidSandboxSpecError(
                "sandbox_id", f"{self.sandbox_id!r} must match {SANDBOX_ID_PATTERN.pattern}"
            )
        if not self.root_dir.is_absolute() or self.root_dir == Path("/"):
            raise InvalidSandboxSpecError(
                "root_dir", f"{str(self.root_dir)!r} must be an absolute path other than /"
            )
        if self.uid not in UID_RANGE:
            raise InvalidSandboxSpecError(
                "uid",
                f"{self.uid} is outside {UID_RANGE.start}..{UID_RANGE.stop - 1}; "
                "use allocate_uid()",
            )
        if self.memory_mb < 16:
            raise InvalidSandboxSpecError("memory_mb", f"{self.memory_mb} is below 16 MiB")
        if self.pids_max < 4:
            raise InvalidSandboxSpecError("pids_max", f"{self.pids_max} is below 4")
        if not 0.01 <= self.vcpu <= 1024:
            raise InvalidSandboxSpecError("vcpu", f"{self.vcpu} must be within 0.01..1024")
        if not self.command or not self.command[0].startswith("/"):
            raise InvalidSandboxSpecError(
                "command", "must be a non-empty argv whose first item is an absolute path"
            )
        if any(fd < 3 for fd in self.pass_fds):
            raise InvalidSandboxSpecError("pass_fds", "descriptors 0-2 are the sandbox's own")
        if any("\0" in arg for arg in self.command):
            raise InvalidSandboxSpecError("command", "arguments may not contain NUL bytes")
        for name, value in self.env.items():
            if not ENV_NAME_PATTERN.match(name):
                raise InvalidSandboxSpecError("env", f"{name!r} is not a valid variable name")
            if "\0" in value:
                raise InvalidSandboxSpecError("env", f"value of {name} contains a NUL byte")
        if self.disk_mb is not None and not 16 <= self.disk_mb <= 16 * 1024 * 1024:
            raise InvalidSandboxSpecError(
                "disk_mb", f"{self.disk_mb} must be within 16..{16 * 1024 * 1024} MiB"
            )
        self._validate_rootfs()
        for host_path, inside in self.extra_ro_binds:
            if not host_path.is_absolute() or not host_path.exists():
                raise InvalidSandboxSpecError(
                    "extra_ro_binds", f"host path {str(host_path)!r} must be absolute and exist"
                )
            pure = PurePosixPath(inside)
            if (
                not pure.is_absolute()
                or ".." in pure.parts
                or pure == PurePosixPath("/")
                or any(pure.is_relative_to(reserved) for reserved in RESERVED_INSIDE)
            ):
                raise InvalidSandboxSpecError(
                    "extra_ro_binds",
                    f"inside path {inside!r} must be absolute, without '..', and not at or "
                    f"below {', '.join(map(str, RESERVED_INSIDE))} (e.g. use /opt/...)",
                )

    def _validate_rootfs(self) -> None:
        if self.rootfs and self.rootfs[0].inside != "/":
            raise InvalidSandboxSpecError("rootfs", "the first tree must be mounted at /")
        for tree in self.rootfs:
            pure = PurePosixPath(tree.inside)
            if not pure.is_absolute() or ".." in pure.parts or not tree.layers:
                raise InvalidSandboxSpecError(
                    "rootfs", f"tree {tree.inside!r} needs an absolute path and a layer"
                )
            for layer in tree.layers:
                if not layer.is_absolute() or not layer.is_dir() or set(str(layer)) & {",", ":"}:
                    raise InvalidSandboxSpecError(
                        "rootfs",
                        f"layer {str(layer)!r} must be an existing absolute directory "
                        "without ',' or ':' in its path",
                    )


@attrs.frozen
class ResourceUsage:
    """Point-in-time usage of one sandbox, read from its cgroups."""

    memory_bytes: int
    memory_limit_bytes: int
    cpu_usage_ns: int
    pids: int
