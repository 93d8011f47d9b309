from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.recording_info_status import RecordingInfoStatus
from ..models.recording_quality import RecordingQuality
from ..models.video_format import VideoFormat
from ..types import UNSET, Unset

T = TypeVar("T", bound="RecordingInfo")


@_attrs_define
class RecordingInfo:
    """
    Attributes:
        recording_id (str):
        status (RecordingInfoStatus):
        format_ (VideoFormat):
        start_time (datetime.datetime):
        end_time (datetime.datetime | None): Null while recording.
        duration (float): Seconds recorded so far.
        file_size (int):
        fps (int | Unset):
        quality (RecordingQuality | Unset):
        file_path (str | Unset): Path of the video file in the sandbox.
        error (str | Unset): Why the recording failed (`status` = `failed`).
    """

    recording_id: str
    status: RecordingInfoStatus
    format_: VideoFormat
    start_time: datetime.datetime
    end_time: datetime.datetime | None
    duration: float
    file_size: int
    fps: int | Unset = UNSET
    quality: RecordingQuality | Unset = UNSET
    file_path: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        recording_id = self.recording_id

        status = self.status.value

        format_ = self.format_.value

        start_time = self.start_time.isoformat()

        end_time: None | str
        if isinstance(self.end_time, datetime.datetime):
            end_time = self.end_time.isoformat()
        else:
            end_time = self.end_time

        duration = self.duration

        file_size = self.file_size

        fps = self.fps

        quality: str | Unset = UNSET
        if not isinstance(self.quality, Unset):
            quality = self.quality.value

        file_path = self.file_path

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "recording_id": recording_id,
                "status": status,
                "format": format_,
                "start_time": start_time,
                "end_time": end_time,
                "duration": duration,
                "file_size": file_size,
            }
        )
        if fps is not UNSET:
            field_dict["fps"] = fps
        if quality is not UNSET:
            field_dict["quality"] = quality
        if file_path is not UNSET:
            field_dict["file_path"] = file_path
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        recording_id = d.pop("recording_id")

        status = RecordingInfoStatus(d.pop("status"))

        format_ = VideoFormat(d.pop("format"))

        start_time = datetime.datetime.fromisoformat(d.pop("start_time"))

        def _parse_end_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = datetime.datetime.fromisoformat(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        end_time = _parse_end_time(d.pop("end_time"))

        duration = d.pop("duration")

        file_size = d.pop("file_size")

        fps = d.pop("fps", UNSET)

        _quality = d.pop("quality", UNSET)
        quality: RecordingQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = RecordingQuality(_quality)

        file_path = d.pop("file_path", UNSET)

        error = d.pop("error", UNSET)

        _recording_info_instance = cls(
            recording_id=recording_id,
            status=status,
            format_=format_,
            start_time=start_time,
            end_time=end_time,
            duration=duration,
            file_size=file_size,
            fps=fps,
            quality=quality,
            file_path=file_path,
            error=error,
        )

        _recording_info_instance.additional_properties = d
        return _recording_info_instance

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
