from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ping_response_message import PingResponseMessage
from ..types import WireModel

T = TypeVar("T", bound="PingResponse")


@_attrs_define(eq=False, repr=False)
class PingResponse(WireModel):
    """
    Attributes:
        message (PingResponseMessage):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "message",
            "timestamp",
        }
    )

    message: PingResponseMessage
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        message = self.message.value

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "message": message,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        message = _types.as_enum(PingResponseMessage, d.get("message"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _ping_response_instance = cls(
            message=message,
            timestamp=timestamp,
        )
        dict.update(_ping_response_instance, d)
        return _ping_response_instance
