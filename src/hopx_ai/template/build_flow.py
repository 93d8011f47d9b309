"""Template builds from the user's side: :func:`build_template` (the coroutine behind
``Template.build``, in ``_async/template_build.py``, where the steps of a build are), its
blocking twin generated from it (``Template.build_sync``), build logs, and a sandbox of a
built template."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from .._async._connections import AsyncControlPlane
from .._async.template_build import build_template, fetch_logs_from
from .._config import ControlPlaneConfig
from .._log import logger
from .._sync.template_build import build_template as build_template_blocking
from ..errors import HopxError
from .types import VM, CreateVMOptions, InvalidTemplateError, LogsResponse

if TYPE_CHECKING:
    import httpx

__all__ = [
    "build_template",
    "build_template_blocking",
    "create_vm_from_template",
    "fetch_logs",
    "get_logs",
]


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
