"""A real Jupyter kernel (ipykernel via jupyter_client) for Python in the code-interpreter template.

State persists across executions. The kernel is started on first use (or in the background right
after the agent starts), with the sandbox's environment plus the inline matplotlib backend, so a
figure yields ``image/png``. Before an execution, differences between the environment/working
directory the kernel has and the one the call wants are applied with a silent execute (only when
something changed). A timeout interrupts the kernel (SIGINT) and keeps what was printed; if the
kernel does not come back, it is restarted.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import logging
import os
import re
import secrets
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from queue import Empty
from typing import Any

from . import kernel_output_cap
from .clock import iso
from .oom import OomScore
from .proc import BoundedCapture

log = logging.getLogger("hopx_local.agent")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
INLINE_BACKEND = "module://matplotlib_inline.backend_inline"
_INTERRUPT_GRACE = 3.0
_LIVENESS_POLL = 1.0

RICH_FIELDS = {
    "image/png": "png",
    "text/html": "html",
    "image/svg+xml": "svg",
    "application/json": "json",
    "text/markdown": "markdown",
}
"""MIME types with a flat field of their own in ExecuteResponse (the last display of each wins)."""

OUTPUT_FORMATS = {
    "image/png": "base64",
    "image/jpeg": "base64",
    "image/svg+xml": "text",
    "text/html": "text",
    "text/markdown": "text",
    "text/plain": "text",
    "text/latex": "text",
    "application/json": "json",
    "application/javascript": "text",
    "application/vnd.dataframe+json": "json",
}
"""MIME types reported in ``rich_outputs`` (RichOutputType) and how their data is encoded."""


@dataclass
class KernelRun:
    """What one execution in the kernel produced."""

    stdout: str = ""
    stderr: str = ""
    error: str | None = None
    """``<ename>: <evalue>`` of an exception raised by the code."""
    exception: dict[str, str] | None = None
    """The same exception structured: ``name``, ``value``, ``traceback`` (ExecutionException)."""
    timed_out: bool = False
    kernel_restarted: bool = False
    result: str | None = None
    outputs: list[dict[str, Any]] = field(default_factory=list)
    """Rich outputs in order (RichOutput shape) plus the raw value under ``"value"``."""
    execution_count: int | None = None
    truncated: bool = False


def strip_ansi(text: str) -> str:
    return ANSI_ESCAPE.sub("", text)


def exception_of(content: dict[str, Any], traceback: list[Any]) -> dict[str, str]:
    """The ExecutionException of a Jupyter ``error`` content (ename / evalue / traceback)."""
    return {
        "name": str(content.get("ename", "Error")),
        "value": str(content.get("evalue", "")),
        "traceback": strip_ansi("\n".join(str(line) for line in traceback)),
    }


def _png_size(b64: str) -> tuple[int, int] | None:
    try:
        head = base64.b64decode(b64[:64])
    except ValueError:
        return None
    if len(head) >= 24 and head[:8] == b"\x89PNG\r\n\x1a\n" and head[12:16] == b"IHDR":
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    return None


def rich_output(mime: str, value: Any, plain: str | None) -> dict[str, Any] | None:
    """One RichOutput for a display's ``mime`` representation (None: not a reportable type)."""
    encoding = OUTPUT_FORMATS.get(mime)
    if encoding is None:
        return None
    if encoding == "json":
        data = json.dumps(value)
    elif isinstance(value, list):  # some kernels split text into lines
        data = "".join(str(part) for part in value)
    else:
        data = str(value)
    if encoding == "base64":
        data = "".join(data.split())
    metadata: dict[str, Any] = {}
    if encoding == "base64":
        metadata["size"] = len(data) * 3 // 4 - data[-2:].count("=")
        dims = _png_size(data) if mime == "image/png" else None
        if dims is not None:
            metadata["width"], metadata["height"] = dims
    else:
        metadata["size"] = len(data.encode("utf-8"))
    if mime == "text/html" and 'class="dataframe' in data:
        metadata["source"] = "pandas"
    elif encoding == "base64" and plain is not None and plain.startswith("<Figure"):
        metadata["source"] = "matplotlib"
    return {"type": mime, "data": data, "format": encoding, "metadata": metadata, "value": value}


