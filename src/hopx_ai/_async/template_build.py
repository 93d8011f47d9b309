"""Building a template through the control plane (operations of ``openapi/control-plane.yaml``).

1. COPY steps: collect and hash their content (``template._copy_content``); for each distinct
   hash, write the tarball, ask ``createTemplateUploadLink`` and PUT the tarball unless the
   server already has it (``present``).
2. ``buildTemplate`` with the steps (COPY steps carry ``filesHash``).
3. Poll ``getTemplateBuildStatus`` (and ``getTemplateBuildLogs`` from the last offset when
   ``on_log`` is given) until the build ends or ``BuildOptions.build_timeout`` passes.
4. Poll ``getTemplate`` until the template is active twice in a row (the cloud briefly reports
   ``active`` before publishing) or ``template_activation_timeout`` passes.

Sleeps and the clock come from ``hopx_ai._overrides`` (tests replace them). The blocking
twin (``_sync/template_build.py``) is generated from this file; work that blocks (hashing,
tarballs, file reads) goes through ``AsyncWorker`` / ``AsyncFileStream``, whose blocking twins
are hand-made in ``template/_blocking.py``.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import deque
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

import attrs

from .. import _overrides
from .._call_errors import Operation, error_for, raising_sdk_errors
from .._config import ControlPlaneConfig
from .._log import logger
from .._progress import Progress, maybe, progress_for, should_show
from ..errors import (
    APIError,
    HopxError,
    NetworkError,
    ServerError,
    TemplateBuildError,
    TemplateBuildErrorMetadata,
    TimeoutError,
)
from ..template._blocking import AsyncFileStream, AsyncWorker
from ..template._validation import validate_options, validate_template
from ..template._wire import (
    BuildStarted,
    BuildState,
    build_request,
    logs_response,
    optional_text,
    text,
)
from ..template.types import (
    BuildOptions,
    BuildResult,
    InvalidTemplateError,
    LogsResponse,
    Step,
    StepType,
)
from ._connections import AsyncControlPlane
from ._http import build_http_client

if TYPE_CHECKING:
    from hopx_control_api.models import TemplateBuildRequest

    from ..template._copy_content import CopyContent
    from ..template.builder import Template

__all__ = ["LogFollower", "build_template", "call_back", "fetch_logs_from", "put_tarball"]

BUILT = frozenset({"active", "success"})
FAILED = frozenset({"failed", "error", "cancelled", "canceled"})
# As published: status every 2 s, activation every 3 s; a shorter BuildOptions.poll_interval
# shortens both in that proportion (a local server is active at once).
ACTIVATION_POLL_INTERVAL = 3.0
STATUS_POLL_INTERVAL = 2.0
ACTIVE_CHECKS_REQUIRED = 2
DEFAULT_ACTIVATION_TIMEOUT = 2700.0
ACTIVATION_TIMEOUT_ENV = "HOPX_TEMPLATE_BAKE_SECONDS"
_LOG_DRAIN_POLLS = 5
_RECENT_LINES = 200


# --------------------------------------------------------------------------- time


def _monotonic() -> float:
    clock = _overrides.current().clock
    return clock() if clock is not None else time.monotonic()


async def _sleep(seconds: float) -> None:
    sleep = _overrides.current().async_sleep
    if sleep is None:
        import anyio

        sleep = anyio.sleep
    await sleep(seconds)


# --------------------------------------------------------------------------- logs


async def call_back(callback: Any, *args: Any) -> None:
    """Call a user callback, awaiting it if it is a coroutine function."""
    await AsyncWorker.call(callback, *args)


async def fetch_logs_from(cp: AsyncControlPlane, build_id: str, offset: int) -> LogsResponse:
    from hopx_control_api.api.templates import get_template_build_logs

    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidTemplateError(
            f"offset must be a non-negative integer (got {offset!r})", field="offset"
        )
    request = get_template_build_logs.request(build_id, offset=offset)
    return logs_response(await cp.call(request, "Template.get_logs"), offset)


def _level(line: str) -> str:
    if "❌" in line or "ERROR" in line:
        return "ERROR"
    if "⚠" in line or "WARN" in line:
        return "WARN"
    return "INFO"


class LogFollower:
    """Polls the build log from the last offset and hands complete lines to ``on_log``.

    A chunk may end inside a line: the partial line waits for the rest. Keeps the last lines
    for the error message of a failed build. A log endpoint that fails is given up (with a
    warning): the logs are a convenience, the build status decides.
    """

    def __init__(self, cp: AsyncControlPlane, build_id: str, on_log: Any) -> None:
        self._cp = cp
        self._build_id = build_id
        self._on_log = on_log
        self._offset = 0
        self._partial = ""
        self.complete = False
        self.available = True
        self.recent: deque[str] = deque(maxlen=_RECENT_LINES)

    async def poll(self) -> None:
        if self.complete or not self.available:
            return
        try:
            response = await fetch_logs_from(self._cp, self._build_id, self._offset)
        except HopxError as error:
            logger.warning("Build logs of %s are not available: %s", self._build_id, error)
            self.available = False
            return
        self._offset = response.offset
        *lines, self._partial = (self._partial + response.logs).split("\n")
        if response.complete:
            lines.append(self._partial)
            self._partial = ""
            self.complete = True
        for line in lines:
            await self._emit(line)

    async def finish(self) -> None:
        """After the build ended: read what is left of the log (bounded), then the last line."""
        for _ in range(_LOG_DRAIN_POLLS):
            if self.complete or not self.available:
                break
            await self.poll()
        if self._partial:
            line, self._partial = self._partial, ""
            await self._emit(line)

    async def _emit(self, line: str) -> None:
        line = line.rstrip("\r")
        if not line.strip():
            return
        self.recent.append(line)
        if self._on_log is not None:
            await call_back(self._on_log, {"level": _level(line), "message": line, "timestamp": ""})


# --------------------------------------------------------------------------- COPY content


async def _prepare_copy_steps(
    cp: AsyncControlPlane, steps: Sequence[Step], context: Path, show_progress: bool | None
) -> list[Step]:
    """The steps with ``files_hash`` set on COPY steps, their content uploaded if needed."""
    from ..template._copy_content import collect

    prepared: list[Step] = []
    handled: set[str] = set()
    for step in steps:
        if StepType(step.type) is not StepType.COPY:
            prepared.append(step)
            continue
        sources, dest = step.args[0].split(","), step.args[1]
        content = await AsyncWorker.run(collect, context, sources, dest)
        if content.files_hash not in handled:
            await _upload_content(cp, content, show_progress)
            handled.add(content.files_hash)
        prepared.append(attrs.evolve(step, files_hash=content.files_hash))
    return prepared


async def _upload_content(
    cp: AsyncControlPlane, content: CopyContent, show_progress: bool | None
) -> None:
    from hopx_control_api.api.templates import create_template_upload_link
    from hopx_control_api.models import UploadLinkRequest

    from ..template._tarball import write_tarball

    with tempfile.TemporaryDirectory(prefix="hopx-copy-") as directory:
        tarball = Path(directory) / f"{content.files_hash}.tar.gz"
        size = await AsyncWorker.run(write_tarball, content.entries, tarball)
        body = UploadLinkRequest(files_hash=content.files_hash, content_length=size)
        request = create_template_upload_link.request(body=body)
        data = await cp.call(request, "Template.build (upload link)")
        if data.get("present") is True:
            logger.debug("COPY content %s is already on the server", content.files_hash)
            return
        upload_url = data.get("upload_url")
        if not isinstance(upload_url, str) or not upload_url:
            raise APIError(
                f"Template.build: the server has no COPY content {content.files_hash} and gave "
                "no upload_url",
                code="unexpected_response",
                request_id=optional_text(data, "request_id"),
            )
        await put_tarball(
            upload_url,
            tarball,
            size,
            config=cp.config,
            files_hash=content.files_hash,
            show_progress=show_progress,
        )


async def put_tarball(
    upload_url: str,
    path: Path,
    size: int,
    *,
    config: ControlPlaneConfig,
    files_hash: str,
    show_progress: bool | None = None,
) -> None:
    """PUT the tarball at ``path`` (``size`` bytes) to ``upload_url`` (a bar on the terminal
    as ``show_progress`` says, see :class:`BuildOptions`)."""
    parts = urlsplit(upload_url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise APIError(
            f"Template.build: the server gave an unusable upload_url {upload_url!r} for the COPY "
            f"content {files_hash}",
            code="unexpected_response",
        )
    http = build_http_client(
        base_url=f"{parts.scheme}://{parts.netloc}",
        timeout=config.timeout,
        max_retries=config.max_retries,
        transport=config.async_transport,
    )
    operation = Operation("Template.build (upload of COPY content)")
    try:
        progress = progress_for(f"upload {files_hash[:12]}", size, show=show_progress)
        with maybe(progress), raising_sdk_errors(operation, default_timeout=config.timeout):
            try:
                response = await http.put(
                    upload_url,
                    content=AsyncFileStream(path, progress=progress),
                    headers={"Content-Type": "application/gzip", "Content-Length": str(size)},
                )
            finally:
                await http.aclose()
            if response.status_code >= 400:
                raise error_for(response)
    except APIError as error:
        raise APIError(
            f"Template.build: uploading the COPY content {files_hash} to {parts.netloc} "
            f"failed: {error.message}",
            code=error.code or "upload_failed",
            request_id=error.request_id,
            status_code=error.status_code,
            details=error.details,
        ) from error


async def _start_build(cp: AsyncControlPlane, body: TemplateBuildRequest) -> BuildStarted:
    from hopx_control_api.api.templates import build_template as build_operation

    data = await cp.call(build_operation.request(body=body), "Template.build")
    build_id, template_id = text(data, "build_id"), text(data, "template_id")
    if not build_id:
        raise APIError(
            "Template.build: the server accepted the build but gave no build_id",
            code="unexpected_response",
            request_id=optional_text(data, "request_id"),
        )
    return BuildStarted(
        build_id=build_id,
        template_id=template_id,
        logs_url=optional_text(data, "logs_url"),
        request_id=optional_text(data, "request_id"),
    )


# --------------------------------------------------------------------------- status


async def _fetch_status(cp: AsyncControlPlane, build_id: str) -> BuildState:
    from hopx_control_api.api.templates import get_template_build_status

    request = get_template_build_status.request(build_id)
    return BuildState.from_json(await cp.call(request, "Template.build (status)"))


async def _wait_for_build(
    cp: AsyncControlPlane, build: BuildStarted, options: BuildOptions, logs: LogFollower | None
) -> BuildState:
    bar = _build_bar(build, options)
    with maybe(bar):
        return await _poll_build(cp, build, options, logs, bar)


def _build_bar(build: BuildStarted, options: BuildOptions) -> Progress | None:
    """The terminal bar of the build's percentage (None: no bar, see ``show_progress``)."""
    if not should_show(options.show_progress, None):
        return None
    return progress_for(f"build {build.build_id}", 100, show=True, unit="%")


