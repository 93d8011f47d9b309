from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="CacheClearResponse")


@_attrs_define(eq=False, repr=False)
class CacheClearResponse(WireModel):
    """
    Attributes:
        success (bool):
        message (str):
        cleared (int): Entries dropped.
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "success",
            "message",
            "cleared",
            "timestamp",
        }
    )

    success: bool
    message: str
    cleared: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        message = self.message

        cleared = self.cleared

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "success": success,
                "message": message,
                "cleared": cleared,
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

        message = _types.as_str(d.get("message"))

        cleared = _types.as_int(d.get("cleared"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _cache_clear_response_instance = cls(
            success=success,
            message=message,
            cleared=cleared,
            timestamp=timestamp,
        )
        dict.update(_cache_clear_response_instance, d)
        return _cache_clear_response_instance