class _Collector:
    def __init__(self, limit: int, on_output: Callable[[str, str], None] | None) -> None:
        self.stdout = BoundedCapture.split(limit)
        self.stderr = BoundedCapture.split(limit)
        self.on_output = on_output
        self.on_display: Callable[[dict[str, Any]], None] | None = None
        self.run = KernelRun()
        self.rich_bytes = 0
        self.limit = limit

    def stream(self, name: str, text: str) -> None:
        (self.stdout if name == "stdout" else self.stderr).add(text.encode("utf-8", "replace"))
        if self.on_output is not None:
            self.on_output("stdout" if name == "stdout" else "stderr", text)

    def message(self, msg: dict[str, Any]) -> None:
        kind = msg["header"]["msg_type"]
        content = msg["content"]
        if kind == "stream":
            self.stream(content.get("name", "stdout"), content.get("text", ""))
        elif kind in ("execute_result", "display_data"):
            self._display(kind, content)
        elif kind == "error":
            self.run.error = f"{content.get('ename', 'Error')}: {content.get('evalue', '')}"
            traceback = content.get("traceback") or [self.run.error]
            self.run.exception = exception_of(content, traceback)
            self.stream("stderr", strip_ansi("\n".join(traceback)) + "\n")

    def _display(self, kind: str, content: dict[str, Any]) -> None:
        data: dict[str, Any] = content.get("data", {})
        plain = data.get("text/plain")
        if not isinstance(plain, str):
            plain = None
        if kind == "execute_result":
            self.run.execution_count = content.get("execution_count")
            self.run.result = plain
        richer = [mime for mime in data if mime != "text/plain" and mime in OUTPUT_FORMATS]
        for mime in richer or ["text/plain"]:
            if mime not in data:
                continue
            output = rich_output(mime, data[mime], plain)
            if output is None:
                continue
            size = len(output["data"])
            if self.rich_bytes + size > self.limit:
                self.run.truncated = True
                continue
            self.rich_bytes += size
            self.run.outputs.append(output)
            if self.on_display is not None and kind == "display_data":
                self.on_display(output)  # the execute_result travels in the result frame

    def finish(self) -> KernelRun:
        self.run.stdout = self.stdout.text()
        self.run.stderr = self.stderr.text()
        self.run.truncated = self.run.truncated or self.stdout.truncated or self.stderr.truncated
        return self.run


def _leave_message_dates_unparsed() -> None:
    """jupyter_client turns the ISO dates of every message header into datetimes with dateutil,
    35 us of a 55 us decode, five or more messages per execution. The agent reads no message
    date."""
    import jupyter_client.session

    jupyter_client.session.extract_dates = _unchanged  # type: ignore[attr-defined]


def _unchanged(obj: Any) -> Any:
    return obj