async def _report_progress(options: BuildOptions, bar: Progress | None, value: int) -> None:
    if bar is not None:
        bar.advance(value - bar.done)
    if options.on_progress is not None:
        await call_back(options.on_progress, value)


async def _poll_build(
    cp: AsyncControlPlane,
    build: BuildStarted,
    options: BuildOptions,
    logs: LogFollower | None,
    bar: Progress | None,
) -> BuildState:
    deadline = _monotonic() + options.build_timeout
    reported: int | None = None
    while True:
        if logs is not None:
            await logs.poll()
        status = await _fetch_status(cp, build.build_id)
        if status.progress is not None and status.progress != reported:
            reported = status.progress
            await _report_progress(options, bar, reported)
        if status.status in BUILT | FAILED:
            if logs is not None:
                await logs.finish()
            if status.status in BUILT and reported != 100:
                await _report_progress(options, bar, 100)
            return status
        remaining = deadline - _monotonic()
        if remaining <= 0:
            progress = f", {status.progress}%" if status.progress is not None else ""
            raise TimeoutError(
                f"Template build {build.build_id} did not finish within "
                f"{options.build_timeout:g} s (BuildOptions.build_timeout); last status: "
                f"{status.status}{progress}. It may still be running: follow it with "
                f"get_logs({build.build_id!r}, ...) or raise build_timeout",
                code="build_timeout",
            )
        await _sleep(min(options.poll_interval, remaining))


