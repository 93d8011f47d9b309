"""WebSocket operations of vm-agent.yaml (frames as its Ws* message schemas define)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import TYPE_CHECKING, Any

from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from hopx_local import json_wire
from hopx_local.schema_check import SchemaChecker
from hopx_local.spec_server import Call

from .clock import iso
from .errors import AgentFault
from .execution import ExecutionResult, public_output
from .http_api import command_display
from .service import Agent
from .terminal import PtySession

if TYPE_CHECKING:
    from .watch import Watcher

log = logging.getLogger("hopx_local.agent")

WsHandler = Callable[[WebSocket, Call], Awaitable[None]]
Frame = dict[str, Any]
HEARTBEAT_SECONDS = 30.0


class _Closed(Exception):
    """The client went away."""


class MessageValidator:
    """Checks client frames against the document's Ws* schemas and fills their defaults."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._components = document.get("components", {})
        self._checker = SchemaChecker(document)

    def check(self, schema_name: str, frame: Any) -> Frame:
        schema = self._components.get("schemas", {}).get(schema_name, {})
        frame = self._checker.without_unset_optionals(schema, frame)
        problems = self._checker.errors(schema, frame)
        if problems:
            field, message = problems[0]
            where = f"field '{field}'" if field else "the frame"
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"Invalid {where} of {schema_name}: {message}",
                {"field": field} if field else {},
            )
        filled = dict(frame)
        for name, spec in schema.get("properties", {}).items():
            default = spec.get("default")
            if name not in filled and default is not None:
                filled[name] = default
        return filled


def error_frame(fault: AgentFault, **extra: Any) -> Frame:
    return {
        "type": "error",
        "error": fault.message,
        "code": fault.code,
        "details": fault.details,
        "timestamp": iso(),
        **extra,
    }


async def _send(ws: WebSocket, frame: Frame) -> None:
    if ws.application_state != WebSocketState.CONNECTED:
        raise _Closed
    try:
        await ws.send_text(json_wire.dumps(frame))
    except (WebSocketDisconnect, RuntimeError, OSError) as exc:
        raise _Closed from exc


async def _receive_frame(ws: WebSocket) -> Any:
    """The next client frame, parsed as JSON (AgentFault when it is not JSON)."""
    message = await ws.receive()
    if message["type"] == "websocket.disconnect":
        raise _Closed
    raw = message.get("text")
    if raw is None:
        data = message.get("bytes") or b""
        raw = data.decode("utf-8", "replace")
    try:
        return json_wire.loads(raw)
    except json_wire.JsonRefused as refused:
        if refused.syntax:
            raise AgentFault(400, "INVALID_JSON", "Frames must be JSON text.") from None
        details = {"field": refused.field} if refused.field else {}
        raise AgentFault(
            400, "INVALID_REQUEST", refused.message.replace("request body", "frame"), details
        ) from None


async def _close(ws: WebSocket, code: int = 1000) -> None:
    if ws.application_state == WebSocketState.CONNECTED:
        with contextlib.suppress(Exception):
            await ws.close(code)


async def _until_disconnect(ws: WebSocket) -> None:
    """Consume (and ignore) client frames until the client disconnects."""
    while True:
        message = await ws.receive()
        if message["type"] == "websocket.disconnect":
            return


async def _pump(ws: WebSocket, outbox: asyncio.Queue[Frame], work: asyncio.Task[Any]) -> Any:
    """Send frames from ``outbox`` while ``work`` runs; then the rest; then its result."""
    while not work.done():
        getter: asyncio.Future[Frame] = asyncio.ensure_future(outbox.get())
        await asyncio.wait({getter, work}, return_when=asyncio.FIRST_COMPLETED)
        if getter.done():
            await _send(ws, getter.result())
        else:
            getter.cancel()
    while not outbox.empty():
        await _send(ws, outbox.get_nowait())
    return work.result()


