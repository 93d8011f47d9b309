"""``hopx template list|build``."""

from __future__ import annotations

import asyncio
import runpy
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from hopx_ai.cli.output import json_option, print_json, print_table, stderr
from hopx_ai.cli.session import Session

if TYPE_CHECKING:
    from hopx_ai.template import BuildResult, Template


@click.group()
def template() -> None:
    """List templates, build your own."""


@template.command("list")
@click.option("--category", help="only templates of this category")
@click.option("--language", help="only templates of this language")
@json_option
@click.pass_obj
def list_(session: Session, category: str | None, language: str | None, as_json: bool) -> None:
    """The templates sandboxes can be created from."""
    from hopx_ai import Sandbox

    found = Sandbox.list_templates(category=category, language=language, **session.sdk())
    if as_json:
        print_json([item.to_dict() for item in found])
        return
    print_table(
        ["NAME", "ID", "CATEGORY", "LANGUAGE", "DESCRIPTION"],
        ([t.name, t.id, t.category, t.language, t.description] for t in found),
        empty="no templates",
    )


def load_template(path: Path, variable: str) -> Template:
    """The :class:`hopx_ai.Template` named ``variable`` in the Python file ``path``."""
    from hopx_ai.template import Template

    namespace = runpy.run_path(str(path))
    found = namespace.get(variable)
    if not isinstance(found, Template):
        raise click.BadParameter(
            f"{path} defines no Template named {variable!r} "
            f"(write {variable} = Template().from_python_image('3.11')...)",
            param_hint="FILE",
        )
    return found


@template.command()
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--name", required=True, help="name of the template to build")
@click.option("--variable", default="template", show_default=True, help="the Template in FILE")
@click.option("--cpu", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--memory", type=click.IntRange(min=128), default=2048, show_default=True, help="MB")
@click.option("--disk", type=click.IntRange(min=1), default=10, show_default=True, help="GB")
@json_option
@click.pass_obj
def build(
    session: Session,
    file: Path,
    name: str,
    variable: str,
    cpu: int,
    memory: int,
    disk: int,
    as_json: bool,
) -> None:
    """Build the Template defined in the Python file FILE; its logs stream to stderr."""
    from hopx_ai.template import BuildOptions, Template

    definition = load_template(file, variable)
    console = stderr()

    def on_log(entry: dict[str, Any]) -> None:
        console.print(f"[dim]{entry.get('level', '')}[/dim] {entry.get('message', '')}")

    options = BuildOptions(
        name=name,
        cpu=cpu,
        memory=memory,
        disk_gb=disk,
        context_path=str(file.parent),
        on_log=on_log,
        **session.sdk(),
    )
    result: BuildResult = asyncio.run(Template.build(definition, options))
    summary = {"template_id": result.template_id, "build_id": result.build_id, "name": name}
    if as_json:
        print_json(summary)
    else:
        click.echo(result.template_id)
