from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.recording_info_status import RecordingInfoStatus
from ..models.recording_quality import RecordingQuality
from ..models.video_format import VideoFormat
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="RecordingInfo")


@_attrs_define(eq=False, repr=False)
class RecordingInfo(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "recording_id",
            "status",
            "format",
            "start_time",
            "end_time",
            "duration",
            "file_size",
            "fps",
            "quality",
            "file_path",
            "error",
        }
    )

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

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        recording_id = _types.as_str(d.get("recording_id"))

        status = _types.as_enum(RecordingInfoStatus, d.get("status"))

        format_ = _types.as_enum(VideoFormat, d.get("format"))

        start_time = _types.as_datetime(d.get("start_time"))

        def _parse_end_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = _types.as_datetime_or_none(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        end_time = _parse_end_time(d.get("end_time"))

        duration = _types.as_float(d.get("duration"))

        file_size = _types.as_int(d.get("file_size"))

        fps = _types.as_int_or_none(d.get("fps"))

        _quality = d.get("quality")
        quality: RecordingQuality | Unset
        if isinstance(_quality, Unset):
            quality = UNSET
        else:
            quality = _types.as_enum(RecordingQuality, _quality)

        file_path = _types.as_str_or_none(d.get("file_path"))

        error = _types.as_str_or_none(d.get("error"))

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
        dict.update(_recording_info_instance, d)
        return _recording_info_instance

    @property
    def format(self) -> VideoFormat:
        """``format_``, by its wire name."""
        return self.format_
