from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.image_format import ImageFormat
from ..types import WireModel

T = TypeVar("T", bound="ScreenshotResponse")


@_attrs_define(eq=False, repr=False)
class ScreenshotResponse(WireModel):
    """
    Attributes:
        image (str): Base64 of the image file.
        format_ (ImageFormat):
        width (int):
        height (int):
        size (int): Size of the decoded image, bytes.
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "image",
            "format",
            "width",
            "height",
            "size",
            "timestamp",
        }
    )

    image: str
    format_: ImageFormat
    width: int
    height: int
    size: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        image = self.image

        format_ = self.format_.value

        width = self.width

        height = self.height

        size = self.size

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        image = _types.as_str(d.get("image"))

        format_ = _types.as_enum(ImageFormat, d.get("format"))

        width = _types.as_int(d.get("width"))

        height = _types.as_int(d.get("height"))

        size = _types.as_int(d.get("size"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _screenshot_response_instance = cls(
            image=image,
            format_=format_,
            width=width,
            height=height,
            size=size,
            timestamp=timestamp,
        )
        dict.update(_screenshot_response_instance, d)
        return _screenshot_response_instance

    @property
    def format(self) -> ImageFormat:
        """``format_``, by its wire name."""
        return self.format_
