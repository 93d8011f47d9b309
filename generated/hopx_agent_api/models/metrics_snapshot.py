from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.disk_stats import DiskStats
    from ..models.memory_stats import MemoryStats


T = TypeVar("T", bound="MetricsSnapshot")


@_attrs_define(eq=False, repr=False)
class MetricsSnapshot(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "timestamp",
            "cpu_percent",
            "memory_percent",
            "memory",
            "disk",
            "pids",
            "total_executions",
            "active_executions",
            "error_count",
            "uptime_seconds",
            "total_requests",
            "total_errors",
        }
    )

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

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.disk_stats import DiskStats  # noqa: PLC0415
        from ..models.memory_stats import MemoryStats  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        timestamp = _types.as_datetime(d.get("timestamp"))

        cpu_percent = _types.as_float(d.get("cpu_percent"))

        memory_percent = _types.as_float(d.get("memory_percent"))

        memory = MemoryStats.from_dict(d.get("memory"))

        disk = DiskStats.from_dict(d.get("disk"))

        pids = _types.as_int(d.get("pids"))

        total_executions = _types.as_int(d.get("total_executions"))

        active_executions = _types.as_int(d.get("active_executions"))

        error_count = _types.as_int(d.get("error_count"))

        uptime_seconds = _types.as_float(d.get("uptime_seconds"))

        total_requests = _types.as_int_or_none(d.get("total_requests"))

        total_errors = _types.as_int_or_none(d.get("total_errors"))

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
        dict.update(_metrics_snapshot_instance, d)
        return _metrics_snapshot_instance
