from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.image_format import ImageFormat

T = TypeVar("T", bound="ScreenshotResponse")


@_attrs_define
class ScreenshotResponse:
    """
    Attributes:
        image (str): Base64 of the image file.
        format_ (ImageFormat):
        width (int):
        height (int):
        size (int): Size of the decoded image, bytes.
        timestamp (datetime.datetime):
    """

    image: str
    format_: ImageFormat
    width: int
    height: int
    size: int
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        format_ = self.format_.value

        width = self.width

        height = self.height

        size = self.size

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "image": image,
                "format": format_,
                "width": width,
                "height": height,
                "size": size,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        image = d.pop("image")

        format_ = ImageFormat(d.pop("format"))

        width = d.pop("width")

        height = d.pop("height")

        size = d.pop("size")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _screenshot_response_instance = cls(
            image=image,
            format_=format_,
            width=width,
            height=height,
            size=size,
            timestamp=timestamp,
        )

        _screenshot_response_instance.additional_properties = d
        return _screenshot_response_instance

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
