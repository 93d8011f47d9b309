from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.image_format import ImageFormat
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="ScreenshotRequest")


@_attrs_define(eq=False, repr=False)
class ScreenshotRequest(WireModel):
    """
    Attributes:
        format_ (ImageFormat | Unset):
        quality (int | Unset): JPEG quality (ignored for PNG). Default: 90.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "format",
            "quality",
        }
    )

    format_: ImageFormat | Unset = UNSET
    quality: int | Unset = 90

    def to_dict(self) -> dict[str, Any]:
        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality = self.quality

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update({})
        if format_ is not UNSET:
            field_dict["format"] = format_
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        _format_ = d.get("format")
        format_: ImageFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = _types.as_enum(ImageFormat, _format_)

        quality = _types.as_int_or_none(d.get("quality"))

        _screenshot_request_instance = cls(
            format_=format_,
            quality=quality,
        )
        dict.update(_screenshot_request_instance, d)
        return _screenshot_request_instance

    @property
    def format(self) -> ImageFormat | Unset:
        """``format_``, by its wire name."""
        return self.format_
