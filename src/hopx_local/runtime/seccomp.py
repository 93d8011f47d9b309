"""The sandboxes' default syscall filter (seccomp BPF, built here: no library needed).

In the spirit of Docker's default profile: everything is allowed except the syscalls that
are the usual doors to kernel bugs or that no sandboxed program needs, which fail with EPERM:

- new namespaces (``unshare`` and ``clone`` with any ``CLONE_NEW*`` flag, ``setns``): no
  nested user namespace, so no capability set that could reach more kernel code;
  ``clone3`` fails with ENOSYS (its flags sit in memory a filter cannot read), so the C
  library falls back to ``clone``, whose flags are checked;
- ``bpf``, ``perf_event_open``, ``userfaultfd``, ``io_uring_*``;
- the kernel keyring (``keyctl``, ``add_key``, ``request_key``);
- module loading and kexec (``init_module``, ``finit_module``, ``delete_module``, ``kexec_*``,
  and the obsolete module calls), ``reboot``, ``swapon``/``swapoff``, ``acct``, quotas;
- mounting (``mount``, ``umount2``, ``pivot_root`` and the new mount API);
- setting the clock, ``iopl``/``ioperm``, ``open_by_handle_at``/``name_to_handle_at``,
  ``syslog``, ``vhangup`` and old calls (``uselib``, ``ustat``, ``sysfs``, ``_sysctl``,
  ``nfsservctl``, ``lookup_dcookie``).

Syscalls of another ABI than the host's (32-bit x86 ``int 0x80``, x32) kill the process: the
numbers above are only those of the native ABI. bubblewrap loads the filter (``--seccomp FD``)
into the sandbox's command after it has set up the namespaces and mounts, so everything the
runtime itself does inside is unaffected. Supported: x86_64 and aarch64 hosts.
"""

from __future__ import annotations

import errno
import os
import platform
import struct
from collections.abc import Mapping

from hopx_local.runtime.errors import HostDependencyError

# seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6]
_NR = 0
_ARCH = 4
_ARG0_LOW = 16  # little-endian: the low 32 bits of args[0]

_LD_W_ABS = 0x20
_JEQ_K = 0x15
_JGE_K = 0x35
_JSET_K = 0x45
_RET_K = 0x06

RET_KILL_PROCESS = 0x80000000
RET_ALLOW = 0x7FFF0000
_RET_ERRNO = 0x00050000

CLONE_NAMESPACE_FLAGS = (
    0x00020000  # CLONE_NEWNS
    | 0x02000000  # CLONE_NEWCGROUP
    | 0x04000000  # CLONE_NEWUTS
    | 0x08000000  # CLONE_NEWIPC
    | 0x10000000  # CLONE_NEWUSER
    | 0x20000000  # CLONE_NEWPID
    | 0x40000000  # CLONE_NEWNET
)
CLONE_NEWTIME = 0x00000080  # unshare only: in clone's flags these bits are the exit signal
X32_SYSCALL_BIT = 0x40000000

BLOCKED = (
    "setns",
    "bpf",
    "perf_event_open",
    "userfaultfd",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "keyctl",
    "add_key",
    "request_key",
    "init_module",
    "finit_module",
    "delete_module",
    "create_module",
    "query_module",
    "get_kernel_syms",
    "kexec_load",
    "kexec_file_load",
    "reboot",
    "swapon",
    "swapoff",
    "acct",
    "quotactl",
    "quotactl_fd",
    "mount",
    "umount2",
    "pivot_root",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
    "clock_settime",
    "clock_adjtime",
    "settimeofday",
    "iopl",
    "ioperm",
    "open_by_handle_at",
    "name_to_handle_at",
    "syslog",
    "vhangup",
    "uselib",
    "ustat",
    "sysfs",
    "_sysctl",
    "nfsservctl",
    "lookup_dcookie",
)


class _Abi:
    def __init__(self, audit_arch: int, numbers: Mapping[str, int], *, x32_bit: bool) -> None:
        self.audit_arch = audit_arch
        self.numbers = numbers
        self.x32_bit = x32_bit


