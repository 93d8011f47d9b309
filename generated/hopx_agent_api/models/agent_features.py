from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="AgentFeatures")


@_attrs_define(eq=False, repr=False)
class AgentFeatures(WireModel):
    """Capabilities of this agent (published SDK reads `features`). Unknown future flags may appear.

    Attributes:
        code_execution (bool):
        file_operations (bool):
        terminal_access (bool):
        websocket_streaming (bool):
        rich_output (bool): Python rich outputs (Jupyter kernel, code-interpreter template).
        background_jobs (bool):
        ipython_kernel (bool):
        system_metrics (bool):
        desktop (bool): Desktop automation (X11/VNC) available.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "code_execution",
            "file_operations",
            "terminal_access",
            "websocket_streaming",
            "rich_output",
            "background_jobs",
            "ipython_kernel",
            "system_metrics",
            "desktop",
        }
    )

    code_execution: bool
    file_operations: bool
    terminal_access: bool
    websocket_streaming: bool
    rich_output: bool
    background_jobs: bool
    ipython_kernel: bool
    system_metrics: bool
    desktop: bool

    def to_dict(self) -> dict[str, Any]:
        code_execution = self.code_execution

        file_operations = self.file_operations

        terminal_access = self.terminal_access

        websocket_streaming = self.websocket_streaming

        rich_output = self.rich_output

        background_jobs = self.background_jobs

        ipython_kernel = self.ipython_kernel

        system_metrics = self.system_metrics

        desktop = self.desktop

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "code_execution": code_execution,
                "file_operations": file_operations,
                "terminal_access": terminal_access,
                "websocket_streaming": websocket_streaming,
                "rich_output": rich_output,
                "background_jobs": background_jobs,
                "ipython_kernel": ipython_kernel,
                "system_metrics": system_metrics,
                "desktop": desktop,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        code_execution = _types.as_bool(d.get("code_execution"))

        file_operations = _types.as_bool(d.get("file_operations"))

        terminal_access = _types.as_bool(d.get("terminal_access"))

        websocket_streaming = _types.as_bool(d.get("websocket_streaming"))

        rich_output = _types.as_bool(d.get("rich_output"))

        background_jobs = _types.as_bool(d.get("background_jobs"))

        ipython_kernel = _types.as_bool(d.get("ipython_kernel"))

        system_metrics = _types.as_bool(d.get("system_metrics"))

        desktop = _types.as_bool(d.get("desktop"))

        _agent_features_instance = cls(
            code_execution=code_execution,
            file_operations=file_operations,
            terminal_access=terminal_access,
            websocket_streaming=websocket_streaming,
            rich_output=rich_output,
            background_jobs=background_jobs,
            ipython_kernel=ipython_kernel,
            system_metrics=system_metrics,
            desktop=desktop,
        )
        dict.update(_agent_features_instance, d)
        return _agent_features_instance
