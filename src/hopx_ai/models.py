"""Typed results of the SDK (attrs classes).

Every model keeps the JSON object it was built from: results that the published SDK returned
as plain ``dict`` (``run_code_background``, ``list_processes``, ``get_agent_info``...) also
answer ``result["process_id"]`` and ``result.get("status")``, so code written for dicts keeps
working while new code reads typed attributes.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import copy
import enum
import json
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, ClassVar, Self, TypeVar

import attrs

from .errors import ErrorCode

__all__ = [
    "AgentInfo",
    "AgentMetrics",
    "BackgroundExecution",
    "CacheStats",
    "CommandResult",
    "DisplayInfo",
    "ElementBounds",
    "ErrorCode",
    "ErrorResponse",
    "ExecutionEvent",
    "ExecutionResult",
    "ExpiryInfo",
    "FileChangeEvent",
    "FileContentResponse",
    "FileInfo",
    "FileListResponse",
    "FileResponse",
    "FileWriteRequest",
    "HealthResponse",
    "HealthStatus",
    "JupyterSession",
    "Language",
    "MetricsSnapshot",
    "OperationResult",
    "ProcessInfo",
    "QueuedExecution",
    "RecordingInfo",
    "Resources",
    "RichOutput",
    "SandboxInfo",
    "SandboxTemplate",
    "ScreenshotResponse",
    "SystemMetrics",
    "SystemProcess",
    "Template",
    "TemplateResources",
    "TerminalMessage",
    "VNCInfo",
    "WindowInfo",
]

M = TypeVar("M", bound="HopxModel")


# --------------------------------------------------------------------------- converters


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _str(value: Any) -> str:
    return "" if value is None else _opt_str(value) or ""


def _opt_int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _int_or_zero(value: Any) -> int:
    return _opt_int(value) or 0


def _opt_float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _opt_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _opt_datetime(value: Any) -> datetime | None:
    """RFC 3339 text (``Z`` allowed) or a datetime; anything unparsable becomes None."""
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _str_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(v) for v in value]


def _opt_dict(value: Any) -> dict[str, Any] | None:
    return dict(value) if isinstance(value, Mapping) else None


# --------------------------------------------------------------------------- base


@attrs.define(repr=False)
class HopxModel(Mapping[str, Any]):
    """Base of all results: typed attributes plus read-only mapping access to the raw JSON."""

    _raw: dict[str, Any] = attrs.field(factory=dict, kw_only=True, eq=False, alias="raw")

    # Field name -> JSON key, when they differ.
    _json_keys: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Self:
        """Build from a JSON object; unknown keys stay reachable through mapping access."""
        data = data or {}
        kwargs: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if field.name == "_raw" or not field.init:
                continue
            key = cls._json_keys.get(field.name, field.name)
            if key in data:
                kwargs[field.alias or field.name] = data[key]
        return cls(**kwargs, raw=dict(data))

    # Mapping protocol over the raw JSON (falls back to attributes for hand-built objects).
    def __getitem__(self, key: str) -> Any:
        if key in self._raw:
            return self._raw[key]
        if isinstance(key, str) and key in attrs.fields_dict(type(self)) and key != "_raw":
            return getattr(self, key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def to_dict(self) -> dict[str, Any]:
        """A deep copy of the JSON object this result was built from."""
        return copy.deepcopy(self._raw)

    def __repr__(self) -> str:
        shown = []
        for field in attrs.fields(type(self)):
            if field.name == "_raw" or not field.repr:
                continue
            value = getattr(self, field.name)
            if value is None or value == [] or value == {}:
                continue
            shown.append(f"{field.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"


# --------------------------------------------------------------------------- control plane


@attrs.define(repr=False)
class Resources(HopxModel):
    """Resources of a sandbox."""

    vcpu: int | None = attrs.field(default=None, converter=_opt_int)
    memory_mb: int | None = attrs.field(default=None, converter=_opt_int)
    disk_mb: int | None = attrs.field(default=None, converter=_opt_int)


def _resources(value: Any) -> Resources | None:
    if isinstance(value, Resources) or value is None:
        return value
    return Resources.from_dict(value) if isinstance(value, Mapping) else None


@attrs.define(repr=False)
class SandboxInfo(HopxModel):
    """State of a sandbox as the control plane reports it."""

    sandbox_id: str = attrs.field(default="", converter=_str)
    status: str = attrs.field(default="", converter=_str)
    public_host: str = attrs.field(default="", converter=_str)
    template_id: str | None = attrs.field(default=None, converter=_opt_str)
    template_name: str | None = attrs.field(default=None, converter=_opt_str)
    organization_id: int | None = attrs.field(default=None, converter=_opt_int)
    node_id: str | None = attrs.field(default=None, converter=_opt_str)
    region: str | None = attrs.field(default=None, converter=_opt_str)
    direct_url: str | None = attrs.field(default=None, converter=_opt_str)
    preview_url: str | None = attrs.field(default=None, converter=_opt_str)
    resources: Resources | None = attrs.field(default=None, converter=_resources)
    internet_access: bool | None = attrs.field(default=None, converter=_opt_bool)
    live_mode: bool | None = attrs.field(default=None, converter=_opt_bool)
    timeout_seconds: int | None = attrs.field(default=None, converter=_opt_int)
    expires_at: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    created_at: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    started_at: datetime | None = attrs.field(default=None, converter=_opt_datetime)

    _json_keys = {"sandbox_id": "id"}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Self:
        info = super().from_dict(data)
        if not info.public_host and info.direct_url:
            info.public_host = info.direct_url
        return info

    @property
    def end_at(self) -> datetime | None:
        """Legacy alias of ``expires_at``."""
        return self.expires_at

    def __repr__(self) -> str:
        return f"SandboxInfo(sandbox_id={self.sandbox_id!r}, status={self.status!r})"

    def __str__(self) -> str:
        return (
            f"SandboxInfo(sandbox_id={self.sandbox_id}, status={self.status}, "
            f"url={self.public_host})"
        )


@attrs.define(repr=False)
class TemplateResources(HopxModel):
    """Resources of a template."""

    vcpu: int | None = attrs.field(default=None, converter=_opt_int)
    memory_mb: int | None = attrs.field(default=None, converter=_opt_int)
    disk_gb: int | None = attrs.field(default=None, converter=_opt_int)


def _template_resources(value: Any) -> TemplateResources | None:
    if isinstance(value, TemplateResources) or value is None:
        return value
    return TemplateResources.from_dict(value) if isinstance(value, Mapping) else None


@attrs.define(repr=False)
class Template(HopxModel):
    """A sandbox template (exported as ``SandboxTemplate`` too)."""

    id: str = attrs.field(default="", converter=_str)
    name: str = attrs.field(default="", converter=_str)
    display_name: str | None = attrs.field(default=None, converter=_opt_str)
    description: str | None = attrs.field(default=None, converter=_opt_str)
    category: str | None = attrs.field(default=None, converter=_opt_str)
    language: str | None = attrs.field(default=None, converter=_opt_str)
    icon: str | None = attrs.field(default=None, converter=_opt_str)
    default_resources: TemplateResources | None = attrs.field(
        default=None, converter=_template_resources
    )
    min_resources: TemplateResources | None = attrs.field(
        default=None, converter=_template_resources
    )
    max_resources: TemplateResources | None = attrs.field(
        default=None, converter=_template_resources
    )
    features: list[str] = attrs.field(factory=list, converter=_str_list)
    tags: list[str] = attrs.field(factory=list, converter=_str_list)
    popularity_score: int | None = attrs.field(default=None, converter=_opt_int)
    docs_url: str | None = attrs.field(default=None, converter=_opt_str)
    is_active: bool | None = attrs.field(default=None, converter=_opt_bool)
    is_public: bool | None = attrs.field(default=None, converter=_opt_bool)
    status: str | None = attrs.field(default=None, converter=_opt_str)
    build_id: str | None = attrs.field(default=None, converter=_opt_str)
    organization_id: str | None = attrs.field(default=None, converter=_opt_str)
    created_at: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    updated_at: datetime | None = attrs.field(default=None, converter=_opt_datetime)

    @property
    def resources(self) -> TemplateResources | None:
        """The template's default resources (``template.resources.vcpu``)."""
        return self.default_resources

    def __repr__(self) -> str:
        return f"Template(name={self.name!r}, id={self.id!r}, status={self.status!r})"


