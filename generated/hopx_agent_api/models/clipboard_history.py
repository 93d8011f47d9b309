from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="ClipboardHistory")


@_attrs_define(eq=False, repr=False)
class ClipboardHistory(WireModel):
    """
    Attributes:
        history (list[str]): Most recent first (published SDK returns this list of strings).
        count (int):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "history",
            "count",
            "timestamp",
        }
    )

    history: list[str]
    count: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        history = self.history

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "history": history,
                "count": count,
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
        history = cast(list[str], _types.as_list(d.get("history")))

        count = _types.as_int(d.get("count"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _clipboard_history_instance = cls(
            history=history,
            count=count,
            timestamp=timestamp,
        )
        dict.update(_clipboard_history_instance, d)
        return _clipboard_history_instance