# From the kernel's uapi headers: asm/unistd_64.h (x86_64), asm-generic/unistd.h (aarch64).
# fmt: off
_X86_64 = _Abi(
    0xC000003E,
    {
        "clone": 56, "clone3": 435, "unshare": 272, "setns": 308, "bpf": 321,
        "perf_event_open": 298, "userfaultfd": 323, "io_uring_setup": 425,
        "io_uring_enter": 426, "io_uring_register": 427, "keyctl": 250, "add_key": 248,
        "request_key": 249, "init_module": 175, "finit_module": 313, "delete_module": 176,
        "create_module": 174, "query_module": 178, "get_kernel_syms": 177, "kexec_load": 246,
        "kexec_file_load": 320, "reboot": 169, "swapon": 167, "swapoff": 168, "acct": 163,
        "quotactl": 179, "quotactl_fd": 443, "mount": 165, "umount2": 166, "pivot_root": 155,
        "fsopen": 430, "fsconfig": 431, "fsmount": 432, "fspick": 433, "move_mount": 429,
        "open_tree": 428, "mount_setattr": 442, "clock_settime": 227, "clock_adjtime": 305,
        "settimeofday": 164, "iopl": 172, "ioperm": 173, "open_by_handle_at": 304,
        "name_to_handle_at": 303, "syslog": 103, "vhangup": 153, "uselib": 134, "ustat": 136,
        "sysfs": 139, "_sysctl": 156, "nfsservctl": 180, "lookup_dcookie": 212,
    },
    x32_bit=True,
)
_AARCH64 = _Abi(
    0xC00000B7,
    {
        "clone": 220, "clone3": 435, "unshare": 97, "setns": 268, "bpf": 280,
        "perf_event_open": 241, "userfaultfd": 282, "io_uring_setup": 425,
        "io_uring_enter": 426, "io_uring_register": 427, "keyctl": 219, "add_key": 217,
        "request_key": 218, "init_module": 105, "finit_module": 273, "delete_module": 106,
        "kexec_load": 104, "kexec_file_load": 294, "reboot": 142, "swapon": 224,
        "swapoff": 225, "acct": 89, "quotactl": 60, "quotactl_fd": 443, "mount": 40,
        "umount2": 39, "pivot_root": 41, "fsopen": 430, "fsconfig": 431, "fsmount": 432,
        "fspick": 433, "move_mount": 429, "open_tree": 428, "mount_setattr": 442,
        "clock_settime": 112, "clock_adjtime": 266, "settimeofday": 170,
        "open_by_handle_at": 265, "name_to_handle_at": 264, "syslog": 116, "vhangup": 58,
        "nfsservctl": 42, "lookup_dcookie": 18,
    },
    x32_bit=False,
)
# fmt: on
_ABIS = {"x86_64": _X86_64, "amd64": _X86_64, "aarch64": _AARCH64, "arm64": _AARCH64}


def errno_return(code: int) -> int:
    return _RET_ERRNO | (code & 0xFFFF)


def _insn(code: int, k: int, jt: int = 0, jf: int = 0) -> bytes:
    return struct.pack("<HBBI", code, jt, jf, k)


def supported(machine: str | None = None) -> bool:
    return (machine or platform.machine()).lower() in _ABIS


def default_filter(machine: str | None = None) -> bytes:
    """The BPF program (struct sock_filter[]) for ``bwrap --seccomp``, for this machine's ABI.

    HostDependencyError on an architecture without a syscall table here (sandboxes do not
    start without their filter).
    """
    arch = (machine or platform.machine()).lower()
    try:
        abi = _ABIS[arch]
    except KeyError:
        raise HostDependencyError(
            f"a seccomp syscall table for {arch!r} (hopx-local knows x86_64 and aarch64)"
        ) from None
    deny = errno_return(errno.EPERM)
    program = [
        _insn(_LD_W_ABS, _ARCH),
        _insn(_JEQ_K, abi.audit_arch, jt=1),
        _insn(_RET_K, RET_KILL_PROCESS),  # another ABI: other syscall numbers
        _insn(_LD_W_ABS, _NR),
    ]
    if abi.x32_bit:
        program += [_insn(_JGE_K, X32_SYSCALL_BIT, jf=1), _insn(_RET_K, RET_KILL_PROCESS)]
    program += [
        _insn(_JEQ_K, abi.numbers["clone3"], jf=1),
        _insn(_RET_K, errno_return(errno.ENOSYS)),
    ]
    for name, flags in (
        ("clone", CLONE_NAMESPACE_FLAGS),
        ("unshare", CLONE_NAMESPACE_FLAGS | CLONE_NEWTIME),
    ):
        program += [
            _insn(_JEQ_K, abi.numbers[name], jf=4),
            _insn(_LD_W_ABS, _ARG0_LOW),
            _insn(_JSET_K, flags, jf=1),
            _insn(_RET_K, deny),
            _insn(_RET_K, RET_ALLOW),
        ]
    for name in BLOCKED:
        number = abi.numbers.get(name)
        if number is not None:
            program += [_insn(_JEQ_K, number, jf=1), _insn(_RET_K, deny)]
    program.append(_insn(_RET_K, RET_ALLOW))
    return b"".join(program)


def filter_memfd(machine: str | None = None) -> int:
    """A memfd holding :func:`default_filter`, positioned at 0, for ``bwrap --seccomp FD``."""
    fd = os.memfd_create("hopx-seccomp", os.MFD_CLOEXEC)
    try:
        view = memoryview(default_filter(machine))
        while view:
            view = view[os.write(fd, view) :]
        os.lseek(fd, 0, os.SEEK_SET)
    except BaseException:
        os.close(fd)
        raise
    return fd
