from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.recording_quality import RecordingQuality
from ..models.video_format import VideoFormat
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="RecordingStartRequest")


@_attrs_define(eq=False, repr=False)
class RecordingStartRequest(WireModel):
    """
    Attributes:
        fps (int | Unset):  Default: 10.
        format_ (VideoFormat | Unset):
        quality (RecordingQuality | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "fps",
            "format",
            "quality",
        }
    )

    fps: int | Unset = 10
    format_: VideoFormat | Unset = UNSET
    quality: RecordingQuality | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        fps = self.fps

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality.value

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update({})
        if fps is not UNSET:
            field_dict["fps"] = fps
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
        fps = _types.as_int_or_none(d.get("fps"))

        _format_ = d.get("format")
        format_: VideoFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = _types.as_enum(VideoFormat, _format_)

        _quality = d.get("quality")
        quality: RecordingQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = _types.as_enum(RecordingQuality, _quality)

        _recording_start_request_instance = cls(
            fps=fps,
            format_=format_,
            quality=quality,
        )
        dict.update(_recording_start_request_instance, d)
        return _recording_start_request_instance

    @property
    def format(self) -> VideoFormat | Unset:
        """``format_``, by its wire name."""
        return self.format_
