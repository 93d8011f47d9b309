"""Public types of the template builder (names and fields as in the published ``hopx_ai.template``).

Times of a :class:`ReadyCheck` are in **milliseconds** (as on the wire); every other duration
here is in seconds.
"""

from __future__ import annotations

import enum
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

import attrs

from .._config import DEFAULT_BASE_URL, ControlPlaneConfig
from ..errors import ValidationError

if TYPE_CHECKING:
    import httpx

    from .._async.sandbox import AsyncSandbox

__all__ = [
    "VM",
    "AWSRegistryAuth",
    "BuildOptions",
    "BuildResult",
    "CopyOptions",
    "CreateVMOptions",
    "GCPRegistryAuth",
    "InvalidTemplateError",
    "LogCallback",
    "LogsResponse",
    "ProgressCallback",
    "ReadyCheck",
    "ReadyCheckType",
    "RegistryAuth",
    "Step",
    "StepType",
]


class InvalidTemplateError(ValidationError, ValueError):
    """A template or its build options are not valid (raised before any request is sent).

    A :class:`hopx_ai.ValidationError`, and a ``ValueError`` as the published builder raised.
    """


class StepType(str, enum.Enum):
    """Dockerfile-like instruction of a build step (the base image is not a step)."""

    COPY = "COPY"
    RUN = "RUN"
    ENV = "ENV"
    WORKDIR = "WORKDIR"
    USER = "USER"
    CMD = "CMD"


@attrs.define
class RegistryAuth:
    """Username/password (or token) of a private registry."""

    username: str
    password: str = attrs.field(repr=False)


@attrs.define
class GCPRegistryAuth:
    """A GCP service account: the path of its JSON key file, or the parsed JSON (a dict)."""

    service_account_json: str | dict[str, Any] = attrs.field(repr=False)


@attrs.define
class AWSRegistryAuth:
    """IAM credentials allowed to pull from ECR; the server exchanges them for a registry token.

    ``session_token`` (temporary credentials) is sent as the credentials' ``token``. ``region``
    has no field on the wire: it is the region in the ECR host name of the image, and
    ``Template.from_aws_private_image`` checks that the two agree.
    """

    access_key_id: str
    secret_access_key: str = attrs.field(repr=False)
    region: str
    session_token: str | None = attrs.field(default=None, repr=False)


@attrs.define
class Step:
    """One build step. ``files_hash`` is filled in for COPY steps when the template is built."""

    type: StepType
    args: list[str]
    files_hash: str | None = None
    skip_cache: bool = False
    registry_auth: RegistryAuth | None = None
    gcp_auth: GCPRegistryAuth | None = None
    aws_auth: AWSRegistryAuth | None = None


@attrs.define
class CopyOptions:
    """Owner and permissions of copied files, applied by a ``chown -R`` / ``chmod -R`` step
    after the COPY (the wire format of a COPY step has no place for them)."""

    owner: str | None = None
    permissions: str | None = None


class ReadyCheckType(str, enum.Enum):
    """How to tell that the start command is ready."""

    PORT = "port"
    URL = "url"
    FILE = "file"
    PROCESS = "process"
    COMMAND = "command"


@attrs.define
class ReadyCheck:
    """Readiness check of the start command; ``timeout`` and ``interval`` in milliseconds."""

    type: ReadyCheckType
    port: int | None = None
    url: str | None = None
    path: str | None = None
    process_name: str | None = None
    command: str | None = None
    timeout: int = 30000
    interval: int = 2000


LogCallback = Callable[[dict[str, Any]], Awaitable[None] | None]
ProgressCallback = Callable[[int], Awaitable[None] | None]


