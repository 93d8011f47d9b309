from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ping_response_message import PingResponseMessage

T = TypeVar("T", bound="PingResponse")


@_attrs_define
class PingResponse:
    """
    Attributes:
        message (PingResponseMessage):
        timestamp (datetime.datetime):
    """

    message: PingResponseMessage
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message.value

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message = PingResponseMessage(d.pop("message"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _ping_response_instance = cls(
            message=message,
            timestamp=timestamp,
        )

        _ping_response_instance.additional_properties = d
        return _ping_response_instance

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
