from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.system_process import SystemProcess


T = TypeVar("T", bound="SystemProcessList")


@_attrs_define(eq=False, repr=False)
class SystemProcessList(WireModel):
    """
    Attributes:
        processes (list[SystemProcess]):
        count (int):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "processes",
            "count",
            "timestamp",
        }
    )

    processes: list[SystemProcess]
    count: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        processes = []
        for processes_item_data in self.processes:
            processes_item = processes_item_data.to_dict()
            processes.append(processes_item)

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "processes": processes,
                "count": count,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.system_process import SystemProcess  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        processes = []
        _processes = d.get("processes")
        for processes_item_data in _types.as_list(_processes):
            processes_item = SystemProcess.from_dict(processes_item_data)

            processes.append(processes_item)

        count = _types.as_int(d.get("count"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _system_process_list_instance = cls(
            processes=processes,
            count=count,
            timestamp=timestamp,
        )
        dict.update(_system_process_list_instance, d)
        return _system_process_list_instance
