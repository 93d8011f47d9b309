"""``hopx files ls|cat|put|get``: files of a running sandbox."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import click

from hopx_ai.cli.output import json_option, print_json, print_table, stderr
from hopx_ai.cli.session import Session

if TYPE_CHECKING:
    from hopx_ai import Sandbox


@contextlib.contextmanager
def connected(session: Session, sandbox_id: str) -> Iterator[Sandbox]:
    from hopx_ai import Sandbox

    sandbox = Sandbox.connect(sandbox_id, **session.sdk())
    try:
        yield sandbox
    finally:
        sandbox.close()


@click.group()
def files() -> None:
    """List, read, upload and download files in a sandbox."""


@files.command("ls")
@click.argument("sandbox_id", metavar="ID")
@click.argument("path", default="/workspace")
@json_option
@click.pass_obj
def ls(session: Session, sandbox_id: str, path: str, as_json: bool) -> None:
    """The entries of a directory (default /workspace)."""
    with connected(session, sandbox_id) as sandbox:
        entries = sandbox.files.list(path)
    entries.sort(key=lambda entry: (not entry.is_directory, entry.name))
    if as_json:
        print_json([entry.to_dict() for entry in entries])
        return
    print_table(
        ["NAME", "SIZE", "MODIFIED", "MODE"],
        (
            [
                entry.name + ("/" if entry.is_directory else ""),
                "-" if entry.is_directory else entry.size,
                entry.modified_time,
                entry.permissions,
            ]
            for entry in entries
        ),
        empty=f"{path} is empty",
    )


@files.command()
@click.argument("sandbox_id", metavar="ID")
@click.argument("path")
@click.pass_obj
def cat(session: Session, sandbox_id: str, path: str) -> None:
    """Write a file's bytes to stdout."""
    with connected(session, sandbox_id) as sandbox:
        content = sandbox.files.read_bytes(path)
    sys.stdout.buffer.write(content)
    sys.stdout.flush()


@files.command()
@click.argument("sandbox_id", metavar="ID")
@click.argument("local", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.argument("remote")
@click.pass_obj
def put(session: Session, sandbox_id: str, local: Path, remote: str) -> None:
    """Upload the local file LOCAL to REMOTE in the sandbox."""
    with connected(session, sandbox_id) as sandbox:
        sandbox.files.upload(str(local), remote)
    stderr().print(f"{local} -> {sandbox_id}:{remote} ({local.stat().st_size} bytes)")


@files.command()
@click.argument("sandbox_id", metavar="ID")
@click.argument("remote")
@click.argument("local", type=click.Path(dir_okay=True, path_type=Path), required=False)
@click.pass_obj
def get(session: Session, sandbox_id: str, remote: str, local: Path | None) -> None:
    """Download REMOTE to LOCAL (default: its name, here; a directory: into it)."""
    target = local if local is not None else Path(Path(remote).name)
    if target.is_dir():
        target = target / Path(remote).name
    with connected(session, sandbox_id) as sandbox:
        sandbox.files.download(remote, str(target))
    stderr().print(f"{sandbox_id}:{remote} -> {target} ({target.stat().st_size} bytes)")