SandboxTemplate = Template


@attrs.define(repr=False)
class ExpiryInfo(HopxModel):
    """When a sandbox expires, computed from one fetch of its info."""

    expires_at: datetime | None = None
    time_to_expiry: int | None = None
    is_expired: bool = False
    is_expiring_soon: bool = False
    has_timeout: bool = False

    def __repr__(self) -> str:
        if not self.has_timeout:
            return "ExpiryInfo(no timeout)"
        if self.is_expired:
            return f"ExpiryInfo(EXPIRED at {self.expires_at})"
        return (
            f"ExpiryInfo(time_to_expiry={self.time_to_expiry}s, "
            f"is_expiring_soon={self.is_expiring_soon})"
        )


@attrs.define(repr=False)
class HealthStatus(HopxModel):
    """``GET /health`` of the control plane or of an agent."""

    status: str | None = attrs.field(default=None, converter=_opt_str)
    version: str | None = attrs.field(default=None, converter=_opt_str)

    @property
    def is_healthy(self) -> bool:
        return (self.status or "").lower() in ("healthy", "ok")


@attrs.define(repr=False)
class OperationResult(HopxModel):
    """Acknowledgement of an action (kill a process, clear the cache, delete a template)."""

    success: bool | None = attrs.field(default=None, converter=_opt_bool)
    message: str | None = attrs.field(default=None, converter=_opt_str)