def _error_lines(lines: Sequence[str]) -> list[str]:
    return [line for line in lines if "error" in line.lower() or "failed" in line.lower()][-3:]


async def _failure(
    cp: AsyncControlPlane, build: BuildStarted, status: BuildState, logs: LogFollower | None
) -> TemplateBuildError:
    recent: Sequence[str] = list(logs.recent) if logs is not None else []
    if logs is None:
        try:
            recent = (await fetch_logs_from(cp, build.build_id, 0)).lines
        except HopxError as error:
            logger.debug("no logs for the failed build %s: %s", build.build_id, error)
    details = status.error_message or "\n".join(_error_lines(recent)) or "unknown error"
    template_id = status.template_id or build.template_id
    return TemplateBuildError(
        f"Template build failed.\nBuild ID: {build.build_id}\nTemplate ID: {template_id}\n"
        f"Status: {status.status}\nError: {details}\nCheck logs at: {build.logs_url}",
        metadata=TemplateBuildErrorMetadata(
            build_id=build.build_id,
            template_id=template_id,
            build_status=status.status,
            logs_url=build.logs_url,
            error_details=details,
        ),
        request_id=status.request_id or build.request_id,
    )


# --------------------------------------------------------------------------- activation


def _activation_interval(options: BuildOptions) -> float:
    scale = min(1.0, options.poll_interval / STATUS_POLL_INTERVAL)
    return ACTIVATION_POLL_INTERVAL * scale


