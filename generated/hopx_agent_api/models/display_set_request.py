from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="DisplaySetRequest")


@_attrs_define(eq=False, repr=False)
class DisplaySetRequest(WireModel):
    """
    Attributes:
        width (int):
        height (int):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "width",
            "height",
        }
    )

    width: int
    height: int

    def to_dict(self) -> dict[str, Any]:
        width = self.width

        height = self.height

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "width": width,
                "height": height,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        width = _types.as_int(d.get("width"))

        height = _types.as_int(d.get("height"))

        _display_set_request_instance = cls(
            width=width,
            height=height,
        )
        dict.update(_display_set_request_instance, d)
        return _display_set_request_instance