# --------------------------------------------------------------------------- execution

_MIME_OF_FIELD = (
    ("png", "image/png"),
    ("html", "text/html"),
    ("svg", "image/svg+xml"),
    ("json_output", "application/json"),
    ("markdown", "text/markdown"),
    ("result", "text/plain"),
)


@attrs.define(repr=False)
class RichOutput(HopxModel):
    """One rich output; ``data`` is keyed by MIME type: ``output.data["image/png"]``."""

    type: str = attrs.field(default="", converter=_str)
    data: dict[str, Any] = attrs.field(factory=dict)
    format: str | None = None
    metadata: dict[str, Any] | None = None
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)

    @property
    def value(self) -> Any:
        """The payload itself (base64 text for images, markup, or a JSON value)."""
        return self.data.get(self.type)

    @classmethod
    def from_display(cls, item: Mapping[str, Any]) -> RichOutput:
        """From the agent's ``{type, data, format, metadata}`` (``data`` encoded as ``format``
        says) to the cookbook form ``data={mime: value}`` (JSON decoded for ``format: json``)."""
        mime = _str(item.get("type"))
        value: Any = item.get("data")
        if item.get("format") == "json" and isinstance(value, str):
            with contextlib.suppress(ValueError):
                value = json.loads(value)
        metadata = item.get("metadata")
        return cls(
            type=mime,
            data={mime: value},
            format=_opt_str(item.get("format")),
            metadata=dict(metadata) if isinstance(metadata, Mapping) else None,
            raw=dict(item),
        )

    def __repr__(self) -> str:
        return f"RichOutput(type={self.type!r})"


def _no_raw_outputs(value: Any) -> list[RichOutput]:
    """``rich_outputs`` given as RichOutput objects are kept; raw JSON items are converted by
    ``from_dict`` (which merges them with the flat fields)."""
    if not isinstance(value, list):
        return []
    return [item for item in value if isinstance(item, RichOutput)]


