"""The few results where the SDK adds behaviour to a generated model (thin subclasses).

Each class *is* the generated model of its answer (same typed attributes, same tolerant parsing,
a ``dict`` of the JSON it was read from); the subclass adds only the published SDK's names and
conveniences: ``SandboxInfo.sandbox_id``, Jupyter display hooks on ``ExecutionResult``, sizes on
``FileInfo``... Nothing here declares a property of the wire: those come from the YAML.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Self

import attrs
from hopx_agent_api.models.cache_clear_response import CacheClearResponse
from hopx_agent_api.models.command_response import CommandResponse
from hopx_agent_api.models.desktop_action_response import DesktopActionResponse
from hopx_agent_api.models.display_info import DisplayInfo as _DisplayInfo
from hopx_agent_api.models.execute_response import ExecuteResponse
from hopx_agent_api.models.file_info import FileInfo as _FileInfo
from hopx_agent_api.models.kill_process_response import KillProcessResponse
from hopx_agent_api.models.recording_info import RecordingInfo as _RecordingInfo
from hopx_agent_api.models.rich_output import RichOutput as _RichOutput
from hopx_agent_api.types import as_datetime_or_none
from hopx_control_api.models.health_response import HealthResponse
from hopx_control_api.models.sandbox import Sandbox
from hopx_control_api.models.template import Template as _Template
from hopx_control_api.models.template_deleted import TemplateDeleted


class SandboxInfo(Sandbox):
    """State of a sandbox as the control plane reports it (the ``Sandbox`` schema)."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any] | None) -> Self:
        info = super().from_dict(src_dict)
        if not info.public_host and info.direct_url:
            info.public_host = info.direct_url
        return info

    @property
    def sandbox_id(self) -> str:
        return self.id

    @property
    def end_at(self) -> datetime | None:
        """Legacy alias of ``expires_at``."""
        return self.expires_at

    @property
    def started_at(self) -> datetime | None:
        """Legacy (the published SDK's is always None; the document has no such property)."""
        return as_datetime_or_none(self.get("started_at"))

    def __repr__(self) -> str:
        return f"SandboxInfo(sandbox_id={self.id!r}, status={str(self.status)!r})"

    def __str__(self) -> str:
        return f"SandboxInfo(sandbox_id={self.id}, status={self.status}, url={self.public_host})"


