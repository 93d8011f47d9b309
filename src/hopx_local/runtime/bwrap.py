"""The bubblewrap command line of a sandbox (pure: builds argv, runs nothing).

bwrap runs as host root without a user namespace: root creates the namespaces and mounts,
then the sandbox's first process is setpriv, which switches to the sandbox uid, drops every
capability (effective, permitted, inheritable, ambient, bounding) and sets no_new_privs before
it execs the spec's command. Nothing in the sandbox ever runs as root except bwrap's own init
(pid 1, which only reaps) and that setpriv.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path, PurePosixPath

from hopx_local.runtime.paths import SandboxPaths
from hopx_local.runtime.spec import SandboxSpec

BASE_ENV = {
    "HOME": "/home/user",
    "USER": "user",
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
}
HOSTNAME = "sandbox"
# Top-level entries that merged-/usr systems keep as symlinks into /usr.
TOP_LEVEL_LIB_DIRS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
# Created by bwrap itself or bound from the host: no --dir needed below these.
PREEXISTING_INSIDE = ("/usr", "/etc", "/proc", "/dev")


def sandbox_environment(spec: SandboxSpec) -> dict[str, str]:
    """The complete environment of the sandboxed command: BASE_ENV overlaid with spec.env."""
    return {**BASE_ENV, **spec.env}


def setpriv_argv(setpriv: str, uid: int) -> list[str]:
    """Drop to uid:uid with no groups, no capabilities, no_new_privs; then exec what follows."""
    return [
        setpriv,
        f"--reuid={uid}",
        f"--regid={uid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--ambient-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--",
    ]


def inner_command(spec: SandboxSpec, setpriv: str) -> list[str]:
    """What bwrap runs (after its options and ``--``): setpriv, then the spec's command."""
    return [*setpriv_argv(setpriv, spec.uid), *spec.command]


def bwrap_options(
    spec: SandboxSpec,
    paths: SandboxPaths,
    *,
    info_fd: int,
    block_fd: int,
    resolv_conf: Path | None,
    host_root: Path = Path("/"),
) -> list[str]:
    """bwrap's options (no command): namespaces, mounts, environment, fds.

    info_fd: bwrap writes {"child-pid": ...} there once the namespaces exist.
    block_fd: the sandbox waits for a byte on it before running anything (time to attach
    networking and adjust the process from the host).
    resolv_conf: host file bound over /etc/resolv.conf (None: keep the host's).
    """
    args = [
        "--unshare-pid",
        "--unshare-ipc",
        "--unshare-uts",
        "--unshare-net",
        "--unshare-cgroup-try",
        "--die-with-parent",
        "--new-session",
        "--hostname",
        HOSTNAME,
        "--info-fd",
        str(info_fd),
        "--block-fd",
        str(block_fd),
        "--ro-bind",
        "/usr",
        "/usr",
        "--ro-bind",
        "/etc",
        "/etc",
    ]
    for identity in (paths.passwd, paths.group):
        if identity.is_file():
            args += ["--ro-bind", str(identity), f"/etc/{identity.name}"]
    args += _top_level_lib_dirs(host_root)
    args += ["--proc", "/proc", "--dev", "/dev"]
    args += ["--perms", "1777", "--size", str(spec.memory_mb * 1024 * 1024), "--tmpfs", "/dev/shm"]
    targets = [inside for _, inside in paths.mounts()]
    targets += [inside for _, inside in spec.extra_ro_binds]
    targets.append("/var/tmp")
    args += _parent_dirs(targets)
    for host_dir, inside in paths.mounts():
        args += ["--bind", str(host_dir), inside]
    args += ["--symlink", "../tmp", "/var/tmp"]
    for host_path, inside in spec.extra_ro_binds:
        args += ["--ro-bind", str(host_path), str(PurePosixPath(inside))]
    if resolv_conf is not None:
        args += _resolv_conf_bind(resolv_conf, host_root)
    args += ["--chdir", "/workspace", "--clearenv"]
    for name, value in sandbox_environment(spec).items():
        args += ["--setenv", name, value]
    return args


def _top_level_lib_dirs(host_root: Path) -> list[str]:
    """/bin, /lib, ... as on the host: symlinks into /usr, or read-only binds if real dirs."""
    args: list[str] = []
    for name in TOP_LEVEL_LIB_DIRS:
        host_path = host_root / name
        if host_path.is_symlink():
            args += ["--symlink", os.readlink(host_path), f"/{name}"]
        elif host_path.is_dir():
            args += ["--ro-bind", str(host_path), f"/{name}"]
    return args


def _parent_dirs(targets: Iterable[str]) -> list[str]:
    """--dir (mode 0755) for each missing ancestor, so the sandbox uid can traverse them.

    bwrap would create them on its own, but with mode 0700 owned by root.
    """
    args: list[str] = []
    seen: set[PurePosixPath] = set()
    for target in targets:
        for parent in reversed(PurePosixPath(target).parents):
            if parent == PurePosixPath("/") or parent in seen:
                continue
            if any(parent.is_relative_to(pre) for pre in PREEXISTING_INSIDE):
                continue
            seen.add(parent)
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def _resolv_conf_bind(resolv_conf: Path, host_root: Path) -> list[str]:
    """Bind over /etc/resolv.conf, or over its target when the host's is a symlink."""
    host_resolv = host_root / "etc/resolv.conf"
    target = PurePosixPath("/etc/resolv.conf")
    if host_resolv.is_symlink():
        target = PurePosixPath(os.path.realpath(host_resolv))
        if host_root != Path("/"):
            target = PurePosixPath("/") / target.relative_to(host_root)
    args: list[str] = []
    if not any(target.is_relative_to(pre) for pre in PREEXISTING_INSIDE):
        args += _parent_dirs([str(target)])
    elif not (host_root / str(target).lstrip("/")).exists():
        # A dangling link into the read-only /etc or /usr: there is nowhere to bind to.
        return []
    return [*args, "--ro-bind", str(resolv_conf), str(target)]


def write_identity_files(paths: SandboxPaths, uid: int, host_root: Path = Path("/")) -> None:
    """passwd/group for inside: the host's, plus ``user`` for the sandbox uid (whoami, prompts)."""
    for name, line in (
        ("passwd", f"user:x:{uid}:{uid}:sandbox user:/home/user:/bin/bash\n"),
        ("group", f"user:x:{uid}:\n"),
    ):
        try:
            host = (host_root / "etc" / name).read_text()
        except OSError:
            host = ""
        kept = [entry for entry in host.splitlines(keepends=True) if not entry.startswith("user:")]
        target = paths.passwd if name == "passwd" else paths.group
        target.write_text(
            "".join(kept) + ("" if not kept or kept[-1].endswith("\n") else "\n") + line
        )
        target.chmod(0o644)
