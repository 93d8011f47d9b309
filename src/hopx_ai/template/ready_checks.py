"""Readiness checks for ``Template.set_start_cmd(cmd, ready=...)``; times in milliseconds."""

from __future__ import annotations

from typing import Any

from .types import InvalidTemplateError, ReadyCheck, ReadyCheckType

__all__ = ["wait_for_command", "wait_for_file", "wait_for_port", "wait_for_process", "wait_for_url"]


def _milliseconds(value: Any, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidTemplateError(
            f"{field} must be a positive integer number of milliseconds (got {value!r})",
            field=field,
        )
    return int(value)


def _text(value: Any, field: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise InvalidTemplateError(f"{field} must be a non-empty string", field=field)
    return value


def _check(kind: ReadyCheckType, timeout: int, interval: int, **target: Any) -> ReadyCheck:
    return ReadyCheck(
        type=kind,
        timeout=_milliseconds(timeout, "timeout"),
        interval=_milliseconds(interval, "interval"),
        **target,
    )


def wait_for_port(port: int, timeout: int = 30000, interval: int = 2000) -> ReadyCheck:
    """Ready when TCP ``port`` accepts connections."""
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise InvalidTemplateError(
            f"port must be an integer in 1..65535 (got {port!r})", field="port"
        )
    return _check(ReadyCheckType.PORT, timeout, interval, port=port)


def wait_for_url(url: str, timeout: int = 30000, interval: int = 2000) -> ReadyCheck:
    """Ready when ``url`` answers with a 2xx status."""
    return _check(ReadyCheckType.URL, timeout, interval, url=_text(url, "url"))


def wait_for_file(path: str, timeout: int = 30000, interval: int = 2000) -> ReadyCheck:
    """Ready when ``path`` exists."""
    return _check(ReadyCheckType.FILE, timeout, interval, path=_text(path, "path"))


def wait_for_process(process_name: str, timeout: int = 30000, interval: int = 2000) -> ReadyCheck:
    """Ready when a process named ``process_name`` runs."""
    name = _text(process_name, "process_name")
    return _check(ReadyCheckType.PROCESS, timeout, interval, process_name=name)


def wait_for_command(command: str, timeout: int = 30000, interval: int = 2000) -> ReadyCheck:
    """Ready when ``command`` exits with status 0."""
    return _check(ReadyCheckType.COMMAND, timeout, interval, command=_text(command, "command"))
