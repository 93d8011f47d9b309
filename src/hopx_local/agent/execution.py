"""Running code and commands.

Python goes to the Jupyter kernel in the ``code-interpreter`` template (rich outputs, state kept
across calls) and to a fresh ``python3 -c`` process otherwise (and always for background and
async work, which must not hold the kernel). JavaScript runs with node, bash with bash, sh with
sh, Go with ``go run`` of a temporary file (build cache kept under the agent's cache directory).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..specs import load_spec, spec_path
from .clock import iso
from .config import WORKSPACE, AgentConfig
from .envstore import EnvStore
from .errors import AgentFault
from .exec_limits import argument_list_too_long
from .kernel import RICH_FIELDS, KernelRun, PythonKernel
from .oom import OomScore
from .proc import BoundedCapture, Child, Outcome, OutputSink

# The runtime of each alias; the accepted names are the YAML's `Language` enum (languages()).
_RUNTIME_OF_ALIAS = {"python3": "python", "js": "javascript", "node": "javascript",
                     "nodejs": "javascript", "shell": "sh"}  # fmt: skip
_languages: list[str] = []


def use_languages(document: Mapping[str, Any]) -> None:
    """Take the accepted languages from the parsed vm-agent.yaml (the app loads it once)."""
    _languages[:] = document["components"]["schemas"]["Language"]["enum"]


def languages() -> list[str]:
    if not _languages:
        use_languages(load_spec(spec_path("vm-agent")))
    return _languages


_INLINE_CODE_LIMIT = 64 * 1024
"""Code longer than this is passed in a temporary file instead of on the command line."""

DisplaySink = Callable[[dict[str, Any]], None]


def canonical_language(language: str) -> str:
    if language not in languages():
        raise AgentFault(
            400,
            "INVALID_REQUEST",
            f"Unsupported language '{language}'; use one of {', '.join(languages())}.",
            {"field": "language"},
        )
    return _RUNTIME_OF_ALIAS.get(language, language)


@dataclass
class ExecutionResult:
    language: str
    """As the request named it (an alias such as ``python3`` is echoed back)."""
    stdout: str
    stderr: str
    exit_code: int
    execution_time: float
    timed_out: bool = False
    signal: int | None = None
    in_kernel: bool = False
    outputs: list[dict[str, Any]] = field(default_factory=list)
    result: str | None = None
    error: str | None = None
    exception: dict[str, str] | None = None
    """The structured form of ``error`` (ExecutionException), for kernel executions."""
    truncated: bool = False
    kernel_restarted: bool = False
    finished_at: float = field(default_factory=time.time)

    @property
    def success(self) -> bool:
        return self.exit_code == 0 and not self.timed_out and self.error is None

    def rich_fields(self) -> dict[str, Any]:
        """Flat rich fields: png/html/svg/json/markdown (last display of each), result, error."""
        fields: dict[str, Any] = {}
        for output in self.outputs:
            key = RICH_FIELDS.get(str(output["type"]))
            if key == "json":
                if isinstance(output["value"], dict):
                    fields["json"] = output["value"]
            elif key is not None:
                fields[key] = output["data"]
        if self.result is not None:
            fields["result"] = self.result
        if self.error is not None:
            fields["error"] = self.error
            fields["exception"] = self.exception or {
                "name": self.error.partition(":")[0],
                "value": self.error.partition(":")[2].strip(),
                "traceback": "",
            }
        return fields

    def rich_outputs(self) -> list[dict[str, Any]]:
        return [public_output(output) for output in self.outputs]

    def response(self) -> dict[str, Any]:
        """The ExecuteResponse document."""
        body: dict[str, Any] = {
            "stdout": self.stdout,
            "stderr": self.stderr,
            "exit_code": self.exit_code,
            "execution_time": round(self.execution_time, 6),
            "success": self.success,
            "language": self.language,
            "timestamp": iso(self.finished_at),
            "rich_outputs": self.rich_outputs(),
        }
        if self.in_kernel:
            body.update(self.rich_fields())
        return body

    def timeout_fault(self, timeout: float) -> AgentFault:
        details: dict[str, Any] = {
            "timeout": int(timeout),
            "stdout": self.stdout,
            "stderr": self.stderr,
        }
        message = f"Execution timed out after {timeout:g} seconds"
        if self.kernel_restarted:
            details["kernel_restarted"] = True
            message += (
                "; the Python kernel ignored the interrupt and was restarted "
                "(its variables and imports are gone)"
            )
        return AgentFault(408, "EXECUTION_TIMEOUT", message, details)


def public_output(output: Mapping[str, Any]) -> dict[str, Any]:
    """A RichOutput without the agent's private keys."""
    return {key: output[key] for key in ("type", "data", "format", "metadata") if key in output}


