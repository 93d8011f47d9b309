from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_format import ImageFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="ScreenshotRegionRequest")


@_attrs_define
class ScreenshotRegionRequest:
    """
    Attributes:
        x (int):
        y (int):
        width (int):
        height (int):
        format_ (ImageFormat | Unset):
        quality (int | Unset):  Default: 90.
    """

    x: int
    y: int
    width: int
    height: int
    format_: ImageFormat | Unset = UNSET
    quality: int | Unset = 90
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        width = self.width

        height = self.height

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality = self.quality

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
        if format_ is not UNSET:
            field_dict["format"] = format_
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        x = d.pop("x")

        y = d.pop("y")

        width = d.pop("width")

        height = d.pop("height")

        _format_ = d.pop("format", UNSET)
        format_: ImageFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = ImageFormat(_format_)

        quality = d.pop("quality", UNSET)

        _screenshot_region_request_instance = cls(
            x=x,
            y=y,
            width=width,
            height=height,
            format_=format_,
            quality=quality,
        )

        _screenshot_region_request_instance.additional_properties = d
        return _screenshot_region_request_instance

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