@attrs.define(repr=False)
class ExecutionResult(HopxModel):
    """Result of ``run_code``: output, exit status and every rich output of the kernel."""

    stdout: str = attrs.field(default="", converter=_str)
    stderr: str = attrs.field(default="", converter=_str)
    exit_code: int | None = attrs.field(default=None, converter=_opt_int)
    execution_time: float | None = attrs.field(default=None, converter=_opt_float)
    success: bool = False
    language: str | None = attrs.field(default=None, converter=_opt_str)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    png: str | None = attrs.field(default=None, converter=_opt_str)
    html: str | None = attrs.field(default=None, converter=_opt_str)
    svg: str | None = attrs.field(default=None, converter=_opt_str)
    json_output: Any = None
    markdown: str | None = attrs.field(default=None, converter=_opt_str)
    result: str | None = attrs.field(default=None, converter=_opt_str)
    rich_outputs: list[RichOutput] = attrs.field(factory=list, converter=_no_raw_outputs)

    _json_keys = {"json_output": "json"}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Self:
        data = data or {}
        result = super().from_dict(data)
        if "success" not in data:
            result.success = result.exit_code == 0
        else:
            result.success = bool(data.get("success"))
        if not result.rich_outputs:
            result.rich_outputs = result._build_rich_outputs(data)
        return result

    def _build_rich_outputs(self, data: Mapping[str, Any]) -> list[RichOutput]:
        """Every display the agent listed, then each flat rich field not already among them."""
        listed = data.get("rich_outputs")
        outputs = [
            RichOutput.from_display(item)
            for item in (listed if isinstance(listed, list) else [])
            if isinstance(item, Mapping)
        ]
        for field_name, mime in _MIME_OF_FIELD:
            value = getattr(self, field_name)
            if value is None or value == "":
                continue
            if any(o.type == mime and o.value == value for o in outputs):
                continue
            outputs.append(RichOutput(type=mime, data={mime: value}))
        dataframe = data.get("dataframe")
        if dataframe:
            mime = "application/vnd.dataframe+json"
            outputs.append(RichOutput(type=mime, data={mime: dataframe}))
        return outputs

    @property
    def rich_count(self) -> int:
        return len(self.rich_outputs)

    @property
    def has_rich_output(self) -> bool:
        return bool(self.rich_outputs)

    @property
    def is_success(self) -> bool:
        return self.success

    # Jupyter display hooks: a result shows its rich output when it is the cell's value.
    def _repr_png_(self) -> bytes | None:
        if not self.png:
            return None
        try:
            return base64.b64decode(self.png)
        except (binascii.Error, ValueError):
            return None

    def _repr_html_(self) -> str | None:
        return self.html or None

    def _repr_svg_(self) -> str | None:
        return self.svg or None

    def _repr_markdown_(self) -> str | None:
        return self.markdown or None

    def _repr_json_(self) -> Any:
        return self.json_output

    def __repr__(self) -> str:
        state = "ok" if self.success else "failed"
        time = f" time={self.execution_time:.3f}s" if self.execution_time is not None else ""
        kinds = [o.type for o in self.rich_outputs]
        rich = f" rich={kinds}" if kinds else ""
        return (
            f"ExecutionResult({state} exit_code={self.exit_code}{time} "
            f"stdout={_clip(self.stdout)!r} stderr={_clip(self.stderr)!r}{rich})"
        )


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


