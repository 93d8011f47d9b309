"""``AsyncSandbox``: create, connect to and drive a sandbox."""

from __future__ import annotations

import builtins
from collections.abc import AsyncIterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Self

import httpx

from .. import _overrides
from .._config import DEFAULT_BASE_URL, ControlPlaneConfig, http_options
from .._creating import AsyncCreating, start_creating
from .._http_common import HTTP_MARGIN
from .._hybrid import hybridmethod
from .._log import logger
from .._streams import AsyncEventStream, StreamSpec
from .._support import (
    AwaitableStr,
    agent_base_url,
    enum_value,
    pick_timeout,
    preview_url,
    string_map,
)
from .._token import TokenData
from ..errors import (
    HopxError,
    NotFoundError,
    SandboxErrorMetadata,
    SandboxExpiredError,
    TemplateNotFoundError,
    ValidationError,
)
from ._auth import AsyncTokenManager
from ._connections import ApiRequest, AsyncAgentConnection, AsyncControlPlane
from .cache import AsyncCache
from .commands import AsyncCommands
from .desktop import AsyncDesktop
from .env_vars import AsyncEnvironmentVariables
from .files import AsyncFiles
from .terminal import AsyncTerminal

if TYPE_CHECKING:
    from hopx_agent_api.models.background_execution_response import BackgroundExecutionResponse
    from hopx_agent_api.models.execute_async_response import ExecuteAsyncResponse
    from hopx_agent_api.models.health_response import HealthResponse
    from hopx_agent_api.models.info_response import InfoResponse
    from hopx_agent_api.models.jupyter_session import JupyterSession
    from hopx_agent_api.models.kill_process_response import KillProcessResponse
    from hopx_agent_api.models.metrics_snapshot import MetricsSnapshot
    from hopx_agent_api.models.process_info import ProcessInfo
    from hopx_agent_api.models.system_process import SystemProcess
    from hopx_control_api.models import NetworkPolicy
    from hopx_control_api.models.template_deleted import TemplateDeleted

    from .._events import ExecutionEvent, ExpiryInfo
    from .._results import ExecutionResult, HealthStatus, SandboxInfo, Template


async def _kill_by_id(
    cls: type[AsyncSandbox],
    sandbox_id: str,
    *,
    api_key: str | None = None,
    base_url: str = DEFAULT_BASE_URL,
    http_client: httpx.AsyncClient | None = None,
    transport: httpx.AsyncBaseTransport | None = None,
    request_timeout: float | None = None,
) -> None:
    from hopx_control_api.api.sandboxes import delete_sandbox

    config = cls._config_for(api_key, base_url, http_client=http_client, transport=transport)
    async with AsyncControlPlane(config) as cp:
        await cp.call(delete_sandbox.request(sandbox_id), "kill", request_timeout=request_timeout)


