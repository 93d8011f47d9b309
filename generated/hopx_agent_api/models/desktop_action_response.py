from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DesktopActionResponse")


@_attrs_define
class DesktopActionResponse:
    """Acknowledgement of a desktop input action.

    Attributes:
        success (bool):
        timestamp (datetime.datetime):
        message (str | Unset):
    """

    success: bool
    timestamp: datetime.datetime
    message: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        timestamp = self.timestamp.isoformat()

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "timestamp": timestamp,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        message = d.pop("message", UNSET)

        _desktop_action_response_instance = cls(
            success=success,
            timestamp=timestamp,
            message=message,
        )

        _desktop_action_response_instance.additional_properties = d
        return _desktop_action_response_instance

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
