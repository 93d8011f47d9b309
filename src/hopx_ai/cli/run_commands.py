"""``hopx run FILE|-`` and ``hopx exec ID -- CMD``: output streamed, exit codes passed through."""

from __future__ import annotations

import contextlib
import shlex
import sys
from collections.abc import Iterable, Iterator
from pathlib import PurePath
from typing import TYPE_CHECKING, TextIO

import click

from hopx_ai.cli.sandbox_commands import parse_env
from hopx_ai.cli.session import ExitStatus, Session

if TYPE_CHECKING:
    from hopx_ai import ExecutionEvent, Sandbox

LANGUAGES = {".py": "python", ".js": "javascript", ".mjs": "javascript", ".sh": "bash"}
LANGUAGES[".go"] = "go"


def stream_to_terminal(events: Iterable[ExecutionEvent]) -> int:
    """Write ``stdout``/``stderr`` events as they come; the exit code of the ``result``.

    The stream is read to its end (it ends after ``complete``), so its WebSocket is closed
    by then (one left open would hold up the interpreter's exit).
    """
    from hopx_agent_api.models.ws_result_message import WsResultMessage
    from hopx_agent_api.models.ws_stderr_message import WsStderrMessage
    from hopx_agent_api.models.ws_stdout_message import WsStdoutMessage

    exit_code = 0
    for event in events:
        if isinstance(event, WsStdoutMessage) and event.data:
            sys.stdout.write(event.data)
            sys.stdout.flush()
        elif isinstance(event, WsStderrMessage) and event.data:
            sys.stderr.write(event.data)
            sys.stderr.flush()
        elif isinstance(event, WsResultMessage):
            exit_code = event.exit_code if event.exit_code is not None else 0
    return exit_code


@contextlib.contextmanager
def _sandbox_for_run(session: Session, sandbox_id: str | None, template: str) -> Iterator[Sandbox]:
    """The given sandbox, or a new one killed at the end."""
    from hopx_ai import Sandbox

    if sandbox_id is not None:
        connected = Sandbox.connect(sandbox_id, **session.sdk())
        try:
            yield connected
        finally:
            connected.close()
        return
    with Sandbox.create(template=template, **session.sdk()) as created:
        yield created


@click.command()
@click.argument("source", metavar="FILE|-", type=click.File("r", encoding="utf-8"))
@click.option(
    "--sandbox", "sandbox_id", metavar="ID", help="run in this sandbox (default: a new one)"
)
@click.option(
    "--template", "-t", default="code-interpreter", show_default=True, help="of the new sandbox"
)
@click.option(
    "--language",
    "-l",
    type=click.Choice(["python", "javascript", "bash", "go"]),
    help="default: from the file's extension, else python",
)
@click.option("--timeout", type=click.IntRange(min=1), default=60, show_default=True)
@click.option("--env", "-e", "env", multiple=True, metavar="KEY=VALUE", help="repeatable")
@click.option("--cwd", default="/workspace", show_default=True)
@click.pass_obj
def run(
    session: Session,
    source: TextIO,
    sandbox_id: str | None,
    template: str,
    language: str | None,
    timeout: int,
    env: tuple[str, ...],
    cwd: str,
) -> None:
    """Run a file (or stdin) in a sandbox; its output streams, its exit code is hopx's.

    Without --sandbox a sandbox is created for the run and killed after it.
    """
    code = source.read()
    chosen = language or LANGUAGES.get(PurePath(source.name).suffix, "python")
    variables = parse_env(env)
    with (
        _sandbox_for_run(session, sandbox_id, template) as sandbox,
        sandbox.run_code_stream(
            code, language=chosen, timeout=timeout, env=variables or None, working_dir=cwd
        ) as events,
    ):
        status = stream_to_terminal(events)
    raise ExitStatus(status)


@click.command("exec", context_settings={"ignore_unknown_options": True})
@click.argument("sandbox_id", metavar="ID")
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
@click.option("--timeout", type=click.IntRange(min=1), default=120, show_default=True)
@click.option("--env", "-e", "env", multiple=True, metavar="KEY=VALUE", help="repeatable")
@click.option("--cwd", default="/workspace", show_default=True)
@click.pass_obj
def exec_(
    session: Session,
    sandbox_id: str,
    command: tuple[str, ...],
    timeout: int,
    env: tuple[str, ...],
    cwd: str,
) -> None:
    """Run CMD in sandbox ID (``hopx exec ID -- ls -la``); output streams, exit code passes.

    One argument is a shell line (``hopx exec ID -- 'make && ./app'``); several are quoted
    as words.
    """
    from hopx_ai import Sandbox

    line = command[0] if len(command) == 1 else shlex.join(command)
    variables = parse_env(env)
    sandbox = Sandbox.connect(sandbox_id, **session.sdk())
    try:
        with sandbox.run_code_stream(
            line, language="bash", timeout=timeout, env=variables or None, working_dir=cwd
        ) as events:
            status = stream_to_terminal(events)
    finally:
        sandbox.close()
    raise ExitStatus(status)