class AsyncSandbox:
    """A HopX sandbox.

    Create one with ``await AsyncSandbox.create(...)`` (used as a context manager,
    ``async with AsyncSandbox.create(...) as sandbox:``, it is killed at the end of the block),
    or attach to an existing one with ``await AsyncSandbox.connect(sandbox_id)``. Properties
    (``files``, ``commands``, ``env``, ``cache``, ``desktop``, ``terminal``, ``agent_url``)
    never touch the network. ``await sandbox.close()`` releases its connections.
    """

    def __init__(
        self,
        sandbox_id: str,
        *,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        timeout: int = 60,
        max_retries: int = 3,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        config = ControlPlaneConfig.resolve(
            api_key,
            base_url,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            transport=transport,
        )
        self._setup(sandbox_id, config)

    def _setup(
        self,
        sandbox_id: str,
        config: ControlPlaneConfig | None,
        *,
        info: SandboxInfo | None = None,
        token: TokenData | None = None,
        agent_url: str | None = None,
        control_plane: AsyncControlPlane | None = None,
        timeout: float = 60.0,
        max_retries: int = 3,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        if not isinstance(sandbox_id, str) or not sandbox_id:
            raise ValidationError("sandbox_id must be a non-empty string", field="sandbox_id")
        self.sandbox_id = sandbox_id
        self._config = config
        if control_plane is None and config is not None:
            control_plane = AsyncControlPlane(config)
        self._control_plane = control_plane
        self._info = info
        self._agent_url_override = agent_url
        self._tokens = AsyncTokenManager(
            self._fetch_token if config is not None else None, initial=token
        )
        if config is not None:
            timeout, max_retries = config.timeout, config.max_retries
            http_client, transport = config.async_http_client, config.async_transport
        self._agent = AsyncAgentConnection(
            base_url=self._resolve_agent_url,
            tokens=self._tokens,
            timeout=timeout,
            max_retries=max_retries,
            http_client=http_client,
            transport=transport,
            probe_unreachable=self._why_unreachable,
        )
        self._files: AsyncFiles | None = None
        self._commands: AsyncCommands | None = None
        self._env: AsyncEnvironmentVariables | None = None
        self._cache: AsyncCache | None = None
        self._desktop: AsyncDesktop | None = None
        self._terminal: AsyncTerminal | None = None

    @classmethod
    def _from_state(
        cls,
        config: ControlPlaneConfig,
        info: SandboxInfo,
        token: TokenData | None = None,
    ) -> Self:
        sandbox = cls.__new__(cls)
        sandbox._setup(info.id, config, info=info, token=token)
        return sandbox

    # ------------------------------------------------------------------ plumbing

    def _cp(self) -> AsyncControlPlane:
        if self._control_plane is None:
            raise HopxError(
                "This sandbox was opened with Sandbox.debug() and has no control plane: "
                "use Sandbox.connect(sandbox_id, api_key=...) for lifecycle operations",
                code="no_control_plane",
            )
        return self._control_plane

    async def _fetch_token(self, request_timeout: float | None = None) -> TokenData:
        from hopx_control_api.api.sandboxes import refresh_sandbox_token

        answer = await self._cp().call(
            refresh_sandbox_token.request(self.sandbox_id),
            "refresh_token",
            request_timeout=request_timeout,
        )
        if not answer.auth_token:
            raise HopxError(
                "refresh_token: the control plane returned no auth_token", code="no_token"
            )
        return TokenData.from_api(answer.auth_token, answer.get("token_expires_at"))

    async def _why_unreachable(self) -> HopxError | None:
        """The control plane's word on a sandbox whose agent refuses connections: its
        NotFoundError ("killed at ...", SandboxExpiredError "expired at ...") if it is gone."""
        if self._control_plane is None:
            return None
        try:
            await self.get_info()
        except NotFoundError as gone:
            return gone
        except HopxError:
            return None
        return None

    async def _resolve_agent_url(self) -> str:
        if self._agent_url_override is not None:
            return self._agent_url_override
        info = self._info if self._info is not None else await self.get_info()
        return agent_base_url(info)

    @staticmethod
    def _config_for(
        api_key: str | None,
        base_url: str,
        *,
        require_api_key: bool = True,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> ControlPlaneConfig:
        return ControlPlaneConfig.resolve(
            api_key,
            base_url,
            require_api_key=require_api_key,
            http_client=http_client,
            transport=transport,
        )

    # ------------------------------------------------------------------ resources (no I/O)

    @property
    def files(self) -> AsyncFiles:
        """File operations inside the sandbox."""
        if self._files is None:
            self._files = AsyncFiles(self._agent)
        return self._files

    @property
    def commands(self) -> AsyncCommands:
        """Shell commands inside the sandbox."""
        if self._commands is None:
            self._commands = AsyncCommands(self._agent)
        return self._commands

    @property
    def env(self) -> AsyncEnvironmentVariables:
        """The sandbox's global environment variables."""
        if self._env is None:
            self._env = AsyncEnvironmentVariables(self._agent)
        return self._env

    @property
    def cache(self) -> AsyncCache:
        """The agent's execution cache."""
        if self._cache is None:
            self._cache = AsyncCache(self._agent)
        return self._cache

    @property
    def desktop(self) -> AsyncDesktop:
        """Desktop automation (templates with a desktop only)."""
        if self._desktop is None:
            self._desktop = AsyncDesktop(self._agent)
        return self._desktop

    @property
    def terminal(self) -> AsyncTerminal:
        """Interactive terminal over a WebSocket."""
        if self._terminal is None:
            self._terminal = AsyncTerminal(self._agent)
        return self._terminal

    @property
    def agent_url(self) -> AwaitableStr:
        """The agent's base URL, from the info fetched at create/connect (no network).

        A ``str``; ``await sandbox.agent_url`` (the published async form) works too."""
        if self._agent_url_override is not None:
            return AwaitableStr(self._agent_url_override)
        if self._info is None:
            raise HopxError(
                f"The agent URL of sandbox {self.sandbox_id} is not known yet: create it with "
                "create(), attach with connect(), or call get_info() first",
                code="info_not_loaded",
            )
        return AwaitableStr(agent_base_url(self._info))

    # ------------------------------------------------------------------ class methods

    @classmethod
    def create(
        cls,
        template: str | None = None,
        *,
        template_id: str | None = None,
        region: str | None = None,
        timeout_seconds: int | None = None,
        internet_access: bool | None = None,
        env_vars: dict[str, str] | None = None,
        network: Mapping[str, Sequence[str]] | None = None,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> AsyncCreating[Self]:
        """Create a sandbox from a template (by name, or by ``template_id``).

        ``env_vars`` are set by the control plane at creation. ``network`` (hopx-local
        extension): egress lists, ``{"allow_out": [...], "deny_out": [...]}`` of CIDRs and
        domain patterns (``example.com``, ``*.example.com``). Used as a context manager
        (``async with AsyncSandbox.create(...) as sandbox:``), the sandbox is killed at the end
        of the block. ``http_client=`` (an ``httpx.AsyncClient``, used as given) or
        ``transport=`` (an httpx transport under the SDK's retries: proxies, certificates,
        ``httpx.MockTransport``) carry every request of the sandbox.
        """
        return start_creating(
            cls._create(
                template=template,
                template_id=template_id,
                region=region,
                timeout_seconds=timeout_seconds,
                internet_access=internet_access,
                env_vars=env_vars,
                network=network,
                api_key=api_key,
                base_url=base_url,
                http_client=http_client,
                transport=transport,
                request_timeout=request_timeout,
            )
        )

    @classmethod
    async def _create(
        cls,
        *,
        template: str | None,
        template_id: str | None,
        region: str | None,
        timeout_seconds: int | None,
        internet_access: bool | None,
        env_vars: Mapping[str, str] | None,
        network: Mapping[str, Sequence[str]] | None,
        api_key: str | None,
        base_url: str,
        http_client: httpx.AsyncClient | None,
        transport: httpx.AsyncBaseTransport | None,
        request_timeout: float | None,
    ) -> Self:
        from hopx_control_api.api.sandboxes import create_sandbox
        from hopx_control_api.models import CreateSandboxRequest, EnvVars

        from .._results import SandboxInfo

        if template is None and template_id is None:
            raise ValidationError(
                "Give a template: create(template='code-interpreter') or create(template_id=...)",
                field="template",
            )
        variables = string_map(env_vars, "env_vars")
        body = CreateSandboxRequest(
            template_id=str(template_id) if template_id is not None else None,
            template_name=template if template_id is None else None,
            region=region,
            timeout_seconds=timeout_seconds,
            internet_access=internet_access,
            env_vars=EnvVars.from_dict(variables) if variables else None,
            network=_network_policy(network) if network is not None else None,
        )
        config = cls._config_for(api_key, base_url, http_client=http_client, transport=transport)
        cp = AsyncControlPlane(config)
        try:
            info = await cp.call(
                create_sandbox.request(body=body),
                "create",
                cast_to=SandboxInfo.from_dict,
                request_timeout=request_timeout,
            )
        except NotFoundError as error:
            await cp.close()
            if template is None or template_id is not None:
                raise
            raise await cls._template_not_found(template, error, config) from error
        except BaseException:
            await cp.close()
            raise
        sandbox = cls.__new__(cls)
        sandbox._setup(
            info.id,
            config,
            info=info,
            token=TokenData.from_api(info.auth_token, info.get("token_expires_at"))
            if info.auth_token
            else None,
            control_plane=cp,
        )
        return sandbox

    @classmethod
    async def _template_not_found(
        cls, name: str, error: NotFoundError, config: ControlPlaneConfig
    ) -> TemplateNotFoundError:
        available: builtins.list[str] = []
        try:
            templates = await cls._list_templates(config, category=None, language=None)
            available = [str(t.name) for t in templates]
        except HopxError as listing_error:
            logger.debug("could not list templates for a suggestion: %s", listing_error)
        return TemplateNotFoundError(
            name,
            available,
            request_id=error.request_id,
            status_code=error.status_code,
            details=error.details,
        )

    @classmethod
    async def connect(
        cls,
        sandbox_id: str,
        *,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> Self:
        """Attach to an existing sandbox: resumes it if paused and gets a fresh agent token.

        A stopped sandbox raises :class:`HopxError` (start it with ``start()`` first).
        """
        sandbox = cls(
            sandbox_id,
            api_key=api_key,
            base_url=base_url,
            http_client=http_client,
            transport=transport,
        )
        try:
            info = await sandbox.get_info(request_timeout=request_timeout)
            if info.status == "stopped":
                raise HopxError(
                    f"Cannot connect to stopped sandbox {sandbox_id}: start it first with "
                    f"Sandbox(sandbox_id).start(), or create a new one",
                    code="sandbox_stopped",
                )
            if info.status == "paused":
                await sandbox.resume(request_timeout=request_timeout)
            elif info.status != "running":
                raise HopxError(
                    f"Cannot connect to sandbox {sandbox_id} in status {info.status!r}: "
                    "expected 'running' or 'paused'",
                    code="invalid_state",
                )
            await sandbox.refresh_token(request_timeout=request_timeout)
        except BaseException:
            await sandbox.close()
            raise
        return sandbox

    @classmethod
    async def list(
        cls,
        *,
        status: str | None = None,
        region: str | None = None,
        limit: int = 100,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> builtins.list[Self]:
        """One page of sandboxes (at most ``limit``, 1..100); use ``iter()`` for all of them."""
        config = cls._config_for(api_key, base_url, http_client=http_client, transport=transport)
        async with AsyncControlPlane(config) as cp:
            page = await cls._list_page(
                cp,
                status=status,
                region=region,
                limit=limit,
                cursor=None,
                request_timeout=request_timeout,
            )
        return [cls._from_state(config, info) for info in page[0]]

    @classmethod
    async def iter(
        cls,
        *,
        status: str | None = None,
        region: str | None = None,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> AsyncIterator[Self]:
        """Every sandbox, page by page (follows ``next_cursor``; stops when there is no more)."""
        config = cls._config_for(api_key, base_url, http_client=http_client, transport=transport)
        seen_cursors: set[str] = set()
        cursor: str | None = None
        async with AsyncControlPlane(config) as cp:
            while True:
                items, has_more, next_cursor = await cls._list_page(
                    cp,
                    status=status,
                    region=region,
                    limit=100,
                    cursor=cursor,
                    request_timeout=request_timeout,
                )
                for info in items:
                    yield cls._from_state(config, info)
                if not has_more or not next_cursor or next_cursor in seen_cursors:
                    return
                seen_cursors.add(next_cursor)
                cursor = next_cursor

    @classmethod
    async def _list_page(
        cls,
        cp: AsyncControlPlane,
        *,
        status: str | None,
        region: str | None,
        limit: int,
        cursor: str | None,
        request_timeout: float | None = None,
    ) -> tuple[builtins.list[SandboxInfo], bool, str | None]:
        from hopx_control_api.api.sandboxes import list_sandboxes
        from hopx_control_api.models.sandbox_status import SandboxStatus

        from .._results import SandboxInfo

        if isinstance(limit, bool) or not isinstance(limit, int) or not 1 <= limit <= 100:
            raise ValidationError(f"limit must be in 1..100 (got {limit!r})", field="limit")
        request = list_sandboxes.request(
            limit=limit,
            status=enum_value(SandboxStatus, status, "status") if status else None,
            region=region or None,
            cursor=cursor or None,
        )
        page = await cp.call(request, "list", request_timeout=request_timeout)
        items = [SandboxInfo.from_dict(item) for item in page.get("data") or []]
        return items, page.has_more, page.next_cursor or None

    @classmethod
    async def list_templates(
        cls,
        *,
        category: str | None = None,
        language: str | None = None,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> builtins.list[Template]:
        """The templates you can create sandboxes from."""
        config = cls._config_for(api_key, base_url, http_client=http_client, transport=transport)
        return await cls._list_templates(
            config, category=category, language=language, request_timeout=request_timeout
        )

    @classmethod
    async def _list_templates(
        cls,
        config: ControlPlaneConfig,
        *,
        category: str | None,
        language: str | None,
        request_timeout: float | None = None,
    ) -> builtins.list[Template]:
        from hopx_control_api.api.templates import list_templates

        from .._results import Template

        request = list_templates.request(category=category or None, language=language or None)
        async with AsyncControlPlane(config) as cp:
            page = await cp.call(request, "list_templates", request_timeout=request_timeout)
        return [Template.from_dict(item) for item in page.get("data") or []]

    @classmethod
    async def get_template(
        cls,
        name: str,
        *,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> Template:
        """One template, by name or id."""
        from hopx_control_api.api.templates import get_template

        from .._results import Template

        config = cls._config_for(api_key, base_url, http_client=http_client, transport=transport)
        async with AsyncControlPlane(config) as cp:
            return await cp.call(
                get_template.request(name),
                "get_template",
                cast_to=Template.from_dict,
                request_timeout=request_timeout,
            )

    @classmethod
    async def delete_template(
        cls,
        template_id: str,
        *,
        api_key: str | None = None,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> TemplateDeleted:
        """Delete one of your organization's templates (by id or name)."""
        from hopx_control_api.api.templates import delete_template

        config = cls._config_for(api_key, base_url, http_client=http_client, transport=transport)
        async with AsyncControlPlane(config) as cp:
            return await cp.call(
                delete_template.request(str(template_id)),
                "delete_template",
                request_timeout=request_timeout,
            )

    @classmethod
    async def health_check(
        cls,
        *,
        base_url: str = DEFAULT_BASE_URL,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        request_timeout: float | None = None,
    ) -> HealthStatus:
        """The control plane's health (no API key needed)."""
        from hopx_control_api.api.health import get_health

        from .._results import HealthStatus

        config = cls._config_for(
            None, base_url, require_api_key=False, http_client=http_client, transport=transport
        )
        async with AsyncControlPlane(config) as cp:
            return await cp.call(
                get_health.request(),
                "health_check",
                cast_to=HealthStatus.from_dict,
                request_timeout=request_timeout,
            )

    @classmethod
    def debug(
        cls,
        agent_url: str,
        jwt_token: str,
        sandbox_id: str = "debug",
        *,
        http_client: httpx.AsyncClient | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> Self:
        """Talk to an agent directly (no control plane, no token refresh)."""
        if agent_url.startswith("wss://"):
            agent_url = "https://" + agent_url[len("wss://") :]
        elif agent_url.startswith("ws://"):
            agent_url = "http://" + agent_url[len("ws://") :]
        if "://" not in agent_url:
            agent_url = "https://" + agent_url
        options = http_options(http_client, transport)
        sandbox = cls.__new__(cls)
        sandbox._setup(
            sandbox_id,
            None,
            token=TokenData.from_api(jwt_token),
            agent_url=agent_url.rstrip("/"),
            http_client=options["async_http_client"],
            transport=options["async_transport"],
        )
        return sandbox

    # ------------------------------------------------------------------ lifecycle

    async def get_info(self, *, request_timeout: float | None = None) -> SandboxInfo:
        """The sandbox's current state (also refreshes what ``agent_url`` is computed from).

        ``request_timeout`` (seconds), here and on the other calls that take it, is the HTTP
        timeout of this one call (default: the client's ``timeout``)."""
        from hopx_control_api.api.sandboxes import get_sandbox

        from .._results import SandboxInfo

        request = get_sandbox.request(self.sandbox_id)
        self._info = await self._cp().call(
            request, "get_info", cast_to=SandboxInfo.from_dict, timeout=request_timeout
        )
        return self._info

    async def start(self, *, request_timeout: float | None = None) -> None:
        """Start a stopped sandbox."""
        from hopx_control_api.api.sandboxes import start_sandbox

        await self._lifecycle(start_sandbox.request(self.sandbox_id), "start", request_timeout)

    async def stop(self, *, request_timeout: float | None = None) -> None:
        """Stop the sandbox (processes end, files are kept)."""
        from hopx_control_api.api.sandboxes import stop_sandbox

        await self._lifecycle(stop_sandbox.request(self.sandbox_id), "stop", request_timeout)

    async def pause(self, *, request_timeout: float | None = None) -> None:
        """Pause (freeze) the sandbox; ``resume()`` continues it."""
        from hopx_control_api.api.sandboxes import pause_sandbox

        await self._lifecycle(pause_sandbox.request(self.sandbox_id), "pause", request_timeout)

    async def resume(self, *, request_timeout: float | None = None) -> None:
        """Resume a paused sandbox."""
        from hopx_control_api.api.sandboxes import resume_sandbox

        await self._lifecycle(resume_sandbox.request(self.sandbox_id), "resume", request_timeout)

    async def set_timeout(self, seconds: int, *, request_timeout: float | None = None) -> None:
        """Kill the sandbox ``seconds`` from now (replaces any earlier timeout)."""
        from hopx_control_api.api.sandboxes import set_sandbox_timeout
        from hopx_control_api.models import SetTimeoutRequest

        if isinstance(seconds, bool) or not isinstance(seconds, int) or seconds <= 0:
            raise ValidationError("seconds must be a positive integer", field="seconds")
        body = SetTimeoutRequest(timeout_seconds=seconds)
        await self._lifecycle(
            set_sandbox_timeout.request(self.sandbox_id, body=body), "set_timeout", request_timeout
        )

    async def update_network(
        self,
        allow_out: Sequence[str] = (),
        deny_out: Sequence[str] = (),
        *,
        request_timeout: float | None = None,
    ) -> None:
        """Replace the egress lists (hopx-local extension); in force at once.

        ``get_info()["network"]`` shows the policy in force afterwards.
        """
        from hopx_control_api.api.sandboxes import update_sandbox_network

        body = _network_policy({"allow_out": allow_out, "deny_out": deny_out})
        await self._lifecycle(
            update_sandbox_network.request(self.sandbox_id, body=body),
            "update_network",
            request_timeout,
        )

    async def _lifecycle(
        self, request: ApiRequest[Any], name: str, request_timeout: float | None = None
    ) -> None:
        """A lifecycle call; its answer (the sandbox) refreshes the known info."""
        from .._results import SandboxInfo

        info = await self._cp().call(
            request, name, cast_to=SandboxInfo.from_dict, request_timeout=request_timeout
        )
        if info.id == self.sandbox_id:
            self._info = info

    async def _kill_this(self, *, request_timeout: float | None = None) -> None:
        from hopx_control_api.api.sandboxes import delete_sandbox

        await self._cp().call(
            delete_sandbox.request(self.sandbox_id), "kill", request_timeout=request_timeout
        )
        self._agent.refuse(
            NotFoundError(
                f"Sandbox {self.sandbox_id} was killed (kill() was called on this object); "
                "create a new one",
                code="sandbox_killed",
                status_code=404,
            )
        )

    kill = hybridmethod(_kill_this, _kill_by_id)
    """Destroy the sandbox now: ``await sandbox.kill()`` or ``await AsyncSandbox.kill(id)``."""

    async def close(self) -> None:
        """Close this object's HTTP connections (the sandbox keeps running)."""
        await self._agent.close()
        if self._control_plane is not None:
            await self._control_plane.close()

    async def _exit_context(self, failed: bool) -> None:
        """End of ``async with``: kill the sandbox, then close the connections."""
        try:
            await self.kill()
        except NotFoundError:
            pass
        except HopxError as error:
            if not failed:
                raise
            logger.warning("could not kill sandbox %s on exit: %s", self.sandbox_id, error)
        finally:
            await self.close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, exc_type: type[BaseException] | None, *rest: object) -> None:
        await self._exit_context(failed=exc_type is not None)

    # ------------------------------------------------------------------ tokens and expiry

    async def refresh_token(self, *, request_timeout: float | None = None) -> None:
        """Get a new agent token from the control plane now."""
        await self._tokens.refresh(stale=self._tokens.data, request_timeout=request_timeout)

    async def get_token(self, *, request_timeout: float | None = None) -> str:
        """The current agent token (refreshed first if it expires within a minute)."""
        return (await self._tokens.current(request_timeout=request_timeout)).token

    async def get_preview_url(
        self, port: int = 7777, *, request_timeout: float | None = None
    ) -> str:
        """Public URL of ``port`` in the sandbox (fetches the info only if not known yet)."""
        if self._info is not None:
            return preview_url(self._info, port)
        return preview_url(await self.get_info(request_timeout=request_timeout), port)

    async def get_time_to_expiry(self, *, request_timeout: float | None = None) -> int | None:
        """Seconds until the sandbox expires (negative if past), None without a timeout."""
        return _seconds_left(await self.get_info(request_timeout=request_timeout))

    async def is_expiring_soon(
        self, threshold_seconds: int = 300, *, request_timeout: float | None = None
    ) -> bool:
        """Whether the sandbox expires within ``threshold_seconds``."""
        left = await self.get_time_to_expiry(request_timeout=request_timeout)
        return left is not None and left <= threshold_seconds

    async def get_expiry_info(
        self, expiring_soon_threshold: int = 300, *, request_timeout: float | None = None
    ) -> ExpiryInfo:
        """Expiry state, from one fetch of the sandbox's info."""
        from .._events import ExpiryInfo

        info = await self.get_info(request_timeout=request_timeout)
        left = _seconds_left(info)
        return ExpiryInfo(
            expires_at=info.expires_at,
            time_to_expiry=left,
            is_expired=left is not None and left < 0,
            is_expiring_soon=left is not None and 0 <= left <= expiring_soon_threshold,
            has_timeout=info.expires_at is not None,
        )

    async def is_healthy(self, *, request_timeout: float | None = None) -> bool:
        """Whether the agent answers ``healthy`` (False if it does not; auth errors raise)."""
        try:
            health = await self._agent_health(request_timeout)
        except (HopxError, OSError) as error:
            if isinstance(error, HopxError) and error.status_code in (401, 403):
                raise
            return False
        from .._results import is_healthy_status

        return is_healthy_status(health.status)

    async def _agent_health(self, request_timeout: float | None = None) -> HealthResponse:
        """The agent's ``GET /health``."""
        from hopx_agent_api.api.info import get_health

        return await self._agent.call(
            get_health.request(), "health", timeout=10, request_timeout=request_timeout
        )

    async def ensure_healthy(self, *, request_timeout: float | None = None) -> None:
        """Raise :class:`SandboxExpiredError` if expired, :class:`HopxError` if unhealthy."""
        if self._config is not None:
            info = await self.get_info(request_timeout=request_timeout)
            left = _seconds_left(info)
            if left is not None and left < 0:
                raise SandboxExpiredError(
                    f"Sandbox {self.sandbox_id} expired at {info.expires_at}: create a new one",
                    metadata=SandboxErrorMetadata(
                        sandbox_id=self.sandbox_id,
                        created_at=info.created_at.isoformat() if info.created_at else None,
                        expires_at=info.expires_at.isoformat() if info.expires_at else None,
                        time_to_live=left,
                        status=str(info.status),
                    ),
                )
        if not await self.is_healthy(request_timeout=request_timeout):
            raise HopxError(
                f"Sandbox {self.sandbox_id} is not healthy: its agent does not answer "
                "'healthy'; check get_info().status",
                code="sandbox_unhealthy",
            )

    # ------------------------------------------------------------------ code execution

    async def run_code(
        self,
        code: str,
        *,
        language: str = "python",
        timeout: int = 120,
        env: dict[str, str] | None = None,
        working_dir: str = "/workspace",
        preflight: bool = False,
        timeout_seconds: int | None = None,
        request_timeout: float | None = None,
    ) -> ExecutionResult:
        """Run ``code`` and wait for it; rich outputs (plots, tables) come back too.

        ``timeout`` is the execution timeout in seconds (``timeout_seconds`` is accepted as
        an alias); the HTTP request waits 30 s more (``request_timeout``: this long instead).
        A non-zero exit is not an exception: check ``result.success`` / ``result.exit_code``.
        Running past the timeout raises :class:`ExecutionTimeoutError` (a
        :class:`TimeoutError` and a :class:`CodeExecutionError`).
        """
        from hopx_agent_api.api.execute import execute_code
        from hopx_agent_api.models import ExecuteRequest, ExecuteRequestEnv, Language

        from .._results import ExecutionResult

        seconds = pick_timeout(timeout, timeout_seconds)
        variables = string_map(env, "env")
        body = ExecuteRequest(
            code=code,
            language=enum_value(Language, language, "language"),
            timeout=seconds,
            workdir=working_dir,
            env=ExecuteRequestEnv.from_dict(variables) if variables else None,
        )
        if preflight:
            await self.ensure_healthy()
        return await self._agent.call(
            execute_code.request(body=body),
            "run_code",
            cast_to=ExecutionResult.from_dict,
            timeout=request_timeout if request_timeout is not None else seconds + HTTP_MARGIN,
            execution_timeout=seconds,
            timeout_param="request_timeout" if request_timeout is not None else "timeout",
        )

    async def run_code_background(
        self,
        code: str,
        *,
        language: str = "python",
        timeout: int = 300,
        env: dict[str, str] | None = None,
        working_dir: str = "/workspace",
        name: str | None = None,
        request_timeout: float | None = None,
    ) -> BackgroundExecutionResponse:
        """Start ``code`` in the background; ``result["process_id"]`` identifies it."""
        from hopx_agent_api.api.execute import execute_background
        from hopx_agent_api.models import (
            ExecuteBackgroundRequest,
            ExecuteBackgroundRequestEnv,
            Language,
        )

        seconds = pick_timeout(timeout, None)
        variables = string_map(env, "env")
        body = ExecuteBackgroundRequest(
            code=code,
            language=enum_value(Language, language, "language"),
            timeout=seconds,
            workdir=working_dir,
            env=ExecuteBackgroundRequestEnv.from_dict(variables) if variables else None,
            name=name,
        )
        return await self._agent.call(
            execute_background.request(body=body),
            "run_code_background",
            request_timeout=request_timeout,
        )

    async def run_code_async(
        self,
        code: str,
        callback_url: str,
        *,
        language: str = "python",
        timeout: int = 1800,
        env: dict[str, str] | None = None,
        working_dir: str = "/workspace",
        callback_headers: dict[str, str] | None = None,
        callback_signature_secret: str | None = None,
        request_timeout: float | None = None,
    ) -> ExecuteAsyncResponse:
        """Queue ``code``; the agent POSTs the result to ``callback_url`` when it finishes."""
        from hopx_agent_api.api.execute import execute_async
        from hopx_agent_api.models import (
            ExecuteAsyncRequest,
            ExecuteAsyncRequestCallbackHeaders,
            ExecuteAsyncRequestEnv,
            Language,
        )

        seconds = pick_timeout(timeout, None)
        variables = string_map(env, "env")
        headers = string_map(callback_headers, "callback_headers")
        body = ExecuteAsyncRequest(
            code=code,
            callback_url=callback_url,
            language=enum_value(Language, language, "language"),
            timeout=seconds,
            workdir=working_dir,
            env=ExecuteAsyncRequestEnv.from_dict(variables) if variables else None,
            callback_headers=(
                ExecuteAsyncRequestCallbackHeaders.from_dict(headers) if headers else None
            ),
            callback_signature_secret=callback_signature_secret,
        )
        return await self._agent.call(
            execute_async.request(body=body), "run_code_async", request_timeout=request_timeout
        )

    def run_code_stream(
        self,
        code: str,
        *,
        language: str = "python",
        timeout: int = 60,
        env: dict[str, str] | None = None,
        working_dir: str = "/workspace",
        request_timeout: float | None = None,
    ) -> AsyncEventStream[ExecutionEvent]:
        """Run ``code`` and yield its output as it comes: ``stdout``/``stderr`` events, then
        ``result`` (exit code) and ``complete``. An ``error`` frame raises the mapped error.
        ``request_timeout`` bounds the opening of the WebSocket.

        ``async for event in sandbox.run_code_stream(code):`` -- arguments are checked now,
        the WebSocket opens when iteration starts.
        """
        from hopx_agent_api.models import Language, WsExecuteMessage, WsExecuteMessageEnv
        from hopx_agent_api.models.ws_execute_message_type import WsExecuteMessageType

        from .._events import execution_event

        seconds = pick_timeout(timeout, None)
        variables = string_map(env, "env")
        frame = WsExecuteMessage(
            type_=WsExecuteMessageType.EXECUTE,
            code=code,
            language=enum_value(Language, language, "language"),
            timeout=seconds,
            workdir=working_dir,
            env=WsExecuteMessageEnv.from_dict(variables) if variables else None,
        )
        spec: StreamSpec[ExecutionEvent] = StreamSpec(
            path="/execute/stream",
            name="run_code_stream",
            first_frame=frame.to_dict(),
            parse=execution_event,
            is_last=_is_complete,
            open_timeout=request_timeout if request_timeout is not None else 30,
        )
        return AsyncEventStream(self._agent, spec)

    async def list_processes(
        self, *, request_timeout: float | None = None
    ) -> builtins.list[ProcessInfo]:
        """Background executions and commands (``GET /execute/processes``)."""
        from hopx_agent_api.api.execute import list_execute_processes

        listing = await self._agent.call(
            list_execute_processes.request(), "list_processes", request_timeout=request_timeout
        )
        return listing.processes

    async def kill_process(
        self, process_id: str, *, request_timeout: float | None = None
    ) -> KillProcessResponse:
        """Stop a background execution (``DELETE /execute/kill?process_id=``)."""
        from hopx_agent_api.api.execute import kill_execute_process

        request = kill_execute_process.request(process_id=str(process_id))
        return await self._agent.call(request, "kill_process", request_timeout=request_timeout)

    async def list_system_processes(
        self, *, request_timeout: float | None = None
    ) -> builtins.list[SystemProcess]:
        """Every operating-system process of the sandbox."""
        from hopx_agent_api.api.processes import list_system_processes

        listing = await self._agent.call(
            list_system_processes.request(),
            "list_system_processes",
            request_timeout=request_timeout,
        )
        return listing.processes

    async def get_jupyter_sessions(
        self, *, request_timeout: float | None = None
    ) -> builtins.list[JupyterSession]:
        """The agent's Jupyter kernel sessions."""
        from hopx_agent_api.api.processes import list_jupyter_sessions

        listing = await self._agent.call(
            list_jupyter_sessions.request(), "get_jupyter_sessions", request_timeout=request_timeout
        )
        return listing.sessions

    async def get_agent_metrics(self, *, request_timeout: float | None = None) -> MetricsSnapshot:
        """Agent counters (executions, requests, errors, uptime)."""
        from hopx_agent_api.api.metrics import get_metrics_snapshot

        return await self._agent.call(
            get_metrics_snapshot.request(), "get_agent_metrics", request_timeout=request_timeout
        )

    async def get_metrics_snapshot(
        self, *, request_timeout: float | None = None
    ) -> MetricsSnapshot:
        """System metrics of the sandbox (CPU, memory, disk)."""
        from hopx_agent_api.api.metrics import get_metrics_snapshot

        return await self._agent.call(
            get_metrics_snapshot.request(), "get_metrics_snapshot", request_timeout=request_timeout
        )

    async def get_agent_info(self, *, request_timeout: float | None = None) -> InfoResponse:
        """The agent's version, platform and features (``GET /info``)."""
        from hopx_agent_api.api.info import get_info

        return await self._agent.call(
            get_info.request(), "get_agent_info", request_timeout=request_timeout
        )

    # ------------------------------------------------------------------ text

    def __repr__(self) -> str:
        status = f" status={self._info.status}" if self._info is not None else ""
        return f"<{type(self).__name__} {self.sandbox_id}{status}>"

    def __str__(self) -> str:
        return repr(self)


def _network_policy(network: Mapping[str, Sequence[str]]) -> NetworkPolicy:
    """The request body of a ``network`` argument; entries are checked by the server."""
    from hopx_control_api.models import NetworkPolicy

    if not isinstance(network, Mapping) or set(network) - {"allow_out", "deny_out"}:
        raise ValidationError(
            "network must be a dict with 'allow_out' and/or 'deny_out' lists", field="network"
        )
    lists: dict[str, list[str]] = {}
    for name in ("allow_out", "deny_out"):
        entries = network.get(name, ())
        if isinstance(entries, str) or not all(isinstance(entry, str) for entry in entries):
            raise ValidationError(f"network.{name} must be a list of strings", field=name)
        lists[name] = list(entries)
    return NetworkPolicy(allow_out=lists["allow_out"], deny_out=lists["deny_out"])


def _is_complete(event: ExecutionEvent) -> bool:
    return event.type == "complete"


def _seconds_left(info: SandboxInfo) -> int | None:
    if info.expires_at is None:
        return None
    return int(info.expires_at.timestamp() - _overrides.now())
