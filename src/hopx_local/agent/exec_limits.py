"""What ``execve`` refuses with E2BIG, said as the request field that caused it (a 400, not 500).

Linux limits each argument and each ``NAME=value`` of the environment to ``MAX_ARG_STRLEN``
(32 pages: 131072 bytes with its NUL) and all of them together to about a quarter of the stack
limit (``ARG_MAX``, 2 MiB by default).
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

from .errors import AgentFault

MAX_ARG_STRLEN = 32 * 4096
"""Bytes of one argument or one ``NAME=value``, its terminating NUL included."""


def _arg_max() -> int:
    try:
        return os.sysconf("SC_ARG_MAX")
    except (OSError, ValueError):
        return 2 * 1024 * 1024


def _size(text: str) -> int:
    return len(text.encode("utf-8", "surrogateescape")) + 1


def _argument_field(argv: Sequence[str], index: int) -> str:
    """The request field argv[index] came from: ``bash -c X`` and ``program`` are the command,
    ``program arg...`` the args."""
    shell = len(argv) >= 3 and os.path.basename(argv[0]) in ("bash", "sh") and argv[1] == "-c"
    if index == 0 or (shell and index == 2):
        return "command"
    return f"args.{index - 1}"


def argument_list_too_long(argv: Sequence[str], env: Mapping[str, str]) -> AgentFault:
    """The 400 for an E2BIG of ``execve(argv, env)``, naming the field that does not fit."""
    limit = MAX_ARG_STRLEN - 1
    for index, arg in enumerate(argv):
        if _size(arg) > MAX_ARG_STRLEN:
            field = _argument_field(argv, index)
            size = _size(arg) - 1
            return _fault(field, f"'{field}' is {size} bytes; one argument may be {limit}")
    for name, value in env.items():
        if _size(f"{name}={value}") > MAX_ARG_STRLEN:
            field = f"env.{name}"
            return _fault(
                field,
                f"the environment variable '{name}' is {_size(name + '=' + value) - 1} bytes "
                f"with its name; one variable may be {limit}",
            )
    arguments = sum(_size(arg) for arg in argv)
    environment = sum(_size(f"{name}={value}") for name, value in env.items())
    field = "env" if environment >= arguments else "args"
    return _fault(
        field,
        f"the arguments ({arguments} bytes) and the environment ({environment} bytes) together "
        f"exceed the system's limit of about {_arg_max()} bytes; the larger is '{field}'",
    )


def _fault(field: str, reason: str) -> AgentFault:
    return AgentFault(
        400,
        "INVALID_REQUEST",
        f"Cannot start the process: {reason} (Linux refuses larger ones with E2BIG). "
        "Pass large data in a file or on stdin instead.",
        {"field": field, "reason": "argument list too long"},
    )
