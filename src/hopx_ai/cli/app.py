"""The ``hopx`` command group, its global options, and how failures become exit statuses.

Exit statuses: 0 success; 1 the service answered an error (the message says which and what to
do); 2 bad usage or configuration (a missing API key included); 130 interrupted. ``hopx exec``
and ``hopx run`` end with the exit code of what ran in the sandbox.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import click

from hopx_ai.cli import (
    files_commands,
    local_commands,
    run_commands,
    sandbox_commands,
    template_commands,
    terminal_command,
)
from hopx_ai.cli.output import error
from hopx_ai.cli.session import ExitStatus, Session
from hopx_ai.cli.settings import Settings, SettingsError, default_config_path

EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


@click.group(
    "hopx",
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
@click.option(
    "--api-key",
    metavar="KEY",
    default=None,
    help="API key (default: $HOPX_API_KEY, then api_key in the config file)",
)
@click.option(
    "--base-url",
    metavar="URL",
    default=None,
    help="control-plane URL (default: $HOPX_BASE_URL, then the config file, then the HopX cloud)",
)
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False, path_type=Path),
    default=None,
    help=f"config file (default: $HOPX_CONFIG or {default_config_path()})",
)
@click.version_option(package_name="hopx-ai", prog_name="hopx")
@click.pass_obj
def cli(
    session: Session, api_key: str | None, base_url: str | None, config_path: Path | None
) -> None:
    """HopX sandboxes from the command line: hopx-local or the HopX cloud."""
    session.settings = Settings.resolve(api_key=api_key, base_url=base_url, config=config_path)


for group in (
    sandbox_commands.sandbox,
    run_commands.run,
    run_commands.exec_,
    files_commands.files,
    terminal_command.terminal,
    template_commands.template,
    local_commands.local,
):
    cli.add_command(group)


def run(argv: Sequence[str] | None = None) -> int:
    """Run ``hopx`` with ``argv`` (default: the process's arguments); its exit status."""
    from hopx_ai.errors import AuthenticationError, HopxError

    session = Session()
    try:
        result = cli.main(
            args=list(argv) if argv is not None else None,
            prog_name="hopx",
            standalone_mode=False,
            obj=session,
        )
    except ExitStatus as status:
        return status.code
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.ClickException as problem:
        problem.show()
        return problem.exit_code
    except (click.Abort, KeyboardInterrupt):
        error("interrupted")
        return EXIT_INTERRUPTED
    except SettingsError as problem:
        error(str(problem))
        return EXIT_USAGE
    except AuthenticationError as problem:
        if problem.code == "missing_api_key":
            error(
                'no API key: pass --api-key, set HOPX_API_KEY, or write api_key = "..." in '
                f"{session.settings.config_path or default_config_path()}"
            )
            return EXIT_USAGE
        error(session.settings.redact(_describe(problem)))
        return EXIT_ERROR
    except HopxError as problem:
        error(session.settings.redact(_describe(problem)))
        return EXIT_ERROR
    return result if isinstance(result, int) else 0


def _describe(problem: Exception) -> str:
    from hopx_ai.errors import HopxError

    text = str(problem) or type(problem).__name__
    if isinstance(problem, HopxError) and problem.request_id and problem.request_id not in text:
        text += f" (request {problem.request_id})"
    return text
