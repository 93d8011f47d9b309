from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="CacheClearResponse")


@_attrs_define
class CacheClearResponse:
    """
    Attributes:
        success (bool):
        message (str):
        cleared (int): Entries dropped.
        timestamp (datetime.datetime):
    """

    success: bool
    message: str
    cleared: int
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        cleared = self.cleared

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "success": success,
                "message": message,
                "cleared": cleared,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        message = d.pop("message")

        cleared = d.pop("cleared")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _cache_clear_response_instance = cls(
            success=success,
            message=message,
            cleared=cleared,
            timestamp=timestamp,
        )

        _cache_clear_response_instance.additional_properties = d
        return _cache_clear_response_instance

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
