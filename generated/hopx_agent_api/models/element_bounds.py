from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="ElementBounds")


@_attrs_define(eq=False, repr=False)
class ElementBounds(WireModel):
    """Bounding box of on-screen text (top-left corner and size, pixels).

    Attributes:
        x (int):
        y (int):
        width (int):
        height (int):
        text (str | Unset): The text matched.
        confidence (float | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "x",
            "y",
            "width",
            "height",
            "text",
            "confidence",
        }
    )

    x: int
    y: int
    width: int
    height: int
    text: str | Unset = UNSET
    confidence: float | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        width = self.width

        height = self.height

        text = self.text

        confidence = self.confidence

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "x": x,
                "y": y,
                "width": width,
                "height": height,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if confidence is not UNSET:
            field_dict["confidence"] = confidence

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        x = _types.as_int(d.get("x"))

        y = _types.as_int(d.get("y"))

        width = _types.as_int(d.get("width"))

        height = _types.as_int(d.get("height"))

        text = _types.as_str_or_none(d.get("text"))

        confidence = _types.as_float_or_none(d.get("confidence"))

        _element_bounds_instance = cls(
            x=x,
            y=y,
            width=width,
            height=height,
            text=text,
            confidence=confidence,
        )
        dict.update(_element_bounds_instance, d)
        return _element_bounds_instance
