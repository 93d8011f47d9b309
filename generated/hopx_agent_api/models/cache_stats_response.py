from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.cache_info import CacheInfo


T = TypeVar("T", bound="CacheStatsResponse")


@_attrs_define
class CacheStatsResponse:
    """
    Attributes:
        cache (CacheInfo):
        timestamp (datetime.datetime):
    """

    cache: CacheInfo
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        cache = self.cache.to_dict()

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "cache": cache,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.cache_info import CacheInfo  # noqa: PLC0415

        d = dict(src_dict)
        cache = CacheInfo.from_dict(d.pop("cache"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _cache_stats_response_instance = cls(
            cache=cache,
            timestamp=timestamp,
        )

        _cache_stats_response_instance.additional_properties = d
        return _cache_stats_response_instance

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