@attrs.define(repr=False)
class CommandResult(HopxModel):
    """Result of ``commands.run``; for background commands ``process_id`` is set."""

    stdout: str = attrs.field(default="", converter=_str)
    stderr: str = attrs.field(default="", converter=_str)
    exit_code: int | None = attrs.field(default=None, converter=_opt_int)
    execution_time: float | None = attrs.field(default=None, converter=_opt_float)
    success: bool = False
    pid: int | None = attrs.field(default=None, converter=_opt_int)
    command: str | None = attrs.field(default=None, converter=_opt_str)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    process_id: str | None = attrs.field(default=None, converter=_opt_str)
    status: str | None = attrs.field(default=None, converter=_opt_str)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Self:
        data = data or {}
        result = super().from_dict(data)
        if "success" in data:
            result.success = bool(data.get("success"))
        else:
            result.success = result.exit_code == 0
        return result

    @property
    def is_success(self) -> bool:
        """True when the command exited with status 0."""
        return self.exit_code == 0

    def __repr__(self) -> str:
        if self.process_id:
            return f"CommandResult(background process_id={self.process_id!r})"
        time = f" time={self.execution_time:.3f}s" if self.execution_time is not None else ""
        return (
            f"CommandResult(exit_code={self.exit_code}{time} "
            f"stdout={_clip(self.stdout)!r} stderr={_clip(self.stderr)!r})"
        )


@attrs.define(repr=False)
class BackgroundExecution(HopxModel):
    """A background execution just started (``run_code_background``)."""

    process_id: str | None = attrs.field(default=None, converter=_opt_str)
    execution_id: str | None = attrs.field(default=None, converter=_opt_str)
    status: str | None = attrs.field(default=None, converter=_opt_str)
    name: str | None = attrs.field(default=None, converter=_opt_str)
    start_time: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    message: str | None = attrs.field(default=None, converter=_opt_str)


@attrs.define(repr=False)
class QueuedExecution(HopxModel):
    """An execution queued with a webhook (``run_code_async``)."""

    execution_id: str | None = attrs.field(default=None, converter=_opt_str)
    status: str | None = attrs.field(default=None, converter=_opt_str)
    callback_url: str | None = attrs.field(default=None, converter=_opt_str)
    message: str | None = attrs.field(default=None, converter=_opt_str)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)


@attrs.define(repr=False)
class ProcessInfo(HopxModel):
    """A background execution (``list_processes``)."""

    process_id: str | None = attrs.field(default=None, converter=_opt_str)
    execution_id: str | None = attrs.field(default=None, converter=_opt_str)
    name: str | None = attrs.field(default=None, converter=_opt_str)
    status: str | None = attrs.field(default=None, converter=_opt_str)
    language: str | None = attrs.field(default=None, converter=_opt_str)
    start_time: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    end_time: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    exit_code: int | None = attrs.field(default=None, converter=_opt_int)
    duration: float | None = attrs.field(default=None, converter=_opt_float)
    pid: int | None = attrs.field(default=None, converter=_opt_int)


@attrs.define(repr=False)
class SystemProcess(HopxModel):
    """An operating-system process of the sandbox (``list_system_processes``)."""

    pid: int | None = attrs.field(default=None, converter=_opt_int)
    name: str | None = attrs.field(default=None, converter=_opt_str)
    status: str | None = attrs.field(default=None, converter=_opt_str)
    command: str | None = attrs.field(default=None, converter=_opt_str)
    cpu_percent: float | None = attrs.field(default=None, converter=_opt_float)
    memory_mb: float | None = attrs.field(default=None, converter=_opt_float)
    memory_percent: float | None = attrs.field(default=None, converter=_opt_float)
    user: str | None = attrs.field(default=None, converter=_opt_str)


@attrs.define(repr=False)
class JupyterSession(HopxModel):
    """A Jupyter kernel session of the agent."""

    kernel_id: str | None = attrs.field(default=None, converter=_opt_str)
    execution_state: str | None = attrs.field(default=None, converter=_opt_str)
    connections: int | None = attrs.field(default=None, converter=_opt_int)
    last_activity: datetime | None = attrs.field(default=None, converter=_opt_datetime)


def _opt_endpoints(value: Any) -> list[str] | dict[str, Any] | None:
    """The contract's list of paths; older agents sent a map of names to paths (kept as is)."""
    if isinstance(value, list):
        return [str(item) for item in value]
    return _opt_dict(value)


