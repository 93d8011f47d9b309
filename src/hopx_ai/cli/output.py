"""What ``hopx`` prints: JSON for ``--json``, rich tables for people, errors on stderr."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.markup import escape
from rich.table import Table

F = TypeVar("F", bound=Callable[..., Any])

SECRET_KEYS = frozenset({"auth_token", "token", "api_key", "password", "jwt"})
"""Keys left out of everything printed (a create's answer carries the agent token)."""


def json_option(function: F) -> F:
    """``--json``: the result as JSON on stdout (for scripts), nothing else there."""
    return click.option(
        "--json", "as_json", is_flag=True, help="print the result as JSON on stdout"
    )(function)


def stdout() -> Console:
    return Console(soft_wrap=True)


def stderr() -> Console:
    return Console(stderr=True, soft_wrap=True)


def without_secrets(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {k: without_secrets(v) for k, v in value.items() if k not in SECRET_KEYS}
    if isinstance(value, list | tuple):
        return [without_secrets(item) for item in value]
    return value


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(without_secrets(value), indent=2, default=str) + "\n")
    sys.stdout.flush()


def print_table(
    columns: Sequence[str], rows: Iterable[Sequence[Any]], *, empty: str = "nothing"
) -> None:
    materialized = [[_cell(value) for value in row] for row in rows]
    console = stdout()
    if not materialized:
        console.print(f"[dim]({empty})[/dim]")
        return
    table = Table(*columns, box=None, header_style="bold", pad_edge=False)
    for row in materialized:
        table.add_row(*row)
    console.print(table)


def print_fields(fields: Sequence[tuple[str, Any]]) -> None:
    console = stdout()
    width = max(len(name) for name, _ in fields)
    for name, value in fields:
        console.print(f"[bold]{name.ljust(width)}[/bold]  {_cell(value)}", highlight=False)


def _cell(value: Any) -> str:
    if value is None:
        return "-"
    if isinstance(value, datetime):
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def age(since: datetime | None, now: datetime | None = None) -> str:
    """``3m``, ``2h05m``, ``4d03h``: how long ago ``since`` was."""
    if since is None:
        return "-"
    seconds = int(((now or datetime.now(UTC)) - since).total_seconds())
    if seconds < 0:
        return "0s"
    if seconds < 60:
        return f"{seconds}s"
    minutes, _ = divmod(seconds, 60)
    if minutes < 60:
        return f"{minutes}m"
    hours, minutes = divmod(minutes, 60)
    if hours < 24:
        return f"{hours}h{minutes:02d}m"
    days, hours = divmod(hours, 24)
    return f"{days}d{hours:02d}h"


def error(message: str) -> None:
    stderr().print(f"[bold red]hopx:[/bold red] {escape(message)}", highlight=False)
