"""``hopx local serve ...``: hopx-local's own command line (``hopx-local serve ...``)."""

from __future__ import annotations

import click

from hopx_ai.cli.session import ExitStatus


@click.group()
def local() -> None:
    """Run hopx-local, the HopX APIs on this machine (needs hopx-ai[local] and root)."""


@local.command(
    context_settings={"ignore_unknown_options": True, "allow_extra_args": True},
    add_help_option=False,
)
@click.argument("arguments", nargs=-1, type=click.UNPROCESSED)
def serve(arguments: tuple[str, ...]) -> None:
    """The same as hopx-local serve (hopx local serve --help lists its options)."""
    from hopx_local.cli import main

    raise ExitStatus(main(["serve", *arguments]))
