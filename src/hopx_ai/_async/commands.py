"""``sandbox.commands``: shell commands in the sandbox."""

from __future__ import annotations

from .._support import pick_timeout, string_map
from ..models import CommandResult
from ._connections import AsyncAgentConnection

# HTTP read timeout = command timeout + this margin (published: +30 s).
COMMAND_HTTP_MARGIN = 30


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
        from hopx_agent_api.types import UNSET

        seconds = pick_timeout(timeout, timeout_seconds)
        variables = string_map(env, "env")
        api = await self._agent.api()
        if background:
            background_body = CommandBackgroundRequest(
                command=command,
                timeout=seconds,
                workdir=working_dir,
                env=CommandBackgroundRequestEnv.from_dict(variables) if variables else UNSET,
            )
            with self._agent.operation("commands.run(background=True)") as call:
                await run_command_background.asyncio_detailed(client=api, body=background_body)
            result = CommandResult.from_dict(call.json())
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
            env=CommandRequestEnv.from_dict(variables) if variables else UNSET,
        )
        with self._agent.operation(
            "commands.run",
            http_timeout=seconds + COMMAND_HTTP_MARGIN,
            execution_timeout=seconds,
        ) as call:
            await run_command.asyncio_detailed(client=api, body=body)
        return CommandResult.from_dict(call.json())

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
