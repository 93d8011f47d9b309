from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.cpu_usage import CpuUsage
    from ..models.resource_usage import ResourceUsage


T = TypeVar("T", bound="SystemInfo")


@_attrs_define
class SystemInfo:
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cpu_usage import CpuUsage  # noqa: PLC0415
        from ..models.resource_usage import ResourceUsage  # noqa: PLC0415

        d = dict(src_dict)
        hostname = d.pop("hostname")

        os = d.pop("os")

        arch = d.pop("arch")

        platform = d.pop("platform")

        kernel = d.pop("kernel")

        cpu_count = d.pop("cpu_count")

        memory_total_bytes = d.pop("memory_total_bytes")

        python_version = d.pop("python_version")

        cpu = CpuUsage.from_dict(d.pop("cpu"))

        memory = ResourceUsage.from_dict(d.pop("memory"))

        disk = ResourceUsage.from_dict(d.pop("disk"))

        uptime = d.pop("uptime")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        disk_total_bytes = d.pop("disk_total_bytes", UNSET)

        node_version = d.pop("node_version", UNSET)

        go_version = d.pop("go_version", UNSET)

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

        _system_info_instance.additional_properties = d
        return _system_info_instance

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
