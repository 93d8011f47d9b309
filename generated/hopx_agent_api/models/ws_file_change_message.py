from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_file_change_message_event import WsFileChangeMessageEvent
from ..models.ws_file_change_message_type import WsFileChangeMessageType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsFileChangeMessage")


@_attrs_define
class WsFileChangeMessage:
    """`/files/watch` server → client, one filesystem event.

    Attributes:
        type_ (WsFileChangeMessageType):
        path (str):
        event (WsFileChangeMessageEvent):
        timestamp (datetime.datetime):
        old_path (str | Unset): Previous path (`renamed`).
        is_directory (bool | Unset):
    """

    type_: WsFileChangeMessageType
    path: str
    event: WsFileChangeMessageEvent
    timestamp: datetime.datetime
    old_path: str | Unset = UNSET
    is_directory: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        path = self.path

        event = self.event.value

        timestamp = self.timestamp.isoformat()

        old_path = self.old_path

        is_directory = self.is_directory

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "path": path,
                "event": event,
                "timestamp": timestamp,
            }
        )
        if old_path is not UNSET:
            field_dict["old_path"] = old_path
        if is_directory is not UNSET:
            field_dict["is_directory"] = is_directory

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsFileChangeMessageType(d.pop("type"))

        path = d.pop("path")

        event = WsFileChangeMessageEvent(d.pop("event"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        old_path = d.pop("old_path", UNSET)

        is_directory = d.pop("is_directory", UNSET)

        _ws_file_change_message_instance = cls(
            type_=type_,
            path=path,
            event=event,
            timestamp=timestamp,
            old_path=old_path,
            is_directory=is_directory,
        )

        _ws_file_change_message_instance.additional_properties = d
        return _ws_file_change_message_instance

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