def check_workdir(workdir: str, shown: str | None = None) -> str:
    if not os.path.isdir(workdir):
        workdir = shown or workdir
        raise AgentFault(
            404,
            "DIRECTORY_NOT_FOUND",
            f"Working directory '{workdir}' does not exist; create it first "
            "(POST /files/mkdir) or omit workdir to use /workspace.",
            {"field": "workdir", "path": workdir},
        )
    return workdir


# What bash prints and exits with for a program it cannot run ($0 program, $1 status, $2 reason).
_FAIL_AS_SHELL = 'printf "%s: %s\\n" "$0" "$2" >&2; exit "$1"'


@dataclass
class Prepared:
    """A command line ready to start, and the temporary files it needs."""

    argv: list[str]
    scratch: list[str] = field(default_factory=list)

    def cleanup(self) -> None:
        for folder in self.scratch:
            shutil.rmtree(folder, ignore_errors=True)


class Executor:
    def __init__(
        self,
        config: AgentConfig,
        env: EnvStore,
        kernel: PythonKernel | None,
        oom: OomScore | None = None,
    ) -> None:
        self.config = config
        self.env = env
        self.kernel = kernel
        self.active = 0
        self.total = 0
        self.oom = oom

    # ------------------------------------------------------------- building
    def workdir(self, requested: str | None) -> str:
        """The real directory of a requested ``workdir`` (404 DIRECTORY_NOT_FOUND if missing)."""
        shown = requested or WORKSPACE
        return check_workdir(self.config.real_path(shown), shown)

    def go_env(self) -> dict[str, str]:
        caches = self.config.caches
        return {
            "GOCACHE": str(caches / "go-build"),
            "GOPATH": str(caches / "go"),
            "GOMODCACHE": str(caches / "go" / "pkg" / "mod"),
            "GOTELEMETRY": "off",
        }

    def process_env(self, language: str, overrides: Mapping[str, str] | None) -> dict[str, str]:
        env = self.env.for_process(overrides)
        if language == "python":
            env.setdefault("PYTHONUNBUFFERED", "1")
        elif language == "go":
            for key, value in self.go_env().items():
                env.setdefault(key, value)
        return env

    def prepare_code(self, language: str, code: str) -> Prepared:
        tools = self.config.interpreters
        if language == "go":
            folder = tempfile.mkdtemp(prefix="hopx-go-")
            source = code if code.lstrip().startswith("package ") else "package main\n\n" + code
            path = os.path.join(folder, "main.go")
            with open(path, "w", encoding="utf-8") as out:
                out.write(source)
            return Prepared([tools.go, "run", path], [folder])
        program = {
            "python": tools.python,
            "javascript": tools.node,
            "bash": tools.bash,
            "sh": tools.sh,
        }[language]
        if len(code) <= _INLINE_CODE_LIMIT and "\x00" not in code:
            return Prepared([program, "-e" if language == "javascript" else "-c", code])
        folder = tempfile.mkdtemp(prefix="hopx-code-")
        suffix = {"python": ".py", "javascript": ".js", "bash": ".sh", "sh": ".sh"}[language]
        path = os.path.join(folder, "main" + suffix)
        with open(path, "w", encoding="utf-8") as out:
            out.write(code)
        return Prepared([program, path], [folder])

    def prepare_command(
        self, command: str, args: Sequence[str] | None, env: Mapping[str, str]
    ) -> Prepared:
        """With ``args``: run ``command`` directly (found in PATH); else ``bash -c command``.

        A program that is missing or not executable fails the way it does in a shell (exit
        status 127 or 126, the reason on stderr): a user's typo is not a server error (a 500
        would also make the published SDK retry it three times).
        """
        bash = self.config.interpreters.bash
        if args is None:
            return Prepared([bash, "-c", command])
        program = command if "/" in command else shutil.which(command, path=env.get("PATH"))
        if program is None or not os.path.exists(program):
            return Prepared([bash, "-c", _FAIL_AS_SHELL, command, "127", "command not found"])
        if os.path.isdir(program) or not os.access(program, os.X_OK):
            return Prepared([bash, "-c", _FAIL_AS_SHELL, command, "126", "Permission denied"])
        return Prepared([program, *args])

    def spawn(
        self,
        argv: list[str],
        *,
        env: Mapping[str, str],
        cwd: str,
        capture: Callable[[], BoundedCapture],
        on_output: OutputSink | None = None,
        failure_code: str = "EXECUTION_FAILED",
    ) -> Child:
        check_workdir(cwd)
        try:
            return Child(argv, env=env, cwd=cwd, capture=capture, on_output=on_output, oom=self.oom)
        except ValueError as exc:  # NUL bytes, unencodable text, bad variable names
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"Cannot run this: {exc} (in the command, its arguments or env).",
                {"reason": str(exc)},
            ) from None
        except OSError as exc:
            if exc.errno == errno.E2BIG:
                raise argument_list_too_long(argv, env) from None
            raise AgentFault(
                500,
                failure_code,
                f"Could not start '{argv[0]}': {exc.strerror or exc}",
                {"program": argv[0]},
            ) from None

    def capture(self) -> BoundedCapture:
        return BoundedCapture.split(self.config.capture_limit)

    def background_capture(self) -> BoundedCapture:
        return BoundedCapture(0, self.config.background_capture_limit)

    # ------------------------------------------------------------------ run
    async def run(
        self,
        code: str,
        language: str,
        *,
        timeout: float,
        env: Mapping[str, str] | None = None,
        workdir: str | None = None,
        on_output: OutputSink | None = None,
        on_display: DisplaySink | None = None,
        allow_kernel: bool = True,
    ) -> ExecutionResult:
        canonical = canonical_language(language)
        cwd = self.workdir(workdir)
        self.active += 1
        self.total += 1
        try:
            if allow_kernel and self.kernel is not None and canonical == "python":
                return await self._run_in_kernel(
                    code, language, timeout, env, cwd, on_output, on_display
                )
            prepared = self.prepare_code(canonical, code)
            try:
                child = self.spawn(
                    prepared.argv,
                    env=self.process_env(canonical, env),
                    cwd=cwd,
                    capture=self.capture,
                    on_output=on_output,
                )
                outcome = await child.wait(timeout)
            finally:
                prepared.cleanup()
            return from_outcome(language, outcome)
        finally:
            self.active -= 1

    async def run_command(
        self,
        command: str,
        args: Sequence[str] | None,
        *,
        timeout: float,
        env: Mapping[str, str] | None = None,
        workdir: str | None = None,
        on_output: OutputSink | None = None,
    ) -> Outcome:
        cwd = self.workdir(workdir)
        process_env = self.env.for_process(env)
        prepared = self.prepare_command(command, args, process_env)
        self.active += 1
        try:
            child = self.spawn(
                prepared.argv,
                env=process_env,
                cwd=cwd,
                capture=self.capture,
                on_output=on_output,
                failure_code="COMMAND_FAILED",
            )
            return await child.wait(timeout)
        finally:
            self.active -= 1

    async def _run_in_kernel(
        self,
        code: str,
        language: str,
        timeout: float,
        env: Mapping[str, str] | None,
        cwd: str,
        on_output: OutputSink | None,
        on_display: DisplaySink | None,
    ) -> ExecutionResult:
        assert self.kernel is not None
        started = time.monotonic()
        try:
            run: KernelRun = await self.kernel.execute(
                code,
                env=self.env.for_process(env),
                cwd=cwd,
                timeout=timeout,
                on_output=on_output,
                on_display=on_display,
            )
        except AgentFault:
            raise
        except Exception as exc:
            raise AgentFault(
                500,
                "EXECUTION_FAILED",
                f"The Python kernel could not run the code: {exc}",
                {"kernel": self.kernel.kernel_id},
            ) from exc
        failed = run.error is not None or run.timed_out
        return ExecutionResult(
            language=language,
            stdout=run.stdout,
            stderr=run.stderr,
            exit_code=1 if failed else 0,
            execution_time=time.monotonic() - started,
            timed_out=run.timed_out,
            in_kernel=True,
            outputs=run.outputs,
            result=run.result,
            error=None if run.timed_out else run.error,
            exception=None if run.timed_out else run.exception,
            truncated=run.truncated,
            kernel_restarted=run.kernel_restarted,
        )


def from_outcome(language: str, outcome: Outcome) -> ExecutionResult:
    return ExecutionResult(
        language=language,
        stdout=outcome.stdout,
        stderr=outcome.stderr,
        exit_code=outcome.exit_code,
        execution_time=outcome.duration,
        timed_out=outcome.timed_out,
        signal=outcome.signal,
        truncated=outcome.truncated,
    )
