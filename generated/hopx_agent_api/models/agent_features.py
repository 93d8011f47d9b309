from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="AgentFeatures")


@_attrs_define
class AgentFeatures:
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

    code_execution: bool
    file_operations: bool
    terminal_access: bool
    websocket_streaming: bool
    rich_output: bool
    background_jobs: bool
    ipython_kernel: bool
    system_metrics: bool
    desktop: bool
    additional_properties: dict[str, bool] = _attrs_field(init=False, factory=dict)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code_execution = d.pop("code_execution")

        file_operations = d.pop("file_operations")

        terminal_access = d.pop("terminal_access")

        websocket_streaming = d.pop("websocket_streaming")

        rich_output = d.pop("rich_output")

        background_jobs = d.pop("background_jobs")

        ipython_kernel = d.pop("ipython_kernel")

        system_metrics = d.pop("system_metrics")

        desktop = d.pop("desktop")

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

        _agent_features_instance.additional_properties = d
        return _agent_features_instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> bool:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: bool) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
