from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="DiskStats")


@_attrs_define
class DiskStats:
    """
    Attributes:
        used_bytes (int): Bytes used under /workspace.
        total_bytes (int | Unset): Size of the filesystem holding /workspace, when known.
    """

    used_bytes: int
    total_bytes: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        used_bytes = self.used_bytes

        total_bytes = self.total_bytes

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "used_bytes": used_bytes,
            }
        )
        if total_bytes is not UNSET:
            field_dict["total_bytes"] = total_bytes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        used_bytes = d.pop("used_bytes")

        total_bytes = d.pop("total_bytes", UNSET)

        _disk_stats_instance = cls(
            used_bytes=used_bytes,
            total_bytes=total_bytes,
        )

        _disk_stats_instance.additional_properties = d
        return _disk_stats_instance

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