class Template(_Template):
    """A sandbox template (exported as ``SandboxTemplate`` too)."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any] | None) -> Self:
        template = super().from_dict(src_dict)
        if template.resources is None:
            template.resources = template.default_resources
        return template

    def __repr__(self) -> str:
        status = str(self.status) if self.status else None
        return f"Template(name={self.name!r}, id={self.id!r}, status={status!r})"


class HealthStatus(HealthResponse):
    """``GET /health`` of the control plane."""

    __slots__ = ()

    @property
    def is_healthy(self) -> bool:
        return is_healthy_status(self.status)


def is_healthy_status(status: str | None) -> bool:
    return str(status or "").lower() in ("healthy", "ok")


# --------------------------------------------------------------------------- execution

_MIME_OF_FIELD = (
    ("png", "image/png"),
    ("html", "text/html"),
    ("svg", "image/svg+xml"),
    ("json", "application/json"),
    ("markdown", "text/markdown"),
    ("result", "text/plain"),
)


@attrs.define(eq=False, repr=False)
class RichOutput(_RichOutput):
    """One rich output in the published SDK's form: ``data`` keyed by MIME type
    (``output.data["image/png"]``), JSON decoded when ``format`` is ``json``."""

    data: dict[str, Any] = attrs.field(factory=dict)  # type: ignore[assignment]

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any] | None) -> Self:
        item = dict(src_dict) if isinstance(src_dict, Mapping) else {}
        wire_data = item.get("data")
        item["data"] = ""  # parsed below, in its published form
        output = super().from_dict(item)
        dict.update(output, {"data": wire_data})
        if item.get("format") == "json" and isinstance(wire_data, str):
            with contextlib.suppress(ValueError):
                wire_data = json.loads(wire_data)
        output.data = {str(output.type_): wire_data}
        return output

    @classmethod
    def of(cls, mime: str, value: Any) -> RichOutput:
        return cls.from_dict({"type": mime, "data": value})

    @property
    def value(self) -> Any:
        """The payload itself (base64 text for images, markup, or a JSON value)."""
        return self.data.get(self.type)

    # Jupyter display hooks: an output shows itself when it is a cell's value.
    def _repr_png_(self) -> bytes | None:
        return _b64(self.value) if self.type == "image/png" else None

    def _repr_html_(self) -> str | None:
        return self.value if self.type == "text/html" and isinstance(self.value, str) else None

    def _repr_svg_(self) -> str | None:
        return self.value if self.type == "image/svg+xml" and isinstance(self.value, str) else None

    def _repr_markdown_(self) -> str | None:
        return self.value if self.type == "text/markdown" and isinstance(self.value, str) else None

    def _repr_json_(self) -> Any:
        return self.value if self.type == "application/json" else None

    def __repr__(self) -> str:
        return f"RichOutput(type={str(self.type_)!r})"


class ExecutionError(str):
    """The exception the code of ``run_code`` raised, as E2B's ``Execution.error``: ``name``
    (``"ZeroDivisionError"``), ``value`` (``"division by zero"``) and ``traceback`` (plain
    text). It is also the published ``error`` string itself: ``"<name>: <value>"``."""

    name: str
    value: str
    traceback: str

    def __new__(cls, text: str, *, name: str, value: str, traceback: str) -> Self:
        error = super().__new__(cls, text)
        error.name, error.value, error.traceback = name, value, traceback
        return error

    @classmethod
    def of(cls, text: str, exception: Any) -> ExecutionError:
        """From the wire's ``error`` text and its ``exception`` object (absent from servers
        without the hopx-local extension: then the name and value come from the text)."""
        name, _, value = text.partition(": ")
        parts = exception if isinstance(exception, Mapping) else {}
        return cls(
            text,
            name=str(parts.get("name") or name),
            value=str(parts.get("value", value)),
            traceback=str(parts.get("traceback") or ""),
        )

    def __repr__(self) -> str:
        return f"ExecutionError(name={self.name!r}, value={self.value!r})"

    def __reduce__(self) -> tuple[Any, ...]:  # pickle / copy: the keyword-only constructor
        return (_execution_error, (str(self), self.name, self.value, self.traceback))


def _execution_error(text: str, name: str, value: str, traceback: str) -> ExecutionError:
    return ExecutionError(text, name=name, value=value, traceback=traceback)


@attrs.define(eq=False, repr=False)
class ExecutionResult(ExecuteResponse):
    """Result of ``run_code``: output, exit status and every rich output of the kernel.

    ``text`` is the cell's main result (the value of its last expression, as text); ``error``
    is None, or the exception the code raised (an :class:`ExecutionError`: a string with
    ``name``, ``value`` and ``traceback``)."""

    rich_outputs: list[RichOutput] = attrs.field(factory=list)  # type: ignore[assignment]

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any] | None) -> Self:
        data = dict(src_dict) if isinstance(src_dict, Mapping) else {}
        listed = data.pop("rich_outputs", None)
        result = super().from_dict(data)
        if listed is not None:
            dict.__setitem__(result, "rich_outputs", listed)
        if "success" not in data:
            result.success = "exit_code" in data and result.exit_code == 0
        result.rich_outputs = _rich_outputs(result, listed if isinstance(listed, list) else [])
        if isinstance(result.error, str) and result.error:
            result.error = ExecutionError.of(result.error, data.get("exception"))
        return result

    @property
    def text(self) -> str | None:
        """The cell's main result as text, as E2B's ``Execution.text``: the ``text/plain``
        form of the value of the last expression (``"42"`` for ``6 * 7``), or None when the
        code ends in a statement or runs outside the Jupyter kernel."""
        return self.result if isinstance(self.result, str) else None

    @property
    def json_output(self) -> Any:
        """The last ``application/json`` display (the wire's ``json``)."""
        return self.get("json")

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
        return _b64(self.png)

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
        time = f" time={self.execution_time:.3f}s" if self.execution_time else ""
        kinds = [o.type for o in self.rich_outputs]
        rich = f" rich={kinds}" if kinds else ""
        return (
            f"ExecutionResult({state} exit_code={self.exit_code}{time} "
            f"stdout={_clip(self.stdout)!r} stderr={_clip(self.stderr)!r}{rich})"
        )


def _rich_outputs(result: ExecuteResponse, listed: list[Any]) -> list[RichOutput]:
    """Every display the agent listed, then each flat rich field not already among them."""
    outputs = [RichOutput.from_dict(item) for item in listed if isinstance(item, Mapping)]
    for key, mime in _MIME_OF_FIELD:
        value = result.get(key)
        if value is None or value == "":
            continue
        if any(o.type == mime and o.value == value for o in outputs):
            continue
        outputs.append(RichOutput.of(mime, value))
    dataframe = result.get("dataframe")
    if dataframe:
        outputs.append(RichOutput.of("application/vnd.dataframe+json", dataframe))
    return outputs


def _b64(text: Any) -> bytes | None:
    if not text or not isinstance(text, str):
        return None
    try:
        return base64.b64decode(text)
    except (binascii.Error, ValueError):
        return None


def _clip(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."


class CommandResult(CommandResponse):
    """Result of ``commands.run``; for background commands ``process_id`` is set."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any] | None) -> Self:
        result = super().from_dict(src_dict)
        if "success" not in result:
            result.success = "exit_code" in result and result.exit_code == 0
        return result

    @property
    def process_id(self) -> str | None:
        """The background process (``commands.run(..., background=True)``), else None."""
        value = self.get("process_id")
        return None if value is None else str(value)

    @property
    def status(self) -> str | None:
        value = self.get("status")
        return None if value is None else str(value)

    @property
    def is_success(self) -> bool:
        """True when the command exited with status 0."""
        return self.exit_code == 0

    def __repr__(self) -> str:
        if self.process_id:
            return f"CommandResult(background process_id={self.process_id!r})"
        time = f" time={self.execution_time:.3f}s" if self.execution_time else ""
        return (
            f"CommandResult(exit_code={self.exit_code}{time} "
            f"stdout={_clip(self.stdout)!r} stderr={_clip(self.stderr)!r})"
        )


# --------------------------------------------------------------------------- files and desktop

# Older agents' names of FileInfo properties.
_LEGACY_FILE_KEYS = (
    ("is_directory", "is_dir"),
    ("permissions", "mode"),
    ("modified_time", "modified"),
)


class FileInfo(_FileInfo):
    """A file or directory in the sandbox."""

    __slots__ = ()

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any] | None) -> Self:
        data = dict(src_dict) if isinstance(src_dict, Mapping) else {}
        for name, legacy in _LEGACY_FILE_KEYS:
            if name not in data and legacy in data:
                data[name] = data[legacy]
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


class RecordingInfo(_RecordingInfo):
    """A screen recording."""

    __slots__ = ()

    @property
    def is_recording(self) -> bool:
        return self.status == "recording"

    @property
    def is_ready(self) -> bool:
        return self.status == "stopped"


class DisplayInfo(_DisplayInfo):
    """The sandbox's display."""

    __slots__ = ()

    @property
    def resolution(self) -> str:
        return f"{self.width}x{self.height}"


# The acknowledgement of an action (kill a process, clear the cache, delete a template...).
OperationResult = KillProcessResponse | CacheClearResponse | TemplateDeleted | DesktopActionResponse
