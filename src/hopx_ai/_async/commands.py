"""``sandbox.commands``: shell commands in the sandbox."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from .._http_common import HTTP_MARGIN
from .._streams import AsyncEventStream, StreamSpec
from .._support import pick_timeout, string_map
from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from .._events import ExecutionEvent
    from .._results import CommandResult

# ``on_stdout`` / ``on_stderr``: a plain function called with each chunk of output as it comes
# (on the event loop's thread for ``AsyncSandbox``: keep it quick).
OutputCallback = Callable[[str], object]


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
        on_stdout: OutputCallback | None = None,
        on_stderr: OutputCallback | None = None,
        request_timeout: float | None = None,
    ) -> CommandResult:
        """Run ``command`` and wait for it (a non-zero exit is not an exception).

        ``on_stdout`` / ``on_stderr`` are called with each chunk of output while the command
        runs (over the agent's ``/commands/stream``); the result holds all of it as well.
        ``request_timeout`` is the HTTP timeout of this call (default: ``timeout`` + 30 s).

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
                timeout=request_timeout,
            )
            # published semantics: exit_code 0 / success mean "started"
            result.success = True
            result.exit_code = 0
            if result.process_id and not result.stdout:
                result.stdout = f"Background process started: {result.process_id}"
            return result
        if on_stdout is not None or on_stderr is not None:
            return await self._run_streamed(
                command, seconds, working_dir, variables, on_stdout, on_stderr
            )
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
            timeout=request_timeout if request_timeout is not None else seconds + HTTP_MARGIN,
            execution_timeout=seconds,
            timeout_param="request_timeout" if request_timeout is not None else "timeout",
        )

    async def _run_streamed(
        self,
        command: str,
        seconds: int,
        working_dir: str,
        variables: dict[str, str] | None,
        on_stdout: OutputCallback | None,
        on_stderr: OutputCallback | None,
    ) -> CommandResult:
        from hopx_agent_api.models import WsCommandMessage, WsCommandMessageEnv
        from hopx_agent_api.models.ws_command_message_type import WsCommandMessageType

        from .._events import execution_event
        from .._results import CommandResult

        frame = WsCommandMessage(
            type_=WsCommandMessageType.COMMAND,
            command=command,
            timeout=seconds,
            workdir=working_dir,
            env=WsCommandMessageEnv.from_dict(variables) if variables else None,
        )
        spec: StreamSpec[ExecutionEvent] = StreamSpec(
            path="/commands/stream",
            name="commands.run",
            first_frame=frame.to_dict(),
            parse=execution_event,
            is_last=_is_complete,
        )
        output: dict[str, list[str]] = {"stdout": [], "stderr": []}
        callbacks = {"stdout": on_stdout, "stderr": on_stderr}
        answer: dict[str, Any] = {"command": command}
        async with AsyncEventStream(self._agent, spec) as events:
            async for event in events:
                kind = str(event.type)
                if kind in output:
                    data = str(event["data"])
                    output[kind].append(data)
                    callback = callbacks[kind]
                    if callback is not None:
                        callback(data)
                elif kind == "result":
                    answer.update(
                        exit_code=event["exit_code"],
                        execution_time=event["execution_time"],
                        timestamp=event.get("timestamp"),
                    )
        answer["stdout"] = "".join(output["stdout"])
        answer["stderr"] = "".join(output["stderr"])
        return CommandResult.from_dict(answer)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _is_complete(event: ExecutionEvent) -> bool:
    return event.type == "complete"
