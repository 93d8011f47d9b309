from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OcrRequest")


@_attrs_define
class OcrRequest:
    """Region to read; give all of `x`, `y`, `width`, `height`, or none (whole screen).

    Attributes:
        x (int | Unset):
        y (int | Unset):
        width (int | Unset):
        height (int | Unset):
        language (str | Unset): Tesseract language code(s), e.g. `eng`, `eng+deu`. Default: 'eng'.
    """

    x: int | Unset = UNSET
    y: int | Unset = UNSET
    width: int | Unset = UNSET
    height: int | Unset = UNSET
    language: str | Unset = "eng"
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        width = self.width

        height = self.height

        language = self.language

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if x is not UNSET:
            field_dict["x"] = x
        if y is not UNSET:
            field_dict["y"] = y
        if width is not UNSET:
            field_dict["width"] = width
        if height is not UNSET:
            field_dict["height"] = height
        if language is not UNSET:
            field_dict["language"] = language

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        x = d.pop("x", UNSET)

        y = d.pop("y", UNSET)

        width = d.pop("width", UNSET)

        height = d.pop("height", UNSET)

        language = d.pop("language", UNSET)

        _ocr_request_instance = cls(
            x=x,
            y=y,
            width=width,
            height=height,
            language=language,
        )

        _ocr_request_instance.additional_properties = d
        return _ocr_request_instance

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
