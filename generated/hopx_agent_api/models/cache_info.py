from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="CacheInfo")


@_attrs_define(eq=False, repr=False)
class CacheInfo(WireModel):
    """
    Attributes:
        size (int): Entries cached.
        max_size (int):
        hits (int):
        misses (int):
        hit_rate (float):
        ttl_seconds (int | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "size",
            "max_size",
            "hits",
            "misses",
            "hit_rate",
            "ttl_seconds",
        }
    )

    size: int
    max_size: int
    hits: int
    misses: int
    hit_rate: float
    ttl_seconds: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        max_size = self.max_size

        hits = self.hits

        misses = self.misses

        hit_rate = self.hit_rate

        ttl_seconds = self.ttl_seconds

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        size = _types.as_int(d.get("size"))

        max_size = _types.as_int(d.get("max_size"))

        hits = _types.as_int(d.get("hits"))

        misses = _types.as_int(d.get("misses"))

        hit_rate = _types.as_float(d.get("hit_rate"))

        ttl_seconds = _types.as_int_or_none(d.get("ttl_seconds"))

        _cache_info_instance = cls(
            size=size,
            max_size=max_size,
            hits=hits,
            misses=misses,
            hit_rate=hit_rate,
            ttl_seconds=ttl_seconds,
        )
        dict.update(_cache_info_instance, d)
        return _cache_info_instance
