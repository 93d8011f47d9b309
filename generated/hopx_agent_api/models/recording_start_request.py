from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recording_quality import RecordingQuality
from ..models.video_format import VideoFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordingStartRequest")


@_attrs_define
class RecordingStartRequest:
    """
    Attributes:
        fps (int | Unset):  Default: 10.
        format_ (VideoFormat | Unset):
        quality (RecordingQuality | Unset):
    """

    fps: int | Unset = 10
    format_: VideoFormat | Unset = UNSET
    quality: RecordingQuality | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        fps = self.fps

        format_: str | Unset = UNSET
        if not isinstance(self.format_, Unset):
            format_ = self.format_.value

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if fps is not UNSET:
            field_dict["fps"] = fps
        if format_ is not UNSET:
            field_dict["format"] = format_
        if quality is not UNSET:
            field_dict["quality"] = quality

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        fps = d.pop("fps", UNSET)

        _format_ = d.pop("format", UNSET)
        format_: VideoFormat | Unset
        if isinstance(_format_, Unset):
            format_ = UNSET
        else:
            format_ = VideoFormat(_format_)

        _quality = d.pop("quality", UNSET)
        quality: RecordingQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = RecordingQuality(_quality)

        _recording_start_request_instance = cls(
            fps=fps,
            format_=format_,
            quality=quality,
        )

        _recording_start_request_instance.additional_properties = d
        return _recording_start_request_instance

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
