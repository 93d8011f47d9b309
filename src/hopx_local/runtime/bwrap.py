"""The command line that starts a sandbox (pure: builds argv, runs nothing).

Root inside, never root outside. Host root prepares the sandbox's namespaces and mounts
(``userns``, ``rootfs``), then the launcher (nsenter) enters the sandbox's network namespace
and its user namespace as uid 0 there, which is the sandbox's unprivileged host uid, with
capabilities in that user namespace only, and execs bwrap. bwrap makes the
mount, pid, ipc, uts and cgroup namespaces there, binds the root filesystem's trees and
hopx-local's own directories from the sandbox's stage (see ``stage``), and runs the
command as uid 0 with the capabilities of ``SANDBOX_CAPABILITIES`` only: enough for a
package manager (chown, setuid to ``_apt``), none that reaches what confines the sandbox
(no CAP_SYS_ADMIN: no mount, no remount of a read-only bind; the network namespace belongs
to the host, so no capability over it at all).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import attrs

from hopx_local.runtime.spec import SandboxSpec

BASE_ENV = {
    "HOME": "/root",
    "USER": "root",
    "PATH": "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    "LANG": "C.UTF-8",
}
HOSTNAME = "sandbox"
# What a container engine grants its root by default (Docker's list), minus what needs the
# network namespace (which the sandbox's user namespace does not own anyway).
SANDBOX_CAPABILITIES = (
    "CAP_CHOWN",
    "CAP_DAC_OVERRIDE",
    "CAP_FOWNER",
    "CAP_FSETID",
    "CAP_KILL",
    "CAP_SETGID",
    "CAP_SETUID",
    "CAP_SETPCAP",
    "CAP_SETFCAP",
    "CAP_SYS_CHROOT",
    "CAP_AUDIT_WRITE",
)

# hopx-local's own directory (the agent's code): a tmpfs holding only its read-only binds,
# itself remounted read-only, so the sandbox's root can write nothing there (on the writable
# root filesystem it could otherwise add files next to the agent's code).
SEALED_DIRS = ("/.hopx",)


@attrs.frozen
class Bind:
    """A host directory or file (below the sandbox's stage) bound at ``inside``."""

    source: Path
    inside: str
    read_only: bool = False


def sandbox_environment(spec: SandboxSpec) -> dict[str, str]:
    """The complete environment of the sandboxed command: BASE_ENV overlaid with spec.env."""
    return {**BASE_ENV, **spec.env}


def enter_namespaces_argv(nsenter: str, holder_pid: int) -> list[str]:
    """Join the holder's network namespace, then its user namespace as uid 0 there.

    From then on the process is the sandbox's host uid and holds capabilities in the
    sandbox's user namespace only (none on the host: setns into a user namespace drops them).
    """
    return [
        nsenter,
        f"--net=/proc/{holder_pid}/ns/net",
        f"--user=/proc/{holder_pid}/ns/user",
        "--",
    ]


def bwrap_options(
    spec: SandboxSpec,
    *,
    info_fd: int,
    binds: Sequence[Bind],
) -> list[str]:
    """bwrap's options (no command): namespaces, mounts, capabilities, environment, fds.

    binds: in order; the first is the root filesystem's ``/``.
    info_fd: bwrap writes {"child-pid": ...} there once the namespaces exist.
    """
    args = [
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
        "--hostname",
        HOSTNAME,
        "--info-fd",
        str(info_fd),
    ]
    root, *others = binds
    args += ["--bind", str(root.source), "/"]
    args += ["--proc", "/proc", "--dev", "/dev"]
    args += ["--perms", "1777", "--size", str(spec.memory_mb * 1024 * 1024), "--tmpfs", "/dev/shm"]
    sealed = [
        path
        for path in SEALED_DIRS
        if any(bind.read_only and bind.inside.startswith(f"{path}/") for bind in others)
    ]
    for path in sealed:
        args += ["--tmpfs", path]
    for bind in others:
        args += ["--ro-bind" if bind.read_only else "--bind", str(bind.source), bind.inside]
    for path in sealed:
        args += ["--remount-ro", path]
    args += ["--cap-drop", "ALL"]
    for capability in SANDBOX_CAPABILITIES:
        args += ["--cap-add", capability]
    args += ["--chdir", "/workspace", "--clearenv"]
    for name, value in sandbox_environment(spec).items():
        args += ["--setenv", name, value]
    return args
