from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.system_process_status import SystemProcessStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="SystemProcess")


@_attrs_define(eq=False, repr=False)
class SystemProcess(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "pid",
            "name",
            "command",
            "user",
            "cpu_percent",
            "memory_percent",
            "memory_rss_bytes",
            "status",
            "ppid",
        }
    )

    pid: int
    name: str
    command: str
    user: str
    cpu_percent: float
    memory_percent: float
    memory_rss_bytes: int
    status: SystemProcessStatus
    ppid: int | Unset = UNSET

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

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        pid = _types.as_int(d.get("pid"))

        name = _types.as_str(d.get("name"))

        command = _types.as_str(d.get("command"))

        user = _types.as_str(d.get("user"))

        cpu_percent = _types.as_float(d.get("cpu_percent"))

        memory_percent = _types.as_float(d.get("memory_percent"))

        memory_rss_bytes = _types.as_int(d.get("memory_rss_bytes"))

        status = _types.as_enum(SystemProcessStatus, d.get("status"))

        ppid = _types.as_int_or_none(d.get("ppid"))

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
        dict.update(_system_process_instance, d)
        return _system_process_instance
