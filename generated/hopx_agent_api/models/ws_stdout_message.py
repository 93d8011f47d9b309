from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_stdout_message_type import WsStdoutMessageType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsStdoutMessage")


@_attrs_define
class WsStdoutMessage:
    """Server → client, a chunk of standard output.

    Attributes:
        type_ (WsStdoutMessageType):
        data (str):
        timestamp (datetime.datetime):
        execution_id (str | Unset): Set on `/stream/ipython`.
    """

    type_: WsStdoutMessageType
    data: str
    timestamp: datetime.datetime
    execution_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        data = self.data

        timestamp = self.timestamp.isoformat()

        execution_id = self.execution_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "data": data,
                "timestamp": timestamp,
            }
        )
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsStdoutMessageType(d.pop("type"))

        data = d.pop("data")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        execution_id = d.pop("execution_id", UNSET)

        _ws_stdout_message_instance = cls(
            type_=type_,
            data=data,
            timestamp=timestamp,
            execution_id=execution_id,
        )

        _ws_stdout_message_instance.additional_properties = d
        return _ws_stdout_message_instance

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
