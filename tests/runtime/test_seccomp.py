"""The sandboxes' syscall filter: what it refuses inside a real sandbox, and that everyday work
(threads, fork, a compiler, pip) still runs. The BPF program itself is checked by running it
in a small interpreter of classic BPF, for every syscall it must refuse."""

from __future__ import annotations

import ctypes
import errno
import json
import os
import platform
import shutil
import struct

import pytest

from hopx_local.runtime import seccomp
from tests.runtime.support import Sandboxes

# (syscall, arguments): each call is harmless even where allowed (bad arguments, no effect).
_PROBES_X86_64 = {
    "bpf": (321, (-1, 0, 0)),
    "keyctl": (250, (-1, 0, 0)),
    "userfaultfd": (323, (-1,)),
    "io_uring_setup": (425, (0, 0)),
    "perf_event_open": (298, (0, 0, -1, -1, 0)),
    "setns": (308, (-1, 0)),
    "add_key": (248, (0, 0, 0, 0, 0)),
    "request_key": (249, (0, 0, 0, 0)),
    "init_module": (175, (0, 0, 0)),
    "finit_module": (313, (-1, 0, 0)),
    "delete_module": (176, (0, 0)),
    "kexec_load": (246, (0, 0, 0, 0)),
    "mount": (165, (0, 0, 0, 0, 0)),
    "open_by_handle_at": (304, (-1, 0, 0)),
}
# Refused with another errno than EPERM when no filter is in the way (checked on the host).
_DISTINCT_WITHOUT_FILTER = ("bpf", "keyctl", "userfaultfd", "io_uring_setup", "setns")


def _probe_code(probes: dict[str, tuple[int, tuple[int, ...]]]) -> str:
    return (
        "import ctypes, json\n"
        "libc = ctypes.CDLL(None, use_errno=True)\n"
        "libc.syscall.restype = ctypes.c_long\n"
        f"probes = {probes!r}\n"
        "found = {}\n"
        "for name, (number, args) in probes.items():\n"
        "    result = libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))\n"
        "    found[name] = ctypes.get_errno() if result == -1 else 0\n"
        "print(json.dumps(found))\n"
    )


def _run_bpf(program: bytes, nr: int, arch: int, args: tuple[int, ...] = ()) -> int:
    """Classic BPF as the kernel runs a seccomp filter (only the instructions we emit)."""
    data = struct.pack("<iIQ6Q", nr, arch, 0, *(list(args) + [0] * 6)[:6])
    insns = [struct.unpack_from("<HBBI", program, at) for at in range(0, len(program), 8)]
    accumulator, pc = 0, 0
    while True:
        code, jt, jf, k = insns[pc]
        pc += 1
        if code == 0x20:
            accumulator = struct.unpack_from("<I", data, k)[0]
        elif code == 0x15:
            pc += jt if accumulator == k else jf
        elif code == 0x35:
            pc += jt if accumulator >= k else jf
        elif code == 0x45:
            pc += jt if accumulator & k else jf
        elif code == 0x06:
            return k
        else:
            raise AssertionError(f"unexpected BPF instruction {code:#x}")


X86_64 = 0xC000003E


def test_filter_refuses_every_listed_syscall_and_allows_the_rest() -> None:
    program = seccomp.default_filter("x86_64")
    eperm = seccomp.errno_return(errno.EPERM)
    numbers = {name: number for name, (number, _) in _PROBES_X86_64.items()} | {
        "reboot": 169,
        "pivot_root": 155,
        "umount2": 166,
        "clock_settime": 227,
    }
    for name, number in numbers.items():
        assert _run_bpf(program, number, X86_64) == eperm, name
    assert _run_bpf(program, 435, X86_64) == seccomp.errno_return(errno.ENOSYS)  # clone3
    for flag in (0x10000000, 0x20000, 0x40000000, 0x20000000):  # NEWUSER, NEWNS, NEWNET, NEWPID
        assert _run_bpf(program, 56, X86_64, (flag | 17,)) == eperm  # clone
        assert _run_bpf(program, 272, X86_64, (flag,)) == eperm  # unshare
    assert _run_bpf(program, 56, X86_64, (0x01200011,)) == seccomp.RET_ALLOW  # fork's clone
    assert _run_bpf(program, 272, X86_64, (0x200,)) == seccomp.RET_ALLOW  # unshare(CLONE_FS)
    for everyday in (0, 1, 2, 3, 9, 57, 59, 60, 231, 257):  # read ... openat
        assert _run_bpf(program, everyday, X86_64) == seccomp.RET_ALLOW
    assert _run_bpf(program, 1, 0x40000003) == seccomp.RET_KILL_PROCESS  # i386 int 0x80
    assert _run_bpf(program, 0x40000000 | 1, X86_64) == seccomp.RET_KILL_PROCESS  # x32


