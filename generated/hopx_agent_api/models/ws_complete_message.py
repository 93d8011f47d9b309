from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_complete_message_type import WsCompleteMessageType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsCompleteMessage")


@_attrs_define
class WsCompleteMessage:
    """Server → client, the last frame of an execution.

    Attributes:
        type_ (WsCompleteMessageType):
        success (bool):
        execution_id (str | Unset):
        timestamp (datetime.datetime | Unset):
    """

    type_: WsCompleteMessageType
    success: bool
    execution_id: str | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        success = self.success

        execution_id = self.execution_id

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "success": success,
            }
        )
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsCompleteMessageType(d.pop("type"))

        success = d.pop("success")

        execution_id = d.pop("execution_id", UNSET)

        _timestamp = d.pop("timestamp", UNSET)
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = datetime.datetime.fromisoformat(_timestamp)

        _ws_complete_message_instance = cls(
            type_=type_,
            success=success,
            execution_id=execution_id,
            timestamp=timestamp,
        )

        _ws_complete_message_instance.additional_properties = d
        return _ws_complete_message_instance

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