class WsApi:
    def __init__(self, agent: Agent, document: Mapping[str, Any]) -> None:
        self.agent = agent
        self.validator = MessageValidator(document)

    def handlers(self) -> dict[str, WsHandler]:
        table: dict[str, Callable[[WebSocket], Awaitable[None]]] = {
            "streamExecute": self.stream_execute,
            "streamCommand": self.stream_command,
            "watchFiles": self.watch_files,
            "openTerminal": self.terminal,
            "streamEvents": self.events,
            "streamIpython": self.ipython,
        }
        return {name: self._session(handler) for name, handler in table.items()}

    def _session(self, handler: Callable[[WebSocket], Awaitable[None]]) -> WsHandler:
        async def session(ws: WebSocket, call: Call) -> None:
            await ws.accept()
            self.agent.active_streams += 1
            try:
                await handler(ws)
            except _Closed:
                pass
            except Exception:
                log.exception("websocket %s failed", ws.url.path)
                with contextlib.suppress(_Closed):
                    await _send(
                        ws, error_frame(AgentFault(500, "INTERNAL_ERROR", "Internal error"))
                    )
            finally:
                self.agent.active_streams -= 1
                await _close(ws)

        return session

    # -------------------------------------------------------- execution streams
    async def _stream_run(
        self, ws: WebSocket, start: Callable[[asyncio.Queue[Frame]], Awaitable[Frame]]
    ) -> None:
        """Run ``start`` (which returns the result frame) while streaming its output frames."""
        outbox: asyncio.Queue[Frame] = asyncio.Queue()
        work = asyncio.ensure_future(start(outbox))
        watcher = asyncio.ensure_future(_until_disconnect(ws))
        try:
            pump = asyncio.ensure_future(_pump(ws, outbox, work))
            await asyncio.wait({pump, watcher}, return_when=asyncio.FIRST_COMPLETED)
            if not pump.done():
                work.cancel()  # the client left: kill the execution
                pump.cancel()
                with contextlib.suppress(asyncio.CancelledError, Exception):
                    await work
                raise _Closed
            try:
                result_frame: Frame = pump.result()
            except AgentFault as fault:
                await _send(ws, error_frame(fault))
                await _send(ws, {"type": "complete", "success": False, "timestamp": iso()})
                return
            await _send(ws, result_frame)
            await _send(
                ws,
                {"type": "complete", "success": result_frame["success"], "timestamp": iso()},
            )
        finally:
            watcher.cancel()
            if not work.done():
                work.cancel()

    async def _first_frame(self, ws: WebSocket, schema: str) -> Frame | None:
        try:
            return self.validator.check(schema, await _receive_frame(ws))
        except AgentFault as fault:
            await _send(ws, error_frame(fault))
            await _send(ws, {"type": "complete", "success": False, "timestamp": iso()})
            return None

    async def stream_execute(self, ws: WebSocket) -> None:
        frame = await self._first_frame(ws, "WsExecuteMessage")
        if frame is None:
            return

        async def run(outbox: asyncio.Queue[Frame]) -> Frame:
            def on_output(stream: str, text: str) -> None:
                outbox.put_nowait({"type": stream, "data": text, "timestamp": iso()})

            result = await self.agent.executor.run(
                frame["code"],
                frame["language"],
                timeout=frame["timeout"],
                env=frame.get("env"),
                workdir=frame.get("workdir"),
                on_output=on_output,
            )
            if result.timed_out:
                raise result.timeout_fault(frame["timeout"])
            return result_frame(result)

        await self._stream_run(ws, run)

    async def stream_command(self, ws: WebSocket) -> None:
        frame = await self._first_frame(ws, "WsCommandMessage")
        if frame is None:
            return

        async def run(outbox: asyncio.Queue[Frame]) -> Frame:
            def on_output(stream: str, text: str) -> None:
                outbox.put_nowait({"type": stream, "data": text, "timestamp": iso()})

            outcome = await self.agent.executor.run_command(
                frame["command"],
                frame.get("args"),
                timeout=frame["timeout"],
                env=frame.get("env"),
                workdir=frame.get("workdir"),
                on_output=on_output,
            )
            if outcome.timed_out:
                raise AgentFault(
                    408,
                    "EXECUTION_TIMEOUT",
                    f"Command timed out after {frame['timeout']} seconds",
                    {"timeout": frame["timeout"], "stdout": outcome.stdout,
                     "stderr": outcome.stderr},
                )  # fmt: skip
            return {
                "type": "result",
                "exit_code": outcome.exit_code,
                "execution_time": round(outcome.duration, 6),
                "success": outcome.exit_code == 0,
                "command": command_display(frame["command"], frame.get("args")),
                "timestamp": iso(),
            }

        await self._stream_run(ws, run)

    # ------------------------------------------------------------------ ipython
    async def ipython(self, ws: WebSocket) -> None:
        kernel = self.agent.kernel
        if kernel is None:
            await _send(
                ws,
                error_frame(
                    AgentFault(
                        500,
                        "EXECUTION_FAILED",
                        "This sandbox has no Jupyter kernel (use the code-interpreter template).",
                    )
                ),
            )
            return
        inbox: asyncio.Queue[Any] = asyncio.Queue()

        async def read() -> None:
            while True:
                try:
                    inbox.put_nowait(await _receive_frame(ws))
                except AgentFault as fault:
                    inbox.put_nowait(fault)

        reader = asyncio.ensure_future(read())
        try:
            while True:
                getter = asyncio.ensure_future(inbox.get())
                await asyncio.wait({getter, reader}, return_when=asyncio.FIRST_COMPLETED)
                if not getter.done():
                    getter.cancel()
                    return  # client closed
                item = getter.result()
                if isinstance(item, AgentFault):
                    await _send(ws, error_frame(item))
                    continue
                try:
                    frame = self.validator.check("WsIpythonExecuteMessage", item)
                except AgentFault as fault:
                    await _send(ws, error_frame(fault))
                    continue
                await self._ipython_cell(ws, frame, reader)
        finally:
            reader.cancel()

    async def _ipython_cell(self, ws: WebSocket, frame: Frame, reader: asyncio.Task[None]) -> None:
        execution_id = frame.get("execution_id") or "exec_" + secrets.token_hex(6)
        outbox: asyncio.Queue[Frame] = asyncio.Queue()

        def on_output(stream: str, text: str) -> None:
            outbox.put_nowait(
                {"type": stream, "data": text, "execution_id": execution_id, "timestamp": iso()}
            )

        def on_display(output: dict[str, Any]) -> None:
            outbox.put_nowait(
                {
                    "type": "display_data",
                    "output": public_output(output),
                    "execution_id": execution_id,
                    "timestamp": iso(),
                }
            )

        work = asyncio.ensure_future(
            self.agent.executor.run(
                frame["code"],
                "python",
                timeout=frame["timeout"],
                on_output=on_output,
                on_display=on_display,
            )
        )
        pump = asyncio.ensure_future(_pump(ws, outbox, work))
        await asyncio.wait({pump, reader}, return_when=asyncio.FIRST_COMPLETED)
        if reader.done() and not pump.done():
            work.cancel()
            pump.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await work
            raise _Closed
        try:
            result: ExecutionResult = pump.result()
        except AgentFault as fault:
            await _send(ws, error_frame(fault, execution_id=execution_id))
            await _send(ws, _complete(False, execution_id))
            return
        if result.timed_out:
            timeout = result.timeout_fault(frame["timeout"])
            await _send(ws, error_frame(timeout, execution_id=execution_id))
            await _send(ws, _complete(False, execution_id))
            return
        await _send(ws, {**result_frame(result), "execution_id": execution_id})
        await _send(ws, _complete(result.success, execution_id))

    # -------------------------------------------------------------------- watch
    async def watch_files(self, ws: WebSocket) -> None:
        from .watch import Change, Watcher  # ctypes: imported when first used

        outbox: asyncio.Queue[Frame] = asyncio.Queue(10000)

        def on_change(change: Change) -> None:
            frame: Frame = {
                "type": "change",
                "path": change.path,
                "event": change.event,
                "is_directory": change.is_directory,
                "timestamp": iso(),
            }
            if change.old_path is not None:
                frame["old_path"] = change.old_path
            with contextlib.suppress(asyncio.QueueFull):
                outbox.put_nowait(frame)

        watcher = Watcher(on_change)

        async def send_changes() -> None:
            while True:
                await _send(ws, await outbox.get())

        sender = asyncio.ensure_future(send_changes())
        try:
            while True:
                receive = asyncio.ensure_future(_receive_frame(ws))
                await asyncio.wait({receive, sender}, return_when=asyncio.FIRST_COMPLETED)
                if not receive.done():
                    receive.cancel()
                    return
                try:
                    frame = self.validator.check("WsWatchMessage", receive.result())
                    self._apply_watch(watcher, frame)
                except AgentFault as fault:
                    await _send(ws, error_frame(fault))
        finally:
            sender.cancel()
            watcher.close()

    def _apply_watch(self, watcher: Watcher, frame: Frame) -> None:
        target = self.agent.policy.resolve(frame["path"])
        if frame["action"] == "unwatch":
            watcher.unwatch(target.shown)
            return
        try:
            watcher.watch(target.shown, str(target.real))
        except FileNotFoundError:
            raise AgentFault(
                404, "FILE_NOT_FOUND", f"No such directory: {target.shown}", {"path": target.shown}
            ) from None
        except NotADirectoryError:
            raise AgentFault(
                400,
                "INVALID_PATH",
                f"{target.shown} is not a directory; watch a directory.",
                {"path": target.shown},
            ) from None
        except OSError as exc:
            raise AgentFault(
                403, "PERMISSION_DENIED", f"Cannot watch {target.shown}: {exc.strerror}",
                {"path": target.shown},
            ) from None  # fmt: skip

    # ----------------------------------------------------------------- terminal
    async def terminal(self, ws: WebSocket) -> None:
        env = self.agent.env.for_process({"TERM": "xterm-256color"})
        session = PtySession(
            [self.agent.config.interpreters.bash, "-l"],
            env=env,
            cwd=str(self.agent.config.workspace),
            oom=self.agent.oom,
        )

        async def forward_output() -> None:
            while True:
                chunk = await session.output.get()
                if chunk is None:
                    break
                await _send(ws, {"type": "output", "data": chunk})
            await _send(ws, {"type": "exit", "code": await session.wait()})

        forwarder = asyncio.ensure_future(forward_output())
        try:
            while True:
                receive = asyncio.ensure_future(_receive_frame(ws))
                await asyncio.wait({receive, forwarder}, return_when=asyncio.FIRST_COMPLETED)
                if not receive.done():
                    receive.cancel()
                    forwarder.result()  # re-raise a send failure
                    return
                try:
                    frame = receive.result()
                    if isinstance(frame, dict) and frame.get("type") == "resize":
                        frame = self.validator.check("WsTerminalResizeMessage", frame)
                        session.resize(frame["cols"], frame["rows"])
                    else:
                        frame = self.validator.check("WsTerminalInputMessage", frame)
                        session.write(frame["data"])
                except AgentFault as fault:
                    await _send(ws, error_frame(fault))
        finally:
            forwarder.cancel()
            await session.close()

    # ------------------------------------------------------------------- events
    async def events(self, ws: WebSocket) -> None:
        subscription = self.agent.events.subscribe()

        async def read_filters() -> None:
            while True:
                try:
                    frame = self.validator.check("WsSubscribeMessage", await _receive_frame(ws))
                except AgentFault as fault:
                    await _send(ws, error_frame(fault))
                    continue
                subscription.kinds = frozenset(frame.get("events") or [])

        reader = asyncio.ensure_future(read_filters())
        try:
            async for frame in _events_with_heartbeat(subscription.queue, reader):
                await _send(ws, frame)
        finally:
            reader.cancel()
            subscription.close()


