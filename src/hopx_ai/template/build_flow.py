"""Building a template through the control plane (operations of ``openapi/control-plane.yaml``).

1. COPY steps: collect and hash their content (``_copy_content``); for each distinct hash, write
   the tarball, ask ``createTemplateUploadLink`` and PUT the tarball unless the server already
   has it (``present``).
2. ``buildTemplate`` with the steps (COPY steps carry ``filesHash``).
3. Poll ``getTemplateBuildStatus`` (and ``getTemplateBuildLogs`` from the last offset when
   ``on_log`` is given) until the build ends or ``BuildOptions.build_timeout`` passes.
4. Poll ``getTemplate`` until the template is active twice in a row (the cloud briefly reports
   ``active`` before publishing) or ``template_activation_timeout`` passes.

Sleeps and the clock come from ``hopx_ai._overrides`` (tests replace them).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import attrs

from .. import _overrides
from .._async._connections import AsyncControlPlane
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
from ._build_logs import LogFollower, call_back, fetch_logs_from
from ._validation import validate_options, validate_template
from ._wire import BuildStarted, BuildState, build_request, optional_text, text
from .types import (
    VM,
    BuildOptions,
    BuildResult,
    CreateVMOptions,
    InvalidTemplateError,
    LogsResponse,
    Step,
    StepType,
)

if TYPE_CHECKING:
    import httpx
    from hopx_control_api.models import TemplateBuildRequest

    from ._copy_content import CopyContent
    from .builder import Template

__all__ = [
    "build_template",
    "build_template_blocking",
    "create_vm_from_template",
    "fetch_logs",
    "get_logs",
]


BUILT = frozenset({"active", "success"})
FAILED = frozenset({"failed", "error", "cancelled", "canceled"})
# As published: status every 2 s, activation every 3 s; a shorter BuildOptions.poll_interval
# shortens both in that proportion (a local server is active at once).
ACTIVATION_POLL_INTERVAL = 3.0
STATUS_POLL_INTERVAL = 2.0
ACTIVE_CHECKS_REQUIRED = 2
DEFAULT_ACTIVATION_TIMEOUT = 2700.0
ACTIVATION_TIMEOUT_ENV = "HOPX_TEMPLATE_BAKE_SECONDS"


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


# --------------------------------------------------------------------------- COPY content


async def _prepare_copy_steps(
    cp: AsyncControlPlane, steps: Sequence[Step], context: Path, show_progress: bool | None
) -> list[Step]:
    """The steps with ``files_hash`` set on COPY steps, their content uploaded if needed."""
    import anyio

    from ._copy_content import collect

    prepared: list[Step] = []
    handled: set[str] = set()
    for step in steps:
        if StepType(step.type) is not StepType.COPY:
            prepared.append(step)
            continue
        sources, dest = step.args[0].split(","), step.args[1]
        content = await anyio.to_thread.run_sync(collect, context, sources, dest)
        if content.files_hash not in handled:
            await _upload_content(cp, content, show_progress)
            handled.add(content.files_hash)
        prepared.append(attrs.evolve(step, files_hash=content.files_hash))
    return prepared


async def _upload_content(
    cp: AsyncControlPlane, content: CopyContent, show_progress: bool | None
) -> None:
    import anyio
    from hopx_control_api.api.templates import create_template_upload_link
    from hopx_control_api.models import UploadLinkRequest

    from ._tarball import write_tarball
    from ._upload import put_tarball

    with tempfile.TemporaryDirectory(prefix="hopx-copy-") as directory:
        tarball = Path(directory) / f"{content.files_hash}.tar.gz"
        size = await anyio.to_thread.run_sync(write_tarball, content.entries, tarball)
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


# --------------------------------------------------------------------------- entry points


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


def build_template_blocking(template: Template, options: BuildOptions) -> BuildResult:
    """:func:`build_template` for blocking callers: on an event loop of its own (on a worker
    thread when this thread already runs a loop, which must not be blocked from inside)."""
    import asyncio
    import concurrent.futures

    import anyio

    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return anyio.run(build_template, template, options)
    with concurrent.futures.ThreadPoolExecutor(1, thread_name_prefix="hopx-build") as pool:
        return pool.submit(anyio.run, build_template, template, options).result()


async def fetch_logs(build_id: str, config: ControlPlaneConfig, *, offset: int = 0) -> LogsResponse:
    async with AsyncControlPlane(config) as cp:
        return await fetch_logs_from(cp, build_id, offset)


async def get_logs(
    template_id: str,
    api_key: str | None = None,
    offset: int = 0,
    base_url: str | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
) -> LogsResponse:
    """Build log text of a build (a build id, or a template id for its latest build) from
    ``offset``; poll again with the returned ``offset`` for newer text."""
    if not isinstance(template_id, str) or not template_id:
        raise InvalidTemplateError("template_id must be a non-empty string", field="template_id")
    config = ControlPlaneConfig.resolve(
        api_key, base_url, http_client=http_client, transport=transport
    )
    return await fetch_logs(template_id, config, offset=offset)


async def create_vm_from_template(
    template_id: str, config: ControlPlaneConfig, options: CreateVMOptions
) -> VM:
    from .._async.sandbox import AsyncSandbox

    ignored = [name for name in ("alias", "cpu", "memory", "disk_gb") if getattr(options, name)]
    if ignored:
        logger.warning(
            "CreateVMOptions %s ignored: a sandbox gets the template's resources",
            ", ".join(ignored),
        )
    sandbox = await AsyncSandbox.create(
        template_id=template_id,
        env_vars=options.env_vars,
        timeout_seconds=options.timeout_seconds,
        internet_access=options.internet_access,
        region=options.region,
        api_key=config.api_key,
        http_client=config.async_http_client,
        transport=config.async_transport,
        base_url=config.base_url,
    )
    try:
        info = await sandbox.get_info()
    except BaseException:
        with contextlib.suppress(HopxError):
            await sandbox.kill()  # the caller has no handle on it
        raise
    host = info.public_host
    started = info.started_at or info.created_at
    return VM(
        vm_id=sandbox.sandbox_id,
        template_id=info.template_id or template_id,
        status=info.status,
        ip=host.split("://", 1)[-1].split("/", 1)[0],
        agent_url=host,
        started_at=started.isoformat().replace("+00:00", "Z") if started else "",
        sandbox=sandbox,
    )
