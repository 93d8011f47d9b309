from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="DiskStats")


@_attrs_define(eq=False, repr=False)
class DiskStats(WireModel):
    """
    Attributes:
        used_bytes (int): Bytes used under /workspace.
        total_bytes (int | Unset): Size of the filesystem holding /workspace, when known.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "used_bytes",
            "total_bytes",
        }
    )

    used_bytes: int
    total_bytes: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        used_bytes = self.used_bytes

        total_bytes = self.total_bytes

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "used_bytes": used_bytes,
            }
        )
        if total_bytes is not UNSET:
            field_dict["total_bytes"] = total_bytes

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        used_bytes = _types.as_int(d.get("used_bytes"))

        total_bytes = _types.as_int_or_none(d.get("total_bytes"))

        _disk_stats_instance = cls(
            used_bytes=used_bytes,
            total_bytes=total_bytes,
        )
        dict.update(_disk_stats_instance, d)
        return _disk_stats_instance
