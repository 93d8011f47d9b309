"""``sandbox.commands``: shell commands in the sandbox."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._http_common import HTTP_MARGIN
from .._support import pick_timeout, string_map
from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from .._results import CommandResult


class AsyncCommands:
    """Run shell command lines (``bash -c``) in the sandbox."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def run(
        self,
        command: str,
        *,
        timeout: int = 120,
        background: bool = False,
        env: dict[str, str] | None = None,
        working_dir: str = "/workspace",
        timeout_seconds: int | None = None,
    ) -> CommandResult:
        """Run ``command`` and wait for it (a non-zero exit is not an exception).

        With ``background=True`` it returns at once; ``result.process_id`` identifies the
        process (see ``sandbox.list_processes()`` / ``sandbox.kill_process()``).
        ``timeout_seconds`` is accepted as an alias of ``timeout``.
        """
        from hopx_agent_api.api.commands import run_command, run_command_background
        from hopx_agent_api.models import (
            CommandBackgroundRequest,
            CommandBackgroundRequestEnv,
            CommandRequest,
            CommandRequestEnv,
        )

        from .._results import CommandResult

        seconds = pick_timeout(timeout, timeout_seconds)
        variables = string_map(env, "env")
        if background:
            background_body = CommandBackgroundRequest(
                command=command,
                timeout=seconds,
                workdir=working_dir,
                env=CommandBackgroundRequestEnv.from_dict(variables) if variables else None,
            )
            result = await self._agent.call(
                run_command_background.request(body=background_body),
                "commands.run(background=True)",
                cast_to=CommandResult.from_dict,
            )
            # published semantics: exit_code 0 / success mean "started"
            result.success = True
            result.exit_code = 0
            if result.process_id and not result.stdout:
                result.stdout = f"Background process started: {result.process_id}"
            return result
        body = CommandRequest(
            command=command,
            timeout=seconds,
            workdir=working_dir,
            env=CommandRequestEnv.from_dict(variables) if variables else None,
        )
        return await self._agent.call(
            run_command.request(body=body),
            "commands.run",
            cast_to=CommandResult.from_dict,
            timeout=seconds + HTTP_MARGIN,
            execution_timeout=seconds,
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
