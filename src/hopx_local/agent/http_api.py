"""HTTP operations of vm-agent.yaml, by operationId."""

from __future__ import annotations

import io
import os
import platform
import secrets
import shlex
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from typing import Any
from urllib.parse import quote, urlsplit

from starlette.datastructures import UploadFile
from starlette.responses import PlainTextResponse, Response, StreamingResponse

from hopx_local.spec_server import ApiError, Call, JsonBody

from . import callbacks
from .background import BackgroundProcess
from .clock import iso
from .config import WORKSPACE
from .envstore import validate_variables
from .errors import AgentFault
from .execution import ExecutionResult, canonical_language, languages
from .service import Agent

Handler = Callable[[Call], Awaitable[Any]]
_DOWNLOAD_CHUNK = 1024 * 1024
AGENT_NAME = "hopx-vm-agent"


def as_api_error(fault: AgentFault) -> ApiError:
    headers = {"WWW-Authenticate": "Bearer"} if fault.status == 401 else None
    return ApiError(fault.status, fault.code, fault.message, fault.details, headers=headers)


def _translating(handler: Handler) -> Handler:
    async def translated(call: Call) -> Any:
        try:
            return await handler(call)
        except AgentFault as fault:
            raise as_api_error(fault) from None

    translated.__name__ = handler.__name__
    return translated


def _body(call: Call) -> dict[str, Any]:
    return call.body if isinstance(call.body, dict) else {}


def command_display(command: str, args: list[str] | None) -> str:
    """How a command is reported: ``X`` for ``bash -c X`` (either form), else the argv joined."""
    if args is None:
        return command
    if os.path.basename(command) in ("bash", "sh") and len(args) == 2 and args[0] == "-c":
        return args[1]
    return shlex.join([command, *args])


class _OutputEvents:
    """Publishes a background process's output as ``process.output`` events."""

    def __init__(self, agent: Agent) -> None:
        self.events = agent.events
        self.entry: BackgroundProcess | None = None
        """Set right after the spawn, before the event loop can deliver any output."""

    def publish(self, stream: str, text: str) -> None:
        if not self.events.subscribers:
            return
        data = {"stream": stream, "data": text}
        if self.entry is not None:
            data["process_id"] = self.entry.process_id
            data["execution_id"] = self.entry.execution_id
        self.events.publish("process.output", data)


