from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="ClipboardContent")


@_attrs_define(eq=False, repr=False)
class ClipboardContent(WireModel):
    """
    Attributes:
        text (str):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "text",
            "timestamp",
        }
    )

    text: str
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "text": text,
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
        text = _types.as_str(d.get("text"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _clipboard_content_instance = cls(
            text=text,
            timestamp=timestamp,
        )
        dict.update(_clipboard_content_instance, d)
        return _clipboard_content_instance