def _python_kernel_spec_manager(python: str) -> Any:
    from jupyter_client.kernelspec import KernelSpec, KernelSpecManager

    class _FixedSpecs(KernelSpecManager):
        """Always the ipykernel of the sandbox's python; no kernelspec directory scanning."""

        def get_kernel_spec(self, kernel_name: str) -> Any:
            return KernelSpec(
                argv=[python, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
                display_name="Python 3",
                language="python",
                interrupt_mode="signal",
                metadata={"debugger": False},
            )

    return _FixedSpecs()


class PythonKernel:
    """One ipykernel; executions are serialised (a kernel runs one cell at a time)."""

    def __init__(
        self, *, python: str, runtime_dir: str, capture_limit: int, oom: OomScore | None = None
    ) -> None:
        self.python = python
        self.oom = oom
        self.runtime_dir = runtime_dir
        self.capture_limit = capture_limit
        self.kernel_id = "kernel_" + secrets.token_hex(8)
        self.started_at: float | None = None
        self.last_activity: float | None = None
        self.execution_count = 0
        self.state = "not_started"
        self.restarts = 0
        self._lock = asyncio.Lock()
        self._start_lock = asyncio.Lock()
        self._manager: Any = None
        self._client: Any = None
        self._applied_env: dict[str, str] = {}
        self._applied_cwd: str | None = None
        self.busy = False

    # ------------------------------------------------------------- lifecycle
    @property
    def started(self) -> bool:
        return self._client is not None

    @property
    def pid(self) -> int | None:
        provisioner = getattr(self._manager, "provisioner", None)
        process = getattr(provisioner, "process", None)
        pid = getattr(process, "pid", None)
        return pid if isinstance(pid, int) else None

    async def ensure_started(self, env: Mapping[str, str], cwd: str) -> None:
        if self._client is not None:
            return
        async with self._start_lock:
            if self._client is None:
                await self._start(env, cwd)

    async def _start(self, env: Mapping[str, str], cwd: str) -> None:
        from jupyter_client.manager import AsyncKernelManager

        _leave_message_dates_unparsed()
        self.state = "starting"
        os.makedirs(self.runtime_dir, exist_ok=True)
        kernel_env = self._kernel_env(env)
        manager = AsyncKernelManager(
            kernel_name="python3",
            kernel_spec_manager=_python_kernel_spec_manager(self.python),
            connection_file=os.path.join(self.runtime_dir, f"{self.kernel_id}.json"),
        )
        await manager.start_kernel(
            env=kernel_env,
            cwd=cwd,
            extra_arguments=["--HistoryManager.enabled=False", "--InteractiveShell.colors=nocolor"],
        )
        client = manager.client()
        client.start_channels(hb=False)
        try:
            await client.wait_for_ready(timeout=60)
        except Exception:
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
            self.state = "dead"
            raise
        self._manager = manager
        self._client = client
        self._install_output_cap()
        self._user_code_oom_score()
        self._applied_env = kernel_env
        self._applied_cwd = cwd
        self.started_at = time.time()
        self.state = "idle"

    def _kernel_env(self, env: Mapping[str, str]) -> dict[str, str]:
        """The call's environment plus what the kernel itself needs to work."""
        kernel_env = dict(env)
        kernel_env.setdefault("MPLBACKEND", INLINE_BACKEND)
        agent_pythonpath = os.environ.get("PYTHONPATH")
        if agent_pythonpath and "PYTHONPATH" not in kernel_env:
            kernel_env["PYTHONPATH"] = agent_pythonpath
        kernel_env["JUPYTER_RUNTIME_DIR"] = self.runtime_dir
        return kernel_env

    def _install_output_cap(self) -> None:
        """Fire and forget, like the environment sync: shell requests run in order, so the cap
        is in place before the first cell (see kernel_output_cap)."""
        self._client.execute(
            kernel_output_cap.setup_code(self.capture_limit),
            silent=True,
            store_history=False,
            stop_on_error=False,
        )

    def _user_code_oom_score(self) -> None:
        pid = self.pid
        if self.oom is not None and pid is not None:
            self.oom.apply_to(pid)

    async def restart(self) -> None:
        """Restart the kernel process (state is lost)."""
        manager, client = self._manager, self._client
        if manager is None or client is None:
            return
        self.state = "restarting"
        client.stop_channels()
        await manager.restart_kernel(now=True)
        client = manager.client()
        client.start_channels(hb=False)
        await client.wait_for_ready(timeout=60)
        self._client = client
        self._install_output_cap()
        self._user_code_oom_score()
        self._applied_env = {}
        self._applied_cwd = None
        self.restarts += 1
        self.execution_count = 0
        self.state = "idle"

    async def shutdown(self) -> None:
        if self._client is not None:
            self._client.stop_channels()
        if self._manager is not None:
            with contextlib.suppress(Exception):  # a kernel already gone is fine
                await self._manager.shutdown_kernel(now=True)
        self._client = None
        self._manager = None
        self.state = "dead"

    async def is_alive(self) -> bool:
        return self._manager is not None and bool(await self._manager.is_alive())

    # ------------------------------------------------------------- execution
    def _sync_code(self, env: Mapping[str, str], cwd: str) -> str | None:
        changed = {k: v for k, v in env.items() if self._applied_env.get(k) != v}
        removed = [k for k in self._applied_env if k not in env]
        lines = []
        if changed:
            lines.append(f"__import__('os').environ.update({changed!r})")
        if removed:
            lines.append(f"[__import__('os').environ.pop(k, None) for k in {removed!r}]")
        if cwd != self._applied_cwd:
            lines.append(f"__import__('os').chdir({cwd!r})")
        return "\n".join(lines) if lines else None

    async def execute(
        self,
        code: str,
        *,
        env: Mapping[str, str],
        cwd: str,
        timeout: float,
        on_output: Callable[[str, str], None] | None = None,
        on_display: Callable[[dict[str, Any]], None] | None = None,
    ) -> KernelRun:
        await self.ensure_started(env, cwd)
        async with self._lock:
            self.busy = True
            self.state = "busy"
            try:
                return await self._execute_locked(code, env, cwd, timeout, on_output, on_display)
            finally:
                self.busy = False
                self.state = "idle" if self._client is not None else "dead"
                self.last_activity = time.time()

    async def _execute_locked(
        self,
        code: str,
        env: Mapping[str, str],
        cwd: str,
        timeout: float,
        on_output: Callable[[str, str], None] | None,
        on_display: Callable[[dict[str, Any]], None] | None,
    ) -> KernelRun:
        client = self._client
        env = self._kernel_env(env)
        sync = self._sync_code(env, cwd)
        if sync is not None:
            # Fire and forget: the kernel handles shell requests in order, so the call's code
            # sees the new environment; its own replies are skipped by parent id below.
            client.execute(sync, silent=True, store_history=False, stop_on_error=False)
            self._applied_env = dict(env)
            self._applied_cwd = cwd
        msg_id = client.execute(
            code,
            store_history=True,
            allow_stdin=False,
            stop_on_error=False,
            user_expressions={kernel_output_cap.EXPRESSION_NAME: kernel_output_cap.EXPRESSION},
        )
        collector = _Collector(self.capture_limit, on_output)
        collector.on_display = on_display
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        try:
            idle = await self._collect(msg_id, collector, deadline)
        except asyncio.CancelledError:
            # The caller went away (e.g. a closed WebSocket): stop the cell, keep the kernel.
            await self._abandon(msg_id)
            raise
        if not idle and collector.run.kernel_restarted is False and await self.is_alive():
            collector.run.timed_out = True
            await self._manager.interrupt_kernel()
            idle = await self._collect(msg_id, collector, loop.time() + _INTERRUPT_GRACE)
            if not idle:
                await self.restart()
                collector.run.kernel_restarted = True
        elif not idle and not collector.run.kernel_restarted:
            await self._recover_dead_kernel(collector)
        if idle:
            await self._drain_reply(msg_id, collector)
        return collector.finish()

    async def _abandon(self, msg_id: str) -> None:
        try:
            if await self.is_alive():
                await self._manager.interrupt_kernel()
                sink = _Collector(self.capture_limit, None)
                loop = asyncio.get_running_loop()
                if await self._collect(msg_id, sink, loop.time() + _INTERRUPT_GRACE):
                    await self._drain_reply(msg_id, sink)
                    return
            await self.restart()
        except Exception as exc:  # best effort: the kernel is restarted on next use if dead
            log.warning("could not stop an abandoned kernel execution: %s", exc)

    async def _recover_dead_kernel(self, collector: _Collector) -> None:
        collector.run.error = "KernelDied: the Python kernel died and was restarted"
        collector.run.kernel_restarted = True
        collector.stream(
            "stderr",
            "The Python kernel died while running this code and was restarted; "
            "its variables and imports are gone.\n",
        )
        await self.restart()

    async def _collect(self, msg_id: str, collector: _Collector, deadline: float) -> bool:
        """Read iopub until this request's 'idle' status (True) or the deadline (False)."""
        client = self._client
        loop = asyncio.get_running_loop()
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                return False
            try:
                msg = await client.get_iopub_msg(timeout=min(remaining, _LIVENESS_POLL))
            except Empty:
                if not await self.is_alive():
                    await self._recover_dead_kernel(collector)
                    return False
                continue
            if msg.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if msg["header"]["msg_type"] == "status":
                if msg["content"].get("execution_state") == "idle":
                    return True
                continue
            collector.message(msg)

    async def _drain_reply(self, msg_id: str, collector: _Collector) -> None:
        client = self._client
        while True:
            try:
                reply = await client.get_shell_msg(timeout=5)
            except Empty:
                return
            if reply.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            content = reply.get("content", {})
            if kernel_output_cap.dropped_from_reply(content):
                collector.run.truncated = True
            count = content.get("execution_count")
            if isinstance(count, int):
                collector.run.execution_count = count
                self.execution_count = count
            if content.get("status") == "error" and collector.run.error is None:
                name = content.get("ename", "Error")
                collector.run.error = f"{name}: {content.get('evalue', '')}"
                collector.run.exception = exception_of(content, content.get("traceback") or [])
            return

    def session_info(self) -> dict[str, Any]:
        """The JupyterSession document of this kernel (only meaningful once started)."""
        last = self.last_activity or self.started_at or time.time()
        return {
            "id": "default",
            "kernel_id": self.kernel_id,
            "kernel_name": "python3",
            "status": self.state if self.state != "not_started" else "starting",
            "execution_count": self.execution_count,
            "last_activity": iso(last),
            "pid": self.pid,
            "restarts": self.restarts,
        }
