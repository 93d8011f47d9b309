from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.system_process import SystemProcess


T = TypeVar("T", bound="SystemProcessList")


@_attrs_define
class SystemProcessList:
    """
    Attributes:
        processes (list[SystemProcess]):
        count (int):
        timestamp (datetime.datetime):
    """

    processes: list[SystemProcess]
    count: int
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        processes = []
        for processes_item_data in self.processes:
            processes_item = processes_item_data.to_dict()
            processes.append(processes_item)

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "processes": processes,
                "count": count,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.system_process import SystemProcess  # noqa: PLC0415

        d = dict(src_dict)
        processes = []
        _processes = d.pop("processes")
        for processes_item_data in _processes:
            processes_item = SystemProcess.from_dict(processes_item_data)

            processes.append(processes_item)

        count = d.pop("count")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _system_process_list_instance = cls(
            processes=processes,
            count=count,
            timestamp=timestamp,
        )

        _system_process_list_instance.additional_properties = d
        return _system_process_list_instance

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