def test_aarch64_filter_is_built_too() -> None:
    program = seccomp.default_filter("aarch64")
    assert _run_bpf(program, 280, 0xC00000B7) == seccomp.errno_return(errno.EPERM)  # bpf
    assert _run_bpf(program, 63, 0xC00000B7) == seccomp.RET_ALLOW  # read


@pytest.mark.skipif(platform.machine() != "x86_64", reason="probe numbers are x86_64's")
def test_probes_are_not_eperm_without_the_filter() -> None:
    """The in-sandbox EPERMs below come from the filter: on the host they are other errors."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    for name in _DISTINCT_WITHOUT_FILTER:
        number, args = _PROBES_X86_64[name]
        result = libc.syscall(ctypes.c_long(number), *(ctypes.c_long(a) for a in args))
        assert result == -1, name
        assert ctypes.get_errno() != errno.EPERM, name


@pytest.mark.anyio
@pytest.mark.skipif(platform.machine() != "x86_64", reason="probe numbers are x86_64's")
async def test_dangerous_syscalls_are_refused_inside(sandboxes: Sandboxes) -> None:
    status, output = await sandboxes.run_python(_probe_code(_PROBES_X86_64))
    assert status == 0, output
    found = json.loads(output.strip().splitlines()[-1])
    assert found == dict.fromkeys(_PROBES_X86_64, errno.EPERM)


@pytest.mark.anyio
async def test_no_nested_user_namespace(sandboxes: Sandboxes) -> None:
    status, output = await sandboxes.run_shell(
        "grep -E '^Seccomp(_filters)?:' /proc/self/status; "
        "unshare -Urm sh -c 'mount -t tmpfs none /mnt && echo MOUNTED'; echo unshare=$?"
    )
    assert status == 0, output
    assert "Seccomp:\t2" in output
    assert "MOUNTED" not in output
    assert "unshare=0" not in output
    assert "Operation not permitted" in output


@pytest.mark.anyio
async def test_threads_fork_and_subprocesses_still_work(sandboxes: Sandboxes) -> None:
    code = (
        "import os, subprocess, threading, concurrent.futures as cf\n"
        "with cf.ThreadPoolExecutor(4) as pool:\n"
        "    assert sum(pool.map(lambda n: n * n, range(100))) == 328350\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    os._exit(7)\n"
        "assert os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]) == 7\n"
        "print(subprocess.run(['sh', '-c', 'echo $((6*7))'], capture_output=True, text=True)"
        ".stdout.strip())\n"
    )
    status, output = await sandboxes.run_python(code, pids_max=128)
    assert status == 0, output
    assert output.strip().splitlines()[-1] == "42"


@pytest.mark.anyio
@pytest.mark.skipif(shutil.which("gcc") is None, reason="no gcc on this host")
async def test_a_compiler_builds_and_runs_a_threaded_program(sandboxes: Sandboxes) -> None:
    source = (
        "#include <pthread.h>\n#include <stdio.h>\n"
        "static void *work(void *arg) { return arg; }\n"
        "int main(void) { pthread_t t; void *out; pthread_create(&t, 0, work, (void *)42);"
        ' pthread_join(t, &out); printf("%ld\\n", (long)out); return 0; }\n'
    )
    status, output = await sandboxes.run_shell(
        f"cd /tmp && cat > t.c <<'EOF'\n{source}EOF\ngcc -pthread -o t t.c && ./t",
        memory_mb=512,
        pids_max=128,
    )
    assert status == 0, output
    assert output.strip().splitlines()[-1] == "42"


@pytest.mark.anyio
async def test_pip_runs(sandboxes: Sandboxes) -> None:
    if not os.path.exists("/usr/lib/python3/dist-packages/pip"):
        pytest.skip("Debian's python3-pip is not installed")
    status, output = await sandboxes.run_shell(
        "/usr/bin/python3 -m pip --version && /usr/bin/python3 -m pip list 2>/dev/null | head -3",
        memory_mb=512,
    )
    assert status == 0, output
    assert "pip " in output
