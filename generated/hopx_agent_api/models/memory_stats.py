from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="MemoryStats")


@_attrs_define(eq=False, repr=False)
class MemoryStats(WireModel):
    """
    Attributes:
        used_bytes (int):
        limit_bytes (int): Memory limit of the sandbox (host memory when unlimited).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "used_bytes",
            "limit_bytes",
        }
    )

    used_bytes: int
    limit_bytes: int

    def to_dict(self) -> dict[str, Any]:
        used_bytes = self.used_bytes

        limit_bytes = self.limit_bytes

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "used_bytes": used_bytes,
                "limit_bytes": limit_bytes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        used_bytes = _types.as_int(d.get("used_bytes"))

        limit_bytes = _types.as_int(d.get("limit_bytes"))

        _memory_stats_instance = cls(
            used_bytes=used_bytes,
            limit_bytes=limit_bytes,
        )
        dict.update(_memory_stats_instance, d)
        return _memory_stats_instance
