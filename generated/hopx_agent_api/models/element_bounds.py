from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="ElementBounds")


@_attrs_define
class ElementBounds:
    """Bounding box of on-screen text (top-left corner and size, pixels).

    Attributes:
        x (int):
        y (int):
        width (int):
        height (int):
        text (str | Unset): The text matched.
        confidence (float | Unset):
    """

    x: int
    y: int
    width: int
    height: int
    text: str | Unset = UNSET
    confidence: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        width = self.width

        height = self.height

        text = self.text

        confidence = self.confidence

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        x = d.pop("x")

        y = d.pop("y")

        width = d.pop("width")

        height = d.pop("height")

        text = d.pop("text", UNSET)

        confidence = d.pop("confidence", UNSET)

        _element_bounds_instance = cls(
            x=x,
            y=y,
            width=width,
            height=height,
            text=text,
            confidence=confidence,
        )

        _element_bounds_instance.additional_properties = d
        return _element_bounds_instance

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