@attrs.define
class BuildOptions:
    """How to build a template.

    ``api_key`` falls back to ``HOPX_API_KEY`` and ``base_url`` to ``HOPX_BASE_URL`` (then the
    cloud). ``context_path`` is where COPY sources are looked up (default: the current
    directory). ``on_log`` receives ``{"level", "message", "timestamp"}`` per log line and
    ``on_progress`` the build's percentage; both may be plain functions or coroutines.

    Deadlines (seconds): ``build_timeout`` for the build to finish (default 1 hour),
    ``template_activation_timeout`` for the built template to become usable (default
    ``HOPX_TEMPLATE_BAKE_SECONDS`` or 45 minutes). ``poll_interval``: seconds between two status
    polls.

    ``show_progress``: a progress bar on stderr while the COPY content uploads and the build
    runs (``rich``, the ``cli`` extra). ``None`` (default): when stderr is a terminal and rich
    is installed; ``True``: always (if rich is installed); ``False``: never.
    """

    name: str
    api_key: str | None = attrs.field(default=None, repr=False)
    base_url: str = DEFAULT_BASE_URL
    cpu: int = 2
    memory: int = 2048
    disk_gb: int = 10
    skip_cache: bool = False
    context_path: str | None = None
    on_log: LogCallback | None = None
    on_progress: ProgressCallback | None = None
    update: bool = False
    template_activation_timeout: float | None = None
    build_timeout: float = 3600.0
    poll_interval: float = 2.0
    show_progress: bool | None = None
    # The HTTP client or transport of every request of the build (as on ``Sandbox.create``).
    http_client: httpx.AsyncClient | None = attrs.field(default=None, repr=False)
    transport: httpx.AsyncBaseTransport | None = attrs.field(default=None, repr=False)


@attrs.define
class LogsResponse:
    """Build log text from an offset; pass ``offset`` back to get only newer text."""

    logs: str
    offset: int
    status: str
    complete: bool
    request_id: str | None = None

    @property
    def lines(self) -> list[str]:
        """The non-empty lines of ``logs``."""
        return [line for line in self.logs.splitlines() if line.strip()]


@attrs.define
class CreateVMOptions:
    """Options of :meth:`BuildResult.create_vm`.

    ``env_vars``, ``timeout_seconds``, ``internet_access`` and ``region`` are passed to the
    sandbox creation. ``alias``, ``cpu``, ``memory`` and ``disk_gb`` (published fields) have no
    counterpart in the API: a sandbox gets the template's resources. Setting them logs a warning.
    """

    alias: str | None = None
    cpu: int | None = None
    memory: int | None = None
    disk_gb: int | None = None
    env_vars: dict[str, str] | None = None
    timeout_seconds: int | None = None
    internet_access: bool | None = None
    region: str | None = None


@attrs.define
class VM:
    """A sandbox created from a built template (``sandbox`` is the :class:`AsyncSandbox`)."""

    vm_id: str
    template_id: str
    status: str
    ip: str
    agent_url: str
    started_at: str
    sandbox: AsyncSandbox | None = attrs.field(default=None, repr=False, eq=False)

    async def delete(self) -> None:
        """Kill the sandbox (and close its connections)."""
        if self.sandbox is not None:
            await self.sandbox.kill()


@attrs.define
class BuildResult:
    """A finished build: the template is active and sandboxes can be created from it.

    ``duration`` is in milliseconds (the server's ``build_duration_ms`` when it reports one,
    else measured by the client).
    """

    build_id: str
    template_id: str
    duration: int
    _config: ControlPlaneConfig | None = attrs.field(
        default=None, repr=False, eq=False, alias="_config"
    )

    async def create_vm(self, options: CreateVMOptions | None = None) -> VM:
        """Create a sandbox from the built template."""
        from .build_flow import create_vm_from_template

        return await create_vm_from_template(
            self.template_id, self._require_config(), options or CreateVMOptions()
        )

    async def get_logs(self, offset: int = 0) -> LogsResponse:
        """The build's log text from ``offset`` (0: from the beginning)."""
        from .build_flow import fetch_logs

        return await fetch_logs(self.build_id, self._require_config(), offset=offset)

    def _require_config(self) -> ControlPlaneConfig:
        if self._config is None:
            raise InvalidTemplateError(
                "This BuildResult was not returned by Template.build(): it has no API key and "
                "base URL to call the API with",
                field="build_result",
            )
        return self._config