def _activation_timeout(options: BuildOptions) -> float:
    if options.template_activation_timeout is not None:
        return float(options.template_activation_timeout)
    text = os.environ.get(ACTIVATION_TIMEOUT_ENV)
    if not text:
        return DEFAULT_ACTIVATION_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value > 0:
        raise InvalidTemplateError(
            f"{ACTIVATION_TIMEOUT_ENV}={text!r} is not a positive number of seconds",
            field=ACTIVATION_TIMEOUT_ENV,
        )
    return value


async def _log_line(options: BuildOptions, message: str) -> None:
    if options.on_log is not None:
        await call_back(options.on_log, {"level": "INFO", "message": message, "timestamp": ""})


async def _wait_for_activation(
    cp: AsyncControlPlane, build: BuildStarted, template_id: str, options: BuildOptions
) -> None:
    from hopx_control_api.api.templates import get_template

    limit = _activation_timeout(options)
    deadline = _monotonic() + limit
    active_checks = 0
    last_status: str | None = None
    last_problem = ""
    while True:
        try:
            data = await cp.call(get_template.request(template_id), "Template.build (activation)")
        except (NetworkError, ServerError) as error:
            if error.status_code == 501:
                raise
            active_checks, last_problem = 0, f" (last error: {error})"
        else:
            last_problem = ""
            status = text(data, "status", "unknown").lower()
            if status != last_status:
                last_status = status
                await _log_line(options, f"Template status: {status}")
            if status == "active" and data.get("is_active") is not False:
                active_checks += 1
                if active_checks >= ACTIVE_CHECKS_REQUIRED:
                    await _log_line(options, f"Template active (ID: {template_id})")
                    return
            else:
                active_checks = 0
            if status in FAILED:
                message = optional_text(data, "error_message") or "unknown error"
                raise TemplateBuildError(
                    f"Template {template_id} was built but did not become active: {message}",
                    metadata=TemplateBuildErrorMetadata(
                        build_id=build.build_id,
                        template_id=template_id,
                        build_status=status,
                        logs_url=build.logs_url,
                        error_details=message,
                    ),
                    request_id=optional_text(data, "request_id"),
                )
        remaining = deadline - _monotonic()
        if remaining <= 0:
            raise TimeoutError(
                f"Template {template_id} did not become active within {limit:g} s "
                f"(BuildOptions.template_activation_timeout, or {ACTIVATION_TIMEOUT_ENV}); "
                f"last status: {last_status or 'unknown'}{last_problem}",
                code="template_activation_timeout",
            )
        await _sleep(min(_activation_interval(options), remaining))


# --------------------------------------------------------------------------- entry point


async def build_template(template: Template, options: BuildOptions) -> BuildResult:
    """Build ``template`` (see the module docstring); returns once the template is active."""
    validate_options(options)
    validate_template(template)
    config = ControlPlaneConfig.resolve(
        options.api_key,
        options.base_url,
        http_client=options.http_client,
        transport=options.transport,
    )
    context = Path(options.context_path) if options.context_path else Path.cwd()
    started = _monotonic()
    async with AsyncControlPlane(config) as cp:
        steps = await _prepare_copy_steps(cp, template.get_steps(), context, options.show_progress)
        build = await _start_build(cp, build_request(template, steps, options))
        logs = LogFollower(cp, build.build_id, options.on_log) if options.on_log else None
        status = await _wait_for_build(cp, build, options, logs)
        if status.status not in BUILT:
            raise await _failure(cp, build, status, logs)
        template_id = status.template_id or build.template_id
        await _wait_for_activation(cp, build, template_id, options)
    duration = status.build_duration_ms
    if duration is None:
        duration = int((_monotonic() - started) * 1000)
    return BuildResult(build.build_id, template_id, duration, _config=config)
