from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.cpu_usage import CpuUsage
    from ..models.resource_usage import ResourceUsage


T = TypeVar("T", bound="SystemInfo")


@_attrs_define(eq=False, repr=False)
class SystemInfo(WireModel):
    """
    Attributes:
        hostname (str):
        os (str):
        arch (str):
        platform (str):
        kernel (str): Kernel release (`uname -r`).
        cpu_count (int): CPUs available to the sandbox.
        memory_total_bytes (int): Memory limit of the sandbox (or the host's memory when unlimited).
        python_version (str):
        cpu (CpuUsage):
        memory (ResourceUsage): Memory or disk usage, bytes.
        disk (ResourceUsage): Memory or disk usage, bytes.
        uptime (float): Sandbox uptime, seconds.
        timestamp (datetime.datetime):
        disk_total_bytes (int | Unset):
        node_version (str | Unset):
        go_version (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "hostname",
            "os",
            "arch",
            "platform",
            "kernel",
            "cpu_count",
            "memory_total_bytes",
            "python_version",
            "cpu",
            "memory",
            "disk",
            "uptime",
            "timestamp",
            "disk_total_bytes",
            "node_version",
            "go_version",
        }
    )

    hostname: str
    os: str
    arch: str
    platform: str
    kernel: str
    cpu_count: int
    memory_total_bytes: int
    python_version: str
    cpu: CpuUsage
    memory: ResourceUsage
    disk: ResourceUsage
    uptime: float
    timestamp: datetime.datetime
    disk_total_bytes: int | Unset = UNSET
    node_version: str | Unset = UNSET
    go_version: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        hostname = self.hostname

        os = self.os

        arch = self.arch

        platform = self.platform

        kernel = self.kernel

        cpu_count = self.cpu_count

        memory_total_bytes = self.memory_total_bytes

        python_version = self.python_version

        cpu = self.cpu.to_dict()

        memory = self.memory.to_dict()

        disk = self.disk.to_dict()

        uptime = self.uptime

        timestamp = self.timestamp.isoformat()

        disk_total_bytes = self.disk_total_bytes

        node_version = self.node_version

        go_version = self.go_version

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "hostname": hostname,
                "os": os,
                "arch": arch,
                "platform": platform,
                "kernel": kernel,
                "cpu_count": cpu_count,
                "memory_total_bytes": memory_total_bytes,
                "python_version": python_version,
                "cpu": cpu,
                "memory": memory,
                "disk": disk,
                "uptime": uptime,
                "timestamp": timestamp,
            }
        )
        if disk_total_bytes is not UNSET:
            field_dict["disk_total_bytes"] = disk_total_bytes
        if node_version is not UNSET:
            field_dict["node_version"] = node_version
        if go_version is not UNSET:
            field_dict["go_version"] = go_version

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.cpu_usage import CpuUsage  # noqa: PLC0415
        from ..models.resource_usage import ResourceUsage  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        hostname = _types.as_str(d.get("hostname"))

        os = _types.as_str(d.get("os"))

        arch = _types.as_str(d.get("arch"))

        platform = _types.as_str(d.get("platform"))

        kernel = _types.as_str(d.get("kernel"))

        cpu_count = _types.as_int(d.get("cpu_count"))

        memory_total_bytes = _types.as_int(d.get("memory_total_bytes"))

        python_version = _types.as_str(d.get("python_version"))

        cpu = CpuUsage.from_dict(d.get("cpu"))

        memory = ResourceUsage.from_dict(d.get("memory"))

        disk = ResourceUsage.from_dict(d.get("disk"))

        uptime = _types.as_float(d.get("uptime"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        disk_total_bytes = _types.as_int_or_none(d.get("disk_total_bytes"))

        node_version = _types.as_str_or_none(d.get("node_version"))

        go_version = _types.as_str_or_none(d.get("go_version"))

        _system_info_instance = cls(
            hostname=hostname,
            os=os,
            arch=arch,
            platform=platform,
            kernel=kernel,
            cpu_count=cpu_count,
            memory_total_bytes=memory_total_bytes,
            python_version=python_version,
            cpu=cpu,
            memory=memory,
            disk=disk,
            uptime=uptime,
            timestamp=timestamp,
            disk_total_bytes=disk_total_bytes,
            node_version=node_version,
            go_version=go_version,
        )
        dict.update(_system_info_instance, d)
        return _system_info_instance
