from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="CpuUsage")


@_attrs_define(eq=False, repr=False)
class CpuUsage(WireModel):
    """
    Attributes:
        usage_percent (float):
        cores (int):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "usage_percent",
            "cores",
        }
    )

    usage_percent: float
    cores: int

    def to_dict(self) -> dict[str, Any]:
        usage_percent = self.usage_percent

        cores = self.cores

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "usage_percent": usage_percent,
                "cores": cores,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        usage_percent = _types.as_float(d.get("usage_percent"))

        cores = _types.as_int(d.get("cores"))

        _cpu_usage_instance = cls(
            usage_percent=usage_percent,
            cores=cores,
        )
        dict.update(_cpu_usage_instance, d)
        return _cpu_usage_instance
