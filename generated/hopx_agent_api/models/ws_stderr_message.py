from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_stderr_message_type import WsStderrMessageType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="WsStderrMessage")


@_attrs_define(eq=False, repr=False)
class WsStderrMessage(WireModel):
    """Server → client, a chunk of standard error.

    Attributes:
        type_ (WsStderrMessageType):
        data (str):
        timestamp (datetime.datetime):
        execution_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "data",
            "timestamp",
            "execution_id",
        }
    )

    type_: WsStderrMessageType
    data: str
    timestamp: datetime.datetime
    execution_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        data = self.data

        timestamp = self.timestamp.isoformat()

        execution_id = self.execution_id

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsStderrMessageType, d.get("type"))

        data = _types.as_str(d.get("data"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        execution_id = _types.as_str_or_none(d.get("execution_id"))

        _ws_stderr_message_instance = cls(
            type_=type_,
            data=data,
            timestamp=timestamp,
            execution_id=execution_id,
        )
        dict.update(_ws_stderr_message_instance, d)
        return _ws_stderr_message_instance

    @property
    def type(self) -> WsStderrMessageType:
        """``type_``, by its wire name."""
        return self.type_
