from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.disk_stats import DiskStats
    from ..models.memory_stats import MemoryStats


T = TypeVar("T", bound="MetricsSnapshot")


@_attrs_define
class MetricsSnapshot:
    """
    Attributes:
        timestamp (datetime.datetime):
        cpu_percent (float): CPU use of the sandbox since the previous sample, percent of one CPU × cores.
        memory_percent (float):
        memory (MemoryStats):
        disk (DiskStats):
        pids (int): Processes in the sandbox.
        total_executions (int):
        active_executions (int):
        error_count (int): Requests answered with 4xx/5xx.
        uptime_seconds (float):
        total_requests (int | Unset): HTTP requests handled by the agent.
        total_errors (int | Unset): Same as `error_count` (published name).
    """

    timestamp: datetime.datetime
    cpu_percent: float
    memory_percent: float
    memory: MemoryStats
    disk: DiskStats
    pids: int
    total_executions: int
    active_executions: int
    error_count: int
    uptime_seconds: float
    total_requests: int | Unset = UNSET
    total_errors: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        timestamp = self.timestamp.isoformat()

        cpu_percent = self.cpu_percent

        memory_percent = self.memory_percent

        memory = self.memory.to_dict()

        disk = self.disk.to_dict()

        pids = self.pids

        total_executions = self.total_executions

        active_executions = self.active_executions

        error_count = self.error_count

        uptime_seconds = self.uptime_seconds

        total_requests = self.total_requests

        total_errors = self.total_errors

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "timestamp": timestamp,
                "cpu_percent": cpu_percent,
                "memory_percent": memory_percent,
                "memory": memory,
                "disk": disk,
                "pids": pids,
                "total_executions": total_executions,
                "active_executions": active_executions,
                "error_count": error_count,
                "uptime_seconds": uptime_seconds,
            }
        )
        if total_requests is not UNSET:
            field_dict["total_requests"] = total_requests
        if total_errors is not UNSET:
            field_dict["total_errors"] = total_errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.disk_stats import DiskStats  # noqa: PLC0415
        from ..models.memory_stats import MemoryStats  # noqa: PLC0415

        d = dict(src_dict)
        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        cpu_percent = d.pop("cpu_percent")

        memory_percent = d.pop("memory_percent")

        memory = MemoryStats.from_dict(d.pop("memory"))

        disk = DiskStats.from_dict(d.pop("disk"))

        pids = d.pop("pids")

        total_executions = d.pop("total_executions")

        active_executions = d.pop("active_executions")

        error_count = d.pop("error_count")

        uptime_seconds = d.pop("uptime_seconds")

        total_requests = d.pop("total_requests", UNSET)

        total_errors = d.pop("total_errors", UNSET)

        _metrics_snapshot_instance = cls(
            timestamp=timestamp,
            cpu_percent=cpu_percent,
            memory_percent=memory_percent,
            memory=memory,
            disk=disk,
            pids=pids,
            total_executions=total_executions,
            active_executions=active_executions,
            error_count=error_count,
            uptime_seconds=uptime_seconds,
            total_requests=total_requests,
            total_errors=total_errors,
        )

        _metrics_snapshot_instance.additional_properties = d
        return _metrics_snapshot_instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
