from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="FileResponse")


@_attrs_define(eq=False, repr=False)
class FileResponse(WireModel):
    """
    Attributes:
        success (bool):
        path (str): Absolute path concerned.
        size (int): Size in bytes (written / uploaded / removed file; 0 for directories).
        message (str):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "success",
            "path",
            "size",
            "message",
            "timestamp",
        }
    )

    success: bool
    path: str
    size: int
    message: str
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        path = self.path

        size = self.size

        message = self.message

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "success": success,
                "path": path,
                "size": size,
                "message": message,
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
        success = _types.as_bool(d.get("success"))

        path = _types.as_str(d.get("path"))

        size = _types.as_int(d.get("size"))

        message = _types.as_str(d.get("message"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _file_response_instance = cls(
            success=success,
            path=path,
            size=size,
            message=message,
            timestamp=timestamp,
        )
        dict.update(_file_response_instance, d)
        return _file_response_instance
