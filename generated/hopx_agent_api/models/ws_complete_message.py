from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_complete_message_type import WsCompleteMessageType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="WsCompleteMessage")


@_attrs_define(eq=False, repr=False)
class WsCompleteMessage(WireModel):
    """Server → client, the last frame of an execution.

    Attributes:
        type_ (WsCompleteMessageType):
        success (bool):
        execution_id (str | Unset):
        timestamp (datetime.datetime | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "success",
            "execution_id",
            "timestamp",
        }
    )

    type_: WsCompleteMessageType
    success: bool
    execution_id: str | Unset = UNSET
    timestamp: datetime.datetime | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        success = self.success

        execution_id = self.execution_id

        timestamp: str | Unset = UNSET
        if not isinstance(self.timestamp, Unset):
            timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsCompleteMessageType, d.get("type"))

        success = _types.as_bool(d.get("success"))

        execution_id = _types.as_str_or_none(d.get("execution_id"))

        _timestamp = d.get("timestamp")
        timestamp: datetime.datetime | Unset
        if isinstance(_timestamp, Unset):
            timestamp = UNSET
        else:
            timestamp = _types.as_datetime_or_none(_timestamp)

        _ws_complete_message_instance = cls(
            type_=type_,
            success=success,
            execution_id=execution_id,
            timestamp=timestamp,
        )
        dict.update(_ws_complete_message_instance, d)
        return _ws_complete_message_instance

    @property
    def type(self) -> WsCompleteMessageType:
        """``type_``, by its wire name."""
        return self.type_
