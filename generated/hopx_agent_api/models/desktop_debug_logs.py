from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="DesktopDebugLogs")


@_attrs_define(eq=False, repr=False)
class DesktopDebugLogs(WireModel):
    """
    Attributes:
        logs (list[str]):
        count (int):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "logs",
            "count",
            "timestamp",
        }
    )

    logs: list[str]
    count: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        logs = self.logs

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "logs": logs,
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
        logs = cast(list[str], _types.as_list(d.get("logs")))

        count = _types.as_int(d.get("count"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _desktop_debug_logs_instance = cls(
            logs=logs,
            count=count,
            timestamp=timestamp,
        )
        dict.update(_desktop_debug_logs_instance, d)
        return _desktop_debug_logs_instance
