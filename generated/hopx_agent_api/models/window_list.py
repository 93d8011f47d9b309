from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.window_info import WindowInfo


T = TypeVar("T", bound="WindowList")


@_attrs_define(eq=False, repr=False)
class WindowList(WireModel):
    """
    Attributes:
        windows (list[WindowInfo]):
        count (int):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "windows",
            "count",
            "timestamp",
        }
    )

    windows: list[WindowInfo]
    count: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        windows = []
        for windows_item_data in self.windows:
            windows_item = windows_item_data.to_dict()
            windows.append(windows_item)

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "windows": windows,
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
        from ..models.window_info import WindowInfo  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        windows = []
        _windows = d.get("windows")
        for windows_item_data in _types.as_list(_windows):
            windows_item = WindowInfo.from_dict(windows_item_data)

            windows.append(windows_item)

        count = _types.as_int(d.get("count"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _window_list_instance = cls(
            windows=windows,
            count=count,
            timestamp=timestamp,
        )
        dict.update(_window_list_instance, d)
        return _window_list_instance