class HttpApi:
    def __init__(self, agent: Agent, document: Mapping[str, Any], socket_path: str) -> None:
        self.agent = agent
        self.version = str(document.get("info", {}).get("version", "0"))
        self.socket_path = socket_path
        self.desktop_operations = [
            operation["operationId"]
            for item in document.get("paths", {}).values()
            for operation in item.values()
            if isinstance(operation, dict)
            and str(operation.get("operationId", "")).startswith("desktop")
        ]
        self._desktop_handlers: dict[str, Handler] | None = None
        self.endpoints = sorted(
            path for path in document.get("paths", {}) if not path.startswith("/desktop")
        )

    def handlers(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {
            "getAgentRoot": self.root,
            "getHealth": self.health,
            "getInfo": self.info,
            "ping": self.ping,
            "getSystemInfo": self.system,
            "getMetrics": self.metrics,
            "getMetricsSnapshot": self.metrics,
            "getPrometheusMetrics": self.prometheus,
            "listSystemProcesses": self.system_processes,
            "listJupyterSessions": self.jupyter_sessions,
            "executeCode": self.execute,
            "executeBackground": self.execute_background,
            "executeAsync": self.execute_async,
            "listExecuteProcesses": self.list_processes,
            "killExecuteProcess": self.kill_process,
            "killExecuteProcessLegacy": self.kill_process,
            "killProcessLegacy": self.kill_process,
            "runCommand": self.run_command,
            "runCommandBackground": self.run_command_background,
            "readFile": self.read_file,
            "downloadFile": self.download_file,
            "writeFile": self.write_file,
            "listFiles": self.list_files,
            "fileExists": self.file_exists,
            "makeDirectory": self.make_directory,
            "removeFile": self.remove_file,
            "uploadFile": self.upload_file,
            "getEnv": self.get_env,
            "replaceEnv": self.replace_env,
            "updateEnv": self.update_env,
            "clearEnv": self.clear_env,
            "getCacheStats": self.cache_stats,
            "clearCache": self.clear_cache,
        }
        handlers = {name: _translating(handler) for name, handler in table.items()}
        handlers.update(dict.fromkeys(self.desktop_operations, self._desktop))
        return handlers

    async def _desktop(self, call: Call) -> Any:
        """Dispatch to the desktop package, imported on first use (it costs startup time).

        The package answers 503 DESKTOP_NOT_AVAILABLE outside the desktop template.
        """
        if self._desktop_handlers is None:
            from .desktop import desktop_handlers

            self._desktop_handlers = desktop_handlers(self.agent)
        return await self._desktop_handlers[call.operation_id](call)

    # --------------------------------------------------------------------- info
    async def root(self, call: Call) -> dict[str, Any]:
        return {
            "name": AGENT_NAME,
            "version": self.version,
            "description": "HopX VM agent (hopx-local)",
            "docs": "/openapi.yaml",
            "endpoints": self.endpoints,
            "timestamp": iso(),
        }

    async def health(self, call: Call) -> dict[str, Any]:
        return {
            "status": self.agent.healthy,
            "agent": AGENT_NAME,
            "version": self.version,
            "uptime_seconds": round(self.agent.metrics.uptime(), 3),
            "active_streams": self.agent.active_streams,
            "timestamp": iso(),
        }

    async def info(self, call: Call) -> dict[str, Any]:
        agent = self.agent
        uname = os.uname()
        arch = {"x86_64": "amd64", "aarch64": "arm64"}.get(uname.machine, uname.machine)
        kernel = agent.kernel is not None
        return {
            "agent": AGENT_NAME,
            "version": self.version,
            "agent_version": self.version,
            "os": "linux",
            "arch": arch,
            "platform": f"linux/{arch}",
            "python_version": platform.python_version(),
            "ip": "127.0.0.1",
            "port": "7777",
            "socket": self.socket_path,
            "vm_id": agent.config.sandbox_id,
            "sandbox_id": agent.config.sandbox_id,
            "template": agent.config.template,
            "start_time": iso(agent.started_at),
            "uptime": round(agent.metrics.uptime(), 3),
            "endpoints": self.endpoints,
            "features": {
                "code_execution": True,
                "file_operations": True,
                "terminal_access": True,
                "websocket_streaming": True,
                "rich_output": kernel,
                "background_jobs": True,
                "ipython_kernel": kernel,
                "system_metrics": True,
                "desktop": self._desktop_available(),
            },
            "languages": languages(),
        }

    def _desktop_available(self) -> bool:
        if self.agent.config.template != "desktop":
            return False
        from .desktop import desktop_available

        return desktop_available()

    async def ping(self, call: Call) -> dict[str, Any]:
        return {"message": "pong", "timestamp": iso()}

    async def system(self, call: Call) -> dict[str, Any]:
        return self.agent.metrics.system(await self.agent.versions())

    async def metrics(self, call: Call) -> dict[str, Any]:
        return self.agent.metrics.snapshot()

    async def prometheus(self, call: Call) -> Response:
        return PlainTextResponse(
            self.agent.metrics.prometheus(), media_type="text/plain; version=0.0.4"
        )

    async def system_processes(self, call: Call) -> dict[str, Any]:
        return self.agent.metrics.processes()

    async def jupyter_sessions(self, call: Call) -> dict[str, Any]:
        kernel = self.agent.kernel
        sessions = [kernel.session_info()] if kernel is not None and kernel.started else []
        return {
            "available": kernel is not None,
            "sessions": sessions,
            "count": len(sessions),
            "timestamp": iso(),
        }

    # ------------------------------------------------------------------ execute
    async def execute(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        language = body.get("language", "python")
        timeout = body.get("timeout", 60)
        execution_id = "exec_" + secrets.token_hex(6)
        self.agent.events.publish(
            "execution.started", {"execution_id": execution_id, "language": language}
        )
        result = await self.agent.executor.run(
            body["code"],
            language,
            timeout=timeout,
            env=body.get("env"),
            workdir=body.get("workdir"),
        )
        self._completed(execution_id, result)
        if result.timed_out:
            raise result.timeout_fault(timeout)
        return result.response()

    def _completed(self, execution_id: str, result: ExecutionResult) -> None:
        status = "timeout" if result.timed_out else ("completed" if result.success else "failed")
        self.agent.events.publish(
            "execution.completed",
            {
                "execution_id": execution_id,
                "language": result.language,
                "status": status,
                "exit_code": result.exit_code,
            },
        )

    async def execute_background(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        language = body.get("language", "python")
        canonical = canonical_language(language)
        executor = self.agent.executor
        cwd = executor.workdir(body.get("workdir"))
        prepared = executor.prepare_code(canonical, body["code"])
        output_events = _OutputEvents(self.agent)
        try:
            child = executor.spawn(
                prepared.argv,
                env=executor.process_env(canonical, body.get("env")),
                cwd=cwd,
                capture=executor.background_capture,
                on_output=output_events.publish,
            )
        except BaseException:
            prepared.cleanup()
            raise
        entry = output_events.entry = self.agent.background.add(
            child,
            kind="execution",
            name=body.get("name"),
            language=language,
            command=None,
            timeout=body.get("timeout", 300),
            cleanup=prepared.cleanup,
        )
        executor.total += 1
        return {
            "process_id": entry.process_id,
            "execution_id": entry.execution_id,
            "name": entry.name,
            "status": entry.status,
            "language": language,
            "pid": child.pid,
            "start_time": iso(entry.started_at),
            "message": "Background execution started",
        }

    async def execute_async(self, call: Call) -> Response:
        body = _body(call)
        url = body["callback_url"]
        try:
            parts = urlsplit(url)
            _ = parts.port  # raises ValueError for a port that is not a number
        except ValueError:  # e.g. an unbalanced "[" or "]" in the host
            parts = urlsplit("")
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"callback_url must be an http:// or https:// URL, got '{url}'.",
                {"field": "callback_url"},
            )
        language = body.get("language", "python")
        canonical_language(language)
        self.agent.executor.workdir(body.get("workdir"))  # 404 now, not in the callback
        execution_id = "exec_" + secrets.token_hex(6)
        self.agent.spawn_task(self._run_async(execution_id, body, language))
        return JsonBody(
            {
                "execution_id": execution_id,
                "status": "queued",
                "callback_url": url,
                "message": "Execution queued. Will POST to callback_url when complete.",
                "timestamp": iso(),
            },
            status_code=202,
        )

    async def _run_async(self, execution_id: str, body: dict[str, Any], language: str) -> None:
        timeout = body.get("timeout", 1800)
        self.agent.events.publish(
            "execution.started", {"execution_id": execution_id, "language": language}
        )
        try:
            result = await self.agent.executor.run(
                body["code"],
                language,
                timeout=timeout,
                env=body.get("env"),
                workdir=body.get("workdir"),
                allow_kernel=False,
            )
        except AgentFault as fault:
            payload: dict[str, Any] = {
                "execution_id": execution_id,
                "status": "failed",
                "stdout": "",
                "stderr": fault.message,
                "exit_code": 1,
                "execution_time": 0.0,
                "success": False,
                "language": language,
                "timestamp": iso(),
                "rich_outputs": [],
                "error": fault.message,
            }
        else:
            self._completed(execution_id, result)
            payload = {"execution_id": execution_id, **result.response()}
            if result.timed_out:
                payload["status"] = "timeout"
                payload["error"] = f"Execution timed out after {timeout} seconds"
            elif result.success:
                payload["status"] = "completed"
            else:
                payload["status"] = "failed"
                payload.setdefault("error", f"Exited with code {result.exit_code}")
        await callbacks.deliver(
            body["callback_url"],
            payload,
            headers=body.get("callback_headers"),
            secret=body.get("callback_signature_secret"),
        )

    async def list_processes(self, call: Call) -> dict[str, Any]:
        processes = [entry.describe() for entry in self.agent.background.listing()]
        return {"processes": processes, "count": len(processes), "timestamp": iso()}

    async def kill_process(self, call: Call) -> dict[str, Any]:
        process_id = call.path.get("process_id") or call.query.get("process_id")
        if not process_id:
            raise AgentFault(400, "MISSING_PARAMETER", "Give process_id.", {"field": "process_id"})
        killed, entry = await self.agent.background.kill(str(process_id))
        return {
            "success": killed,
            "process_id": entry.process_id,
            "status": entry.status,
            "message": "Process killed" if killed else f"Process already {entry.status}",
            "timestamp": iso(),
        }

    # ------------------------------------------------------------------ commands
    async def run_command(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        args = body.get("args")
        timeout = body.get("timeout", 120)
        outcome = await self.agent.executor.run_command(
            body["command"], args, timeout=timeout, env=body.get("env"), workdir=body.get("workdir")
        )
        if outcome.timed_out:
            raise AgentFault(
                408,
                "EXECUTION_TIMEOUT",
                f"Command timed out after {timeout} seconds",
                {"timeout": timeout, "stdout": outcome.stdout, "stderr": outcome.stderr},
            )
        return {
            "stdout": outcome.stdout,
            "stderr": outcome.stderr,
            "exit_code": outcome.exit_code,
            "execution_time": round(outcome.duration, 6),
            "success": outcome.exit_code == 0,
            "command": command_display(body["command"], args),
            "pid": outcome.pid,
            "timestamp": iso(),
        }

    async def run_command_background(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        executor = self.agent.executor
        args = body.get("args")
        env = executor.env.for_process(body.get("env"))
        prepared = executor.prepare_command(body["command"], args, env)
        output_events = _OutputEvents(self.agent)
        child = executor.spawn(
            prepared.argv,
            env=env,
            cwd=executor.workdir(body.get("workdir")),
            capture=executor.background_capture,
            on_output=output_events.publish,
            failure_code="COMMAND_FAILED",
        )
        display = command_display(body["command"], args)
        entry = output_events.entry = self.agent.background.add(
            child,
            kind="command",
            name=body.get("name"),
            language=None,
            command=display,
            timeout=body.get("timeout", 120),
        )
        return {
            "process_id": entry.process_id,
            "pid": child.pid,
            "status": entry.status,
            "command": display,
            "start_time": iso(entry.started_at),
            "message": f"Background process started: {entry.process_id}",
        }

    # --------------------------------------------------------------------- files
    async def read_file(self, call: Call) -> dict[str, Any]:
        return self.agent.files.read(call.query["path"], call.query.get("encoding") or "utf-8")

    async def download_file(self, call: Call) -> Response:
        download = self.agent.files.prepare_download(call.query["path"])
        name = os.path.basename(download.shown)
        # Header values must be printable ASCII: anything else in a file name (control
        # characters included) would make the server drop the connection instead of answering.
        fallback = "".join(c if " " <= c <= "~" and c not in '"\\' else "_" for c in name)
        disposition = f'attachment; filename="{fallback}"'
        if fallback != name:
            disposition += f"; filename*=UTF-8''{quote(name)}"

        async def chunks() -> AsyncIterator[bytes]:
            with open(download.path, "rb") as handle:
                remaining = download.size
                while remaining > 0:
                    data = handle.read(min(_DOWNLOAD_CHUNK, remaining))
                    if not data:
                        break
                    remaining -= len(data)
                    yield data

        return StreamingResponse(
            chunks(),
            media_type="application/octet-stream",
            headers={"Content-Length": str(download.size), "Content-Disposition": disposition},
        )

    async def write_file(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        return self.agent.files.write(
            body["path"],
            body["content"],
            encoding=body.get("encoding", "utf-8"),
            mode=body.get("mode"),
            overwrite=body.get("overwrite", True),
        )

    async def list_files(self, call: Call) -> dict[str, Any]:
        return self.agent.files.list_dir(call.query.get("path") or WORKSPACE)

    async def file_exists(self, call: Call) -> dict[str, Any]:
        return self.agent.files.exists(call.query["path"])

    async def make_directory(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        return self.agent.files.mkdir(body["path"], parents=body.get("parents", True))

    async def remove_file(self, call: Call) -> dict[str, Any]:
        return self.agent.files.remove(
            call.query["path"], recursive=call.query.get("recursive", True)
        )

    async def upload_file(self, call: Call) -> dict[str, Any]:
        form = _body(call)
        upload = form.get("file")
        path = form.get("path")
        mode = form.get("mode")
        if mode is not None and not isinstance(mode, str):
            raise AgentFault(
                400, "INVALID_REQUEST", "'mode' must be a text field.", {"field": "mode"}
            )
        if path is not None and not isinstance(path, str):
            raise AgentFault(
                400, "INVALID_REQUEST", "'path' must be a text field.", {"field": "path"}
            )
        if isinstance(upload, str):
            # A part without a filename is still the file's content (RFC 7578 makes the
            # filename optional); the destination then has to come from 'path'.
            content = io.BytesIO(upload.encode("utf-8"))
            return self.agent.files.save_upload(path or None, None, content, mode)
        if not isinstance(upload, UploadFile):
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                "The multipart body needs a file part named 'file'.",
                {"field": "file"},
            )
        try:
            return self.agent.files.save_upload(path or None, upload.filename, upload.file, mode)
        finally:
            await upload.close()

    # ----------------------------------------------------------------------- env
    def _env_document(self) -> dict[str, Any]:
        values = self.agent.env.snapshot()
        return {"env_vars": values, "count": len(values), "timestamp": iso()}

    def _env_changed(self, keys: list[str]) -> None:
        self.agent.events.publish("env.changed", {"keys": sorted(keys)})

    async def get_env(self, call: Call) -> dict[str, Any]:
        return self._env_document()

    async def replace_env(self, call: Call) -> dict[str, Any]:
        values = validate_variables(_body(call).get("env_vars", {}))
        before = self.agent.env.snapshot()
        self.agent.env.replace(values)
        self._env_changed(list(set(before) | set(values)))
        return self._env_document()

    async def update_env(self, call: Call) -> dict[str, Any]:
        values = validate_variables(_body(call).get("env_vars", {}))
        self.agent.env.update(values)
        self._env_changed(list(values))
        return self._env_document()

    async def clear_env(self, call: Call) -> dict[str, Any]:
        key = call.query.get("key")
        if key:
            if self.agent.env.delete(key):
                self._env_changed([key])
        else:
            keys = list(self.agent.env.snapshot())
            self.agent.env.clear()
            self._env_changed(keys)
        return self._env_document()

    # --------------------------------------------------------------------- cache
    async def cache_stats(self, call: Call) -> dict[str, Any]:
        return self.agent.caches.stats()

    async def clear_cache(self, call: Call) -> dict[str, Any]:
        return self.agent.caches.clear()