@attrs.define(repr=False)
class AgentInfo(HopxModel):
    """``GET /info`` of the agent."""

    agent: str | None = attrs.field(default=None, converter=_opt_str)
    version: str | None = attrs.field(default=None, converter=_opt_str)
    agent_version: str | None = attrs.field(default=None, converter=_opt_str)
    os: str | None = attrs.field(default=None, converter=_opt_str)
    arch: str | None = attrs.field(default=None, converter=_opt_str)
    vm_id: str | None = attrs.field(default=None, converter=_opt_str)
    uptime: float | None = attrs.field(default=None, converter=_opt_float)
    features: dict[str, Any] | None = attrs.field(default=None, converter=_opt_dict)
    endpoints: list[str] | dict[str, Any] | None = attrs.field(
        default=None, converter=_opt_endpoints
    )


@attrs.define(repr=False)
class AgentMetrics(HopxModel):
    """Agent counters (``get_agent_metrics``)."""

    uptime_seconds: float | None = attrs.field(default=None, converter=_opt_float)
    total_requests: int | None = attrs.field(default=None, converter=_opt_int)
    total_errors: int | None = attrs.field(default=None, converter=_opt_int)
    total_executions: int | None = attrs.field(default=None, converter=_opt_int)
    active_executions: int | None = attrs.field(default=None, converter=_opt_int)
    error_count: int | None = attrs.field(default=None, converter=_opt_int)


@attrs.define(repr=False)
class MetricsSnapshot(HopxModel):
    """System metrics of the sandbox (``get_metrics_snapshot``)."""

    cpu_percent: float | None = attrs.field(default=None, converter=_opt_float)
    memory_percent: float | None = attrs.field(default=None, converter=_opt_float)
    disk_percent: float | None = attrs.field(default=None, converter=_opt_float)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)


@attrs.define(repr=False)
class CacheStats(HopxModel):
    """Agent cache statistics (``cache.stats()``; ``stats["cache"]["size"]`` works too)."""

    cache: dict[str, Any] | None = attrs.field(default=None, converter=_opt_dict)


# --------------------------------------------------------------------------- files


@attrs.define(repr=False)
class FileInfo(HopxModel):
    """A file or directory in the sandbox."""

    name: str = attrs.field(default="", converter=_str)
    path: str = attrs.field(default="", converter=_str)
    size: int = attrs.field(default=0, converter=_int_or_zero)
    is_directory: bool = attrs.field(default=False, converter=bool)
    modified_time: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    permissions: str | None = attrs.field(default=None, converter=_opt_str)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Self:
        data = dict(data or {})
        for field_name, legacy in (
            ("is_directory", "is_dir"),
            ("permissions", "mode"),
            ("modified_time", "modified"),
        ):
            if field_name not in data and legacy in data:
                data[field_name] = data[legacy]
        return super().from_dict(data)

    @property
    def is_file(self) -> bool:
        return not self.is_directory

    @property
    def is_dir(self) -> bool:
        return self.is_directory

    @property
    def size_kb(self) -> float:
        return self.size / 1024

    @property
    def size_mb(self) -> float:
        return self.size / (1024 * 1024)

    def __repr__(self) -> str:
        kind = "dir" if self.is_directory else "file"
        return f"FileInfo({kind} {self.path or self.name!r}, size={self.size})"


@attrs.define(repr=False)
class FileChangeEvent(HopxModel):
    """A change seen by ``files.watch``."""

    type: str = attrs.field(default="", converter=_str)
    path: str | None = attrs.field(default=None, converter=_opt_str)
    event: str | None = attrs.field(default=None, converter=_opt_str)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)


# --------------------------------------------------------------------------- streams


def _display(value: Any) -> RichOutput | None:
    if isinstance(value, RichOutput) or value is None:
        return value
    return RichOutput.from_display(value) if isinstance(value, Mapping) else None


