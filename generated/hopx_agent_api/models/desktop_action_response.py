from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="DesktopActionResponse")


@_attrs_define(eq=False, repr=False)
class DesktopActionResponse(WireModel):
    """Acknowledgement of a desktop input action.

    Attributes:
        success (bool):
        timestamp (datetime.datetime):
        message (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "success",
            "timestamp",
            "message",
        }
    )

    success: bool
    timestamp: datetime.datetime
    message: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        timestamp = self.timestamp.isoformat()

        message = self.message

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "success": success,
                "timestamp": timestamp,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        success = _types.as_bool(d.get("success"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        message = _types.as_str_or_none(d.get("message"))

        _desktop_action_response_instance = cls(
            success=success,
            timestamp=timestamp,
            message=message,
        )
        dict.update(_desktop_action_response_instance, d)
        return _desktop_action_response_instance
