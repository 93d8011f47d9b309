from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="OcrRequest")


@_attrs_define(eq=False, repr=False)
class OcrRequest(WireModel):
    """Region to read; give all of `x`, `y`, `width`, `height`, or none (whole screen).

    Attributes:
        x (int | Unset):
        y (int | Unset):
        width (int | Unset):
        height (int | Unset):
        language (str | Unset): Tesseract language code(s), e.g. `eng`, `eng+deu`. Default: 'eng'.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "x",
            "y",
            "width",
            "height",
            "language",
        }
    )

    x: int | Unset = UNSET
    y: int | Unset = UNSET
    width: int | Unset = UNSET
    height: int | Unset = UNSET
    language: str | Unset = "eng"

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        width = self.width

        height = self.height

        language = self.language

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        x = _types.as_int_or_none(d.get("x"))

        y = _types.as_int_or_none(d.get("y"))

        width = _types.as_int_or_none(d.get("width"))

        height = _types.as_int_or_none(d.get("height"))

        language = _types.as_str_or_none(d.get("language"))

        _ocr_request_instance = cls(
            x=x,
            y=y,
            width=width,
            height=height,
            language=language,
        )
        dict.update(_ocr_request_instance, d)
        return _ocr_request_instance
