from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="RecordingStopRequest")


@_attrs_define(eq=False, repr=False)
class RecordingStopRequest(WireModel):
    """
    Attributes:
        recording_id (str):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "recording_id",
        }
    )

    recording_id: str

    def to_dict(self) -> dict[str, Any]:
        recording_id = self.recording_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "recording_id": recording_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        recording_id = _types.as_str(d.get("recording_id"))

        _recording_stop_request_instance = cls(
            recording_id=recording_id,
        )
        dict.update(_recording_stop_request_instance, d)
        return _recording_stop_request_instance
