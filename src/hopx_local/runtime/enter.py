"""Entering a running sandbox from outside: what a forked agent does before it serves.

The process starts as host root in the host's namespaces (a fork of the fork server) and ends
exactly where bubblewrap puts a sandbox's command: in the sandbox's cgroups, its network
namespace (owned by the host), its user namespace as uid/gid 0 there (the sandbox's
unprivileged host uid: from the setns into the user namespace on, no host capability is left),
its mount (chrooted into bwrap's root), ipc, uts, cgroup and pid namespaces, with the
capabilities of ``bwrap.SANDBOX_CAPABILITIES`` only (effective, permitted, inheritable and
ambient, like bwrap's ``--cap-add``), no_new_privs and the same seccomp filter, holding only the
descriptors it was given. The pid namespace applies to children: the caller forks once more.

Every step is checked; a failure raises OSError and the caller exits without serving.
"""

from __future__ import annotations

import contextlib
import ctypes
import fcntl
import os
from collections.abc import Iterable, Mapping, Sequence

import attrs

CLONE_NEWNS = 0x00020000
CLONE_NEWCGROUP = 0x02000000
CLONE_NEWUTS = 0x04000000
CLONE_NEWIPC = 0x08000000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

PR_SET_PDEATHSIG = 1
PR_SET_KEEPCAPS = 8
PR_SET_SECCOMP = 22
PR_SET_NO_NEW_PRIVS = 38
PR_CAP_AMBIENT = 47
PR_CAP_AMBIENT_RAISE = 2
PR_CAP_AMBIENT_CLEAR_ALL = 4
SECCOMP_MODE_FILTER = 2
_LINUX_CAPABILITY_VERSION_3 = 0x20080522
MAX_FD = 1 << 20

CAPABILITY_NUMBERS = {
    "CAP_CHOWN": 0,
    "CAP_DAC_OVERRIDE": 1,
    "CAP_DAC_READ_SEARCH": 2,
    "CAP_FOWNER": 3,
    "CAP_FSETID": 4,
    "CAP_KILL": 5,
    "CAP_SETGID": 6,
    "CAP_SETUID": 7,
    "CAP_SETPCAP": 8,
    "CAP_NET_BIND_SERVICE": 10,
    "CAP_NET_RAW": 13,
    "CAP_SYS_CHROOT": 18,
    "CAP_MKNOD": 27,
    "CAP_AUDIT_WRITE": 29,
    "CAP_SETFCAP": 31,
}

# The namespaces joined after the user namespace, in this order (the user namespace owns them).
_INNER_NAMESPACES = (
    ("mnt", CLONE_NEWNS),
    ("ipc", CLONE_NEWIPC),
    ("uts", CLONE_NEWUTS),
    ("cgroup", CLONE_NEWCGROUP),
    ("pid", CLONE_NEWPID),
)

_libc = ctypes.CDLL(None, use_errno=True)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


@attrs.frozen
class Target:
    """Where to go: the sandbox whose pid 1 (bwrap's, inside every namespace) is ``pid1``."""

    pid1: int
    procs_files: Sequence[str]
    capabilities: Sequence[str]
    seccomp_filter: bytes
    cwd: str = "/workspace"
    oom_score_adj: int | None = None


def _check(result: int, what: str) -> int:
    if result == -1:
        error = ctypes.get_errno()
        raise OSError(error, f"{what}: {os.strerror(error)}")
    return result


def prctl(option: int, arg2: int = 0, arg3: int = 0, arg4: int = 0, arg5: int = 0) -> int:
    return _check(
        _libc.prctl(
            ctypes.c_int(option),
            ctypes.c_ulong(arg2),
            ctypes.c_ulong(arg3),
            ctypes.c_ulong(arg4),
            ctypes.c_ulong(arg5),
        ),
        f"prctl({option})",
    )


def setns(fd: int, nstype: int) -> None:
    _check(_libc.setns(ctypes.c_int(fd), ctypes.c_int(nstype)), f"setns({nstype:#x})")


def capability_mask(names: Iterable[str]) -> int:
    mask = 0
    for name in names:
        mask |= 1 << CAPABILITY_NUMBERS[name]
    return mask


def set_capabilities(names: Sequence[str]) -> None:
    """Exactly ``names`` effective, permitted, inheritable and ambient (bwrap --cap-add)."""
    mask = capability_mask(names)
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    data[0].effective = data[0].permitted = data[0].inheritable = mask & 0xFFFFFFFF
    data[1].effective = data[1].permitted = data[1].inheritable = mask >> 32
    _check(_libc.capset(ctypes.byref(header), ctypes.byref(data)), "capset")
    prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL)
    for name in names:
        prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, CAPABILITY_NUMBERS[name])


def load_seccomp(program: bytes) -> None:
    """Install a seccomp BPF program (struct sock_filter[]); needs no_new_privs first."""
    buffer = ctypes.create_string_buffer(program, len(program))
    fprog = _SockFprog(len(program) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.addressof(fprog))


def keep_only_fds(wanted: Mapping[int, int]) -> None:
    """Put each descriptor ``source`` at number ``target`` ({source: target}, targets
    inheritable) and close every other descriptor of the process."""
    floor = max([*wanted, *wanted.values(), 2]) + 1
    moved = {
        target: fcntl.fcntl(source, fcntl.F_DUPFD_CLOEXEC, floor)
        for source, target in wanted.items()
    }
    for target, fd in moved.items():
        os.dup2(fd, target, inheritable=True)
    start = 0
    for fd in sorted(moved):
        if start < fd:
            os.closerange(start, fd)
        start = fd + 1
    os.closerange(start, MAX_FD)


def enter(target: Target, fds: Mapping[int, int]) -> None:
    """Move this (single-threaded, host root) process into the sandbox; see the module doc.

    fds: {descriptor now: number it must have inside}; every other descriptor is closed.
    """
    if target.oom_score_adj is not None:
        try:
            with open("/proc/self/oom_score_adj", "w") as file:
                file.write(str(target.oom_score_adj))
        except OSError:
            pass  # lowering needs CAP_SYS_RESOURCE (e.g. inside a container): default stays
    pid = str(os.getpid())
    for procs in target.procs_files:
        with open(procs, "w") as file:
            file.write(pid)
    base = f"/proc/{target.pid1}"
    names = ("net", "user", *(name for name, _ in _INNER_NAMESPACES))
    ns_fds = {name: os.open(f"{base}/ns/{name}", os.O_RDONLY | os.O_CLOEXEC) for name in names}
    root_fd = os.open(f"{base}/root", os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        # Only host root may join the host-owned network namespace; after the user namespace,
        # this process holds capabilities in the sandbox's namespace only.
        setns(ns_fds["net"], CLONE_NEWNET)
        setns(ns_fds["user"], CLONE_NEWUSER)
        for name, nstype in _INNER_NAMESPACES:
            setns(ns_fds[name], nstype)
        os.fchdir(root_fd)
        os.chroot(".")
        keep_only_fds(fds)  # closes ns_fds and root_fd too
    except BaseException:
        for fd in (*ns_fds.values(), root_fd):
            with contextlib.suppress(OSError):
                os.close(fd)
        raise
    os.chdir(target.cwd)
    prctl(PR_SET_KEEPCAPS, 1)
    os.setgroups([])
    os.setresgid(0, 0, 0)
    os.setresuid(0, 0, 0)
    prctl(PR_SET_KEEPCAPS, 0)
    set_capabilities(target.capabilities)
    prctl(PR_SET_NO_NEW_PRIVS, 1)
    load_seccomp(target.seccomp_filter)
