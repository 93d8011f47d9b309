from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="ResourceUsage")


@_attrs_define(eq=False, repr=False)
class ResourceUsage(WireModel):
    """Memory or disk usage, bytes.

    Attributes:
        total (int):
        used (int):
        free (int):
        usage_percent (float):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "total",
            "used",
            "free",
            "usage_percent",
        }
    )

    total: int
    used: int
    free: int
    usage_percent: float

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        used = self.used

        free = self.free

        usage_percent = self.usage_percent

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        total = _types.as_int(d.get("total"))

        used = _types.as_int(d.get("used"))

        free = _types.as_int(d.get("free"))

        usage_percent = _types.as_float(d.get("usage_percent"))

        _resource_usage_instance = cls(
            total=total,
            used=used,
            free=free,
            usage_percent=usage_percent,
        )
        dict.update(_resource_usage_instance, d)
        return _resource_usage_instance
