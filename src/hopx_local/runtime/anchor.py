"""The sandbox's command when its agent is forked in from a fork server: a tiny anchor.

bubblewrap still builds the sandbox (namespaces, mounts, its pid 1) and runs a command; with a
forked agent that command only has to live as long as the agent and end with the agent's exit
status, so the sandbox ends when its agent does, as before. It is a 150-byte static program
(no interpreter, no C library, nothing of the image needed): ``read(0, buf, 1)`` on a pipe whose
only write end the agent holds; one byte read is the agent's exit status, end of file (the
agent was killed) exits with ``KILLED_STATUS``. It is run from a memfd.
"""

from __future__ import annotations

import os
import platform
import struct

KILLED_STATUS = 137

# x86_64: read(0, rsp-8, 1); exit_group(n == 1 ? byte : KILLED_STATUS)
_X86_64_CODE = bytes.fromhex(
    "31ff"  # xor edi, edi            (fd 0)
    "488d7424f8"  # lea rsi, [rsp-8]
    "ba01000000"  # mov edx, 1
    "31c0"  # xor eax, eax           (SYS_read)
    "0f05"  # syscall
    "4883f801"  # cmp rax, 1
    "7507"  # jne +7
    "0fb67c24f8"  # movzx edi, byte [rsp-8]
    "eb05"  # jmp +5
    f"bf{KILLED_STATUS:02x}000000"  # mov edi, KILLED_STATUS
    "b8e7000000"  # mov eax, 231          (SYS_exit_group)
    "0f05"  # syscall
)
_LOAD_ADDRESS = 0x400000
_ELF_HEADER_SIZE = 64
_PROGRAM_HEADER_SIZE = 56


def supported(machine: str | None = None) -> bool:
    return (machine or platform.machine()).lower() in ("x86_64", "amd64")


def anchor_elf() -> bytes:
    """The anchor as a static x86_64 ELF executable."""
    code_offset = _ELF_HEADER_SIZE + _PROGRAM_HEADER_SIZE
    size = code_offset + len(_X86_64_CODE)
    header = struct.pack(
        "<4sBBBBB7xHHIQQQIHHHHHH",
        b"\x7fELF",
        2,  # 64-bit
        1,  # little endian
        1,  # ELF version
        0,  # System V ABI
        0,
        2,  # ET_EXEC
        62,  # EM_X86_64
        1,
        _LOAD_ADDRESS + code_offset,  # entry
        _ELF_HEADER_SIZE,  # program header offset
        0,  # no section headers
        0,
        _ELF_HEADER_SIZE,
        _PROGRAM_HEADER_SIZE,
        1,
        0,
        0,
        0,
    )
    program_header = struct.pack(
        "<IIQQQQQQ",
        1,  # PT_LOAD
        5,  # R + X
        0,
        _LOAD_ADDRESS,
        _LOAD_ADDRESS,
        size,
        size,
        0x1000,
    )
    return header + program_header + _X86_64_CODE


def anchor_memfd() -> int:
    """A memfd holding the anchor, for exec through ``/proc/self/fd/N`` (close-on-exec)."""
    fd = os.memfd_create("hopx-anchor", os.MFD_CLOEXEC)
    try:
        view = memoryview(anchor_elf())
        while view:
            view = view[os.write(fd, view) :]
    except BaseException:
        os.close(fd)
        raise
    return fd