@attrs.define(repr=False)
class ExecutionEvent(HopxModel):
    """A message of ``run_code_stream``: ``stdout``/``stderr`` (data), ``result``, ``complete``,
    ``error``. ``event["type"]`` works as with the published dicts."""

    type: str = attrs.field(default="", converter=_str)
    data: str | None = attrs.field(default=None, converter=_opt_str)
    exit_code: int | None = attrs.field(default=None, converter=_opt_int)
    execution_time: float | None = attrs.field(default=None, converter=_opt_float)
    success: bool | None = attrs.field(default=None, converter=_opt_bool)
    error: str | None = attrs.field(default=None, converter=_opt_str)
    code: str | None = attrs.field(default=None, converter=_opt_str)
    execution_id: str | None = attrs.field(default=None, converter=_opt_str)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    output: RichOutput | None = attrs.field(default=None, converter=_display)


@attrs.define(repr=False)
class TerminalMessage(HopxModel):
    """A message of the interactive terminal: ``output`` (data) or ``exit`` (code)."""

    type: str = attrs.field(default="", converter=_str)
    data: str | None = attrs.field(default=None, converter=_opt_str)
    code: int | None = attrs.field(default=None, converter=_opt_int)


# --------------------------------------------------------------------------- desktop


@attrs.define(repr=False)
class VNCInfo(HopxModel):
    """The sandbox's VNC server."""

    url: str | None = attrs.field(default=None, converter=_opt_str)
    password: str | None = attrs.field(default=None, converter=_opt_str)
    display: int | None = attrs.field(default=None, converter=_opt_int)
    port: int | None = attrs.field(default=None, converter=_opt_int)
    websocket_url: str | None = attrs.field(default=None, converter=_opt_str)
    running: bool = attrs.field(default=True, converter=bool)

    def __repr__(self) -> str:  # the password stays out of logs
        return f"VNCInfo(url={self.url!r}, display={self.display}, running={self.running})"


@attrs.define(repr=False)
class WindowInfo(HopxModel):
    """A window of the sandbox's desktop."""

    id: str = attrs.field(default="", converter=_str)
    title: str | None = attrs.field(default=None, converter=_opt_str)
    x: int | None = attrs.field(default=None, converter=_opt_int)
    y: int | None = attrs.field(default=None, converter=_opt_int)
    width: int | None = attrs.field(default=None, converter=_opt_int)
    height: int | None = attrs.field(default=None, converter=_opt_int)
    is_active: bool | None = attrs.field(default=None, converter=_opt_bool)
    is_minimized: bool | None = attrs.field(default=None, converter=_opt_bool)
    pid: int | None = attrs.field(default=None, converter=_opt_int)
    desktop: int | None = attrs.field(default=None, converter=_opt_int)


@attrs.define(repr=False)
class RecordingInfo(HopxModel):
    """A screen recording."""

    recording_id: str | None = attrs.field(default=None, converter=_opt_str)
    status: str | None = attrs.field(default=None, converter=_opt_str)
    start_time: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    end_time: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    duration: float | None = attrs.field(default=None, converter=_opt_float)
    file_path: str | None = attrs.field(default=None, converter=_opt_str)
    file_size: int | None = attrs.field(default=None, converter=_opt_int)
    format: str | None = attrs.field(default=None, converter=_opt_str)

    @property
    def is_recording(self) -> bool:
        return self.status == "recording"

    @property
    def is_ready(self) -> bool:
        return self.status == "stopped"


@attrs.define(repr=False)
class DisplayInfo(HopxModel):
    """The sandbox's display."""

    width: int | None = attrs.field(default=None, converter=_opt_int)
    height: int | None = attrs.field(default=None, converter=_opt_int)
    depth: int | None = attrs.field(default=None, converter=_opt_int)
    refresh_rate: int | None = attrs.field(default=None, converter=_opt_int)
    displays: list[Any] = attrs.field(factory=list)

    @property
    def resolution(self) -> str:
        return f"{self.width}x{self.height}"


