from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_file_change_message_event import WsFileChangeMessageEvent
from ..models.ws_file_change_message_type import WsFileChangeMessageType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="WsFileChangeMessage")


@_attrs_define(eq=False, repr=False)
class WsFileChangeMessage(WireModel):
    """`/files/watch` server → client, one filesystem event.

    Attributes:
        type_ (WsFileChangeMessageType):
        path (str):
        event (WsFileChangeMessageEvent):
        timestamp (datetime.datetime):
        old_path (str | Unset): Previous path (`renamed`).
        is_directory (bool | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "path",
            "event",
            "timestamp",
            "old_path",
            "is_directory",
        }
    )

    type_: WsFileChangeMessageType
    path: str
    event: WsFileChangeMessageEvent
    timestamp: datetime.datetime
    old_path: str | Unset = UNSET
    is_directory: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        path = self.path

        event = self.event.value

        timestamp = self.timestamp.isoformat()

        old_path = self.old_path

        is_directory = self.is_directory

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsFileChangeMessageType, d.get("type"))

        path = _types.as_str(d.get("path"))

        event = _types.as_enum(WsFileChangeMessageEvent, d.get("event"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        old_path = _types.as_str_or_none(d.get("old_path"))

        is_directory = _types.as_bool_or_none(d.get("is_directory"))

        _ws_file_change_message_instance = cls(
            type_=type_,
            path=path,
            event=event,
            timestamp=timestamp,
            old_path=old_path,
            is_directory=is_directory,
        )
        dict.update(_ws_file_change_message_instance, d)
        return _ws_file_change_message_instance

    @property
    def type(self) -> WsFileChangeMessageType:
        """``type_``, by its wire name."""
        return self.type_
