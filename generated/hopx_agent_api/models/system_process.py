from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.system_process_status import SystemProcessStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="SystemProcess")


@_attrs_define
class SystemProcess:
    """
    Attributes:
        pid (int): Pid in the sandbox's PID namespace.
        name (str):
        command (str): Full command line.
        user (str):
        cpu_percent (float):
        memory_percent (float):
        memory_rss_bytes (int):
        status (SystemProcessStatus):
        ppid (int | Unset):
    """

    pid: int
    name: str
    command: str
    user: str
    cpu_percent: float
    memory_percent: float
    memory_rss_bytes: int
    status: SystemProcessStatus
    ppid: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        pid = self.pid

        name = self.name

        command = self.command

        user = self.user

        cpu_percent = self.cpu_percent

        memory_percent = self.memory_percent

        memory_rss_bytes = self.memory_rss_bytes

        status = self.status.value

        ppid = self.ppid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "pid": pid,
                "name": name,
                "command": command,
                "user": user,
                "cpu_percent": cpu_percent,
                "memory_percent": memory_percent,
                "memory_rss_bytes": memory_rss_bytes,
                "status": status,
            }
        )
        if ppid is not UNSET:
            field_dict["ppid"] = ppid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        pid = d.pop("pid")

        name = d.pop("name")

        command = d.pop("command")

        user = d.pop("user")

        cpu_percent = d.pop("cpu_percent")

        memory_percent = d.pop("memory_percent")

        memory_rss_bytes = d.pop("memory_rss_bytes")

        status = SystemProcessStatus(d.pop("status"))

        ppid = d.pop("ppid", UNSET)

        _system_process_instance = cls(
            pid=pid,
            name=name,
            command=command,
            user=user,
            cpu_percent=cpu_percent,
            memory_percent=memory_percent,
            memory_rss_bytes=memory_rss_bytes,
            status=status,
            ppid=ppid,
        )

        _system_process_instance.additional_properties = d
        return _system_process_instance

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