@attrs.define(repr=False)
class ElementBounds(HopxModel):
    """Where a text was found on screen (``find_element``, ``wait_for``, ``get_bounds``)."""

    x: int | None = attrs.field(default=None, converter=_opt_int)
    y: int | None = attrs.field(default=None, converter=_opt_int)
    width: int | None = attrs.field(default=None, converter=_opt_int)
    height: int | None = attrs.field(default=None, converter=_opt_int)
    text: str | None = attrs.field(default=None, converter=_opt_str)
    confidence: float | None = attrs.field(default=None, converter=_opt_float)


# --------------------------------------------------------------------------- published 0.5.0 names
# ``from hopx_ai.models import ...`` of the published SDK keeps working. These are the agent's
# wire shapes; the SDK's own methods return the richer models above.

HealthResponse = HealthStatus


class Language(str, enum.Enum):
    """Languages accepted by ``run_code`` (any of these strings works too)."""

    PYTHON = "python"
    PYTHON3 = "python3"
    NODE = "node"
    NODEJS = "nodejs"
    JAVASCRIPT = "javascript"
    JS = "js"
    BASH = "bash"
    SH = "sh"
    SHELL = "shell"
    GO = "go"


@attrs.define(repr=False)
class ErrorResponse(HopxModel):
    """The agent's flat error body (``code`` is one of :class:`ErrorCode`'s values)."""

    error: str = attrs.field(default="", converter=_str)
    code: str | None = attrs.field(default=None, converter=_opt_str)
    request_id: str | None = attrs.field(default=None, converter=_opt_str)
    path: str | None = attrs.field(default=None, converter=_opt_str)
    details: dict[str, Any] | None = attrs.field(default=None, converter=_opt_dict)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)


@attrs.define(repr=False)
class SystemMetrics(HopxModel):
    """CPU, memory and disk usage of the sandbox, and its uptime (seconds)."""

    cpu: dict[str, Any] | None = attrs.field(default=None, converter=_opt_dict)
    memory: dict[str, Any] | None = attrs.field(default=None, converter=_opt_dict)
    disk: dict[str, Any] | None = attrs.field(default=None, converter=_opt_dict)
    uptime: float | None = attrs.field(default=None, converter=_opt_float)


def _file_infos(value: Any) -> list[FileInfo]:
    if not isinstance(value, list):
        return []
    return [v if isinstance(v, FileInfo) else FileInfo.from_dict(v) for v in value]


@attrs.define(repr=False)
class FileListResponse(HopxModel):
    """``GET /files/list``."""

    files: list[FileInfo] = attrs.field(factory=list, converter=_file_infos)
    path: str | None = attrs.field(default=None, converter=_opt_str)
    count: int | None = attrs.field(default=None, converter=_opt_int)


@attrs.define(repr=False)
class FileContentResponse(HopxModel):
    """``GET /files/read``."""

    content: str | None = attrs.field(default=None, converter=_opt_str)
    path: str | None = attrs.field(default=None, converter=_opt_str)
    size: int | None = attrs.field(default=None, converter=_opt_int)


@attrs.define(repr=False)
class FileWriteRequest(HopxModel):
    """Body of ``POST /files/write`` (``files.write`` builds it for you)."""

    path: str = attrs.field(converter=_str)
    content: str = attrs.field(converter=_str)


@attrs.define(repr=False)
class FileResponse(HopxModel):
    """Acknowledgement of a file operation."""

    message: str | None = attrs.field(default=None, converter=_opt_str)
    path: str | None = attrs.field(default=None, converter=_opt_str)
    success: bool | None = attrs.field(default=None, converter=_opt_bool)
    size: int | None = attrs.field(default=None, converter=_opt_int)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)


@attrs.define(repr=False)
class ScreenshotResponse(HopxModel):
    """A desktop screenshot as base64 ``image``."""

    image: str | None = attrs.field(default=None, converter=_opt_str)
    format: str | None = attrs.field(default=None, converter=_opt_str)
    width: int | None = attrs.field(default=None, converter=_opt_int)
    height: int | None = attrs.field(default=None, converter=_opt_int)
    size: int | None = attrs.field(default=None, converter=_opt_int)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)