async def _events_with_heartbeat(
    queue: asyncio.Queue[Frame], reader: asyncio.Task[None]
) -> AsyncIterator[Frame]:
    while not reader.done():
        getter = asyncio.ensure_future(queue.get())
        done, _ = await asyncio.wait(
            {getter, reader}, timeout=HEARTBEAT_SECONDS, return_when=asyncio.FIRST_COMPLETED
        )
        if getter in done:
            yield getter.result()
            continue
        getter.cancel()
        if not done:
            yield {"type": "event", "event": "heartbeat", "data": {}, "timestamp": iso()}
    if reader.done() and not reader.cancelled():
        exc = reader.exception()
        if exc is not None and not isinstance(exc, _Closed):
            raise exc


def _complete(success: bool, execution_id: str) -> Frame:
    return {
        "type": "complete",
        "success": success,
        "execution_id": execution_id,
        "timestamp": iso(),
    }


def result_frame(result: ExecutionResult) -> Frame:
    """WsResultMessage (``success`` kept in it for the complete frame that follows)."""
    frame: Frame = {
        "type": "result",
        "exit_code": result.exit_code,
        "execution_time": round(result.execution_time, 6),
        "success": result.success,
        "timestamp": iso(),
    }
    if result.in_kernel:
        frame.update(result.rich_fields())
        frame["rich_outputs"] = result.rich_outputs()
    return frame
