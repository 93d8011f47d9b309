from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ResourceUsage")


@_attrs_define
class ResourceUsage:
    """Memory or disk usage, bytes.

    Attributes:
        total (int):
        used (int):
        free (int):
        usage_percent (float):
    """

    total: int
    used: int
    free: int
    usage_percent: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        used = self.used

        free = self.free

        usage_percent = self.usage_percent

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "used": used,
                "free": free,
                "usage_percent": usage_percent,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        total = d.pop("total")

        used = d.pop("used")

        free = d.pop("free")

        usage_percent = d.pop("usage_percent")

        _resource_usage_instance = cls(
            total=total,
            used=used,
            free=free,
            usage_percent=usage_percent,
        )

        _resource_usage_instance.additional_properties = d
        return _resource_usage_instance

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
