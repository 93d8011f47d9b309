from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CacheInfo")


@_attrs_define
class CacheInfo:
    """
    Attributes:
        size (int): Entries cached.
        max_size (int):
        hits (int):
        misses (int):
        hit_rate (float):
        ttl_seconds (int | Unset):
    """

    size: int
    max_size: int
    hits: int
    misses: int
    hit_rate: float
    ttl_seconds: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        max_size = self.max_size

        hits = self.hits

        misses = self.misses

        hit_rate = self.hit_rate

        ttl_seconds = self.ttl_seconds

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "size": size,
                "max_size": max_size,
                "hits": hits,
                "misses": misses,
                "hit_rate": hit_rate,
            }
        )
        if ttl_seconds is not UNSET:
            field_dict["ttl_seconds"] = ttl_seconds

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        size = d.pop("size")

        max_size = d.pop("max_size")

        hits = d.pop("hits")

        misses = d.pop("misses")

        hit_rate = d.pop("hit_rate")

        ttl_seconds = d.pop("ttl_seconds", UNSET)

        _cache_info_instance = cls(
            size=size,
            max_size=max_size,
            hits=hits,
            misses=misses,
            hit_rate=hit_rate,
            ttl_seconds=ttl_seconds,
        )

        _cache_info_instance.additional_properties = d
        return _cache_info_instance

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
