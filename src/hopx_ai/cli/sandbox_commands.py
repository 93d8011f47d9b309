"""``hopx sandbox create|list|info|pause|resume|kill``."""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any

import click

from hopx_ai.cli.output import age, json_option, print_fields, print_json, print_table, stderr
from hopx_ai.cli.session import Session

if TYPE_CHECKING:
    from hopx_ai import AsyncSandbox, SandboxInfo

LIST_CONCURRENCY = 8


def parse_env(pairs: tuple[str, ...]) -> dict[str, str]:
    """``KEY=VALUE`` options as a dict (a pair without ``=`` is a usage error)."""
    env: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not KEY=VALUE", param_hint="--env")
        env[key] = value
    return env


def info_json(info: SandboxInfo) -> dict[str, Any]:
    """The control plane's JSON of a sandbox (tokens left out by ``print_json``)."""
    data = info.to_dict()
    data.setdefault("id", info.sandbox_id)
    return data


def _print_info(info: SandboxInfo) -> None:
    resources = info.resources
    print_fields(
        [
            ("id", info.sandbox_id),
            ("status", info.status),
            ("template", info.template_name or info.template_id),
            ("created", info.created_at),
            ("age", age(info.created_at)),
            ("expires", info.expires_at or "never (no timeout)"),
            ("internet", info.internet_access),
            (
                "resources",
                f"{resources.vcpu} vCPU, {resources.memory_mb} MB" if resources else None,
            ),
            ("agent", info.public_host),
        ]
    )


@click.group()
def sandbox() -> None:
    """Create, list, inspect, pause, resume and kill sandboxes."""


@sandbox.command()
@click.option("--template", "-t", default="code-interpreter", show_default=True)
@click.option(
    "--timeout", "timeout_seconds", type=click.IntRange(min=1), help="kill it after SECONDS"
)
@click.option("--env", "-e", "env", multiple=True, metavar="KEY=VALUE", help="repeatable")
@click.option("--no-internet", is_flag=True, help="no route out of the sandbox")
@json_option
@click.pass_obj
def create(
    session: Session,
    template: str,
    timeout_seconds: int | None,
    env: tuple[str, ...],
    no_internet: bool,
    as_json: bool,
) -> None:
    """Create a sandbox and print its id (it runs until killed or its timeout)."""
    from hopx_ai import Sandbox

    created = Sandbox.create(
        template=template,
        timeout_seconds=timeout_seconds,
        internet_access=False if no_internet else None,
        env_vars=parse_env(env) or None,
        **session.sdk(),
    )
    try:
        info = created.get_info()
    finally:
        created.close()
    if as_json:
        print_json(info_json(info))
    else:
        click.echo(created.sandbox_id)


async def _all_infos(session: Session, status: str | None) -> list[SandboxInfo]:
    from hopx_ai import AsyncSandbox, NotFoundError

    found: list[AsyncSandbox] = []
    async for listed in AsyncSandbox.iter(status=status, **session.sdk()):
        found.append(listed)
    limit = asyncio.Semaphore(LIST_CONCURRENCY)

    async def info_of(listed: AsyncSandbox) -> SandboxInfo | None:
        async with limit:
            try:
                return await listed.get_info()
            except NotFoundError:  # killed while we were listing
                return None
            finally:
                await listed.close()

    infos = await asyncio.gather(*(info_of(listed) for listed in found))
    return sorted(
        (info for info in infos if info is not None),
        key=lambda info: (info.created_at is None, info.created_at),
    )


@sandbox.command("list")
@click.option(
    "--status",
    type=click.Choice(["running", "paused", "stopped", "creating"]),
    help="only sandboxes in this state",
)
@json_option
@click.pass_obj
def list_(session: Session, status: str | None, as_json: bool) -> None:
    """Every sandbox of this API key, oldest first: forgotten ones stand out by their age."""
    infos = asyncio.run(_all_infos(session, status))
    if as_json:
        print_json([info_json(info) for info in infos])
        return
    print_table(
        ["ID", "TEMPLATE", "STATUS", "AGE", "EXPIRES"],
        (
            [
                info.sandbox_id,
                info.template_name or info.template_id,
                info.status,
                age(info.created_at),
                info.expires_at or "never",
            ]
            for info in infos
        ),
        empty="no sandboxes",
    )
    if infos:
        stderr().print(
            f"[dim]{len(infos)} sandbox{'es' if len(infos) != 1 else ''}; "
            "kill one with: hopx sandbox kill ID, all of them with: hopx sandbox kill --all[/dim]"
        )


@sandbox.command()
@click.argument("sandbox_id", metavar="ID")
@json_option
@click.pass_obj
def info(session: Session, sandbox_id: str, as_json: bool) -> None:
    """A sandbox's state, template, age, expiry and resources."""
    from hopx_ai import Sandbox

    handle = Sandbox(sandbox_id, **session.sdk())
    try:
        current = handle.get_info()
    finally:
        handle.close()
    if as_json:
        print_json(info_json(current))
    else:
        _print_info(current)


@sandbox.command()
@click.argument("sandbox_id", metavar="ID")
@click.pass_obj
def pause(session: Session, sandbox_id: str) -> None:
    """Freeze a sandbox (its processes stop where they are)."""
    from hopx_ai import Sandbox

    handle = Sandbox(sandbox_id, **session.sdk())
    try:
        handle.pause()
    finally:
        handle.close()
    stderr().print(f"paused {sandbox_id}")


@sandbox.command()
@click.argument("sandbox_id", metavar="ID")
@click.pass_obj
def resume(session: Session, sandbox_id: str) -> None:
    """Continue a paused sandbox."""
    from hopx_ai import Sandbox

    handle = Sandbox(sandbox_id, **session.sdk())
    try:
        handle.resume()
    finally:
        handle.close()
    stderr().print(f"resumed {sandbox_id}")


@sandbox.command()
@click.argument("sandbox_ids", metavar="[ID]...", nargs=-1)
@click.option("--all", "kill_all", is_flag=True, help="kill every sandbox of this API key")
@click.pass_obj
def kill(session: Session, sandbox_ids: tuple[str, ...], kill_all: bool) -> None:
    """Destroy sandboxes (their files too), by id or --all."""
    from hopx_ai import NotFoundError, Sandbox

    if kill_all == bool(sandbox_ids):
        raise click.UsageError("give sandbox ids or --all (not both)")
    targets = list(sandbox_ids)
    if kill_all:
        targets = [info.sandbox_id for info in asyncio.run(_all_infos(session, None))]
    for sandbox_id in targets:
        try:
            Sandbox.kill(sandbox_id, **session.sdk())
        except NotFoundError:
            if not kill_all:
                raise
            continue  # ended on its own since it was listed
        stderr().print(f"killed {sandbox_id}")
    if kill_all:
        stderr().print(f"{len(targets)} killed")
