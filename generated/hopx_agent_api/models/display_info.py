from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.display import Display


T = TypeVar("T", bound="DisplayInfo")


@_attrs_define(eq=False, repr=False)
class DisplayInfo(WireModel):
    """
    Attributes:
        width (int):
        height (int):
        depth (int): Bits per pixel.
        timestamp (datetime.datetime):
        refresh_rate (int | Unset):
        displays (list[Display] | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "width",
            "height",
            "depth",
            "timestamp",
            "refresh_rate",
            "displays",
        }
    )

    width: int
    height: int
    depth: int
    timestamp: datetime.datetime
    refresh_rate: int | Unset = UNSET
    displays: list[Display] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        width = self.width

        height = self.height

        depth = self.depth

        timestamp = self.timestamp.isoformat()

        refresh_rate = self.refresh_rate

        displays: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.displays, Unset):
            displays = []
            for displays_item_data in self.displays:
                displays_item = displays_item_data.to_dict()
                displays.append(displays_item)

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "width": width,
                "height": height,
                "depth": depth,
                "timestamp": timestamp,
            }
        )
        if refresh_rate is not UNSET:
            field_dict["refresh_rate"] = refresh_rate
        if displays is not UNSET:
            field_dict["displays"] = displays

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.display import Display  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        width = _types.as_int(d.get("width"))

        height = _types.as_int(d.get("height"))

        depth = _types.as_int(d.get("depth"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        refresh_rate = _types.as_int_or_none(d.get("refresh_rate"))

        _displays = d.get("displays")
        displays: list[Display] | Unset = UNSET
        if _displays is not UNSET:
            displays = []
            for displays_item_data in _types.as_list(_displays):
                displays_item = Display.from_dict(displays_item_data)

                displays.append(displays_item)

        _display_info_instance = cls(
            width=width,
            height=height,
            depth=depth,
            timestamp=timestamp,
            refresh_rate=refresh_rate,
            displays=displays,
        )
        dict.update(_display_info_instance, d)
        return _display_info_instance
