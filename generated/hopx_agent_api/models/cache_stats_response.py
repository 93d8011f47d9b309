from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.cache_info import CacheInfo


T = TypeVar("T", bound="CacheStatsResponse")


@_attrs_define(eq=False, repr=False)
class CacheStatsResponse(WireModel):
    """
    Attributes:
        cache (CacheInfo):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "cache",
            "timestamp",
        }
    )

    cache: CacheInfo
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        cache = self.cache.to_dict()

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "cache": cache,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.cache_info import CacheInfo  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        cache = CacheInfo.from_dict(d.get("cache"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _cache_stats_response_instance = cls(
            cache=cache,
            timestamp=timestamp,
        )
        dict.update(_cache_stats_response_instance, d)
        return _cache_stats_response_instance
