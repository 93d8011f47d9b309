from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.display import Display


T = TypeVar("T", bound="DisplayInfo")


@_attrs_define
class DisplayInfo:
    """
    Attributes:
        width (int):
        height (int):
        depth (int): Bits per pixel.
        timestamp (datetime.datetime):
        refresh_rate (int | Unset):
        displays (list[Display] | Unset):
    """

    width: int
    height: int
    depth: int
    timestamp: datetime.datetime
    refresh_rate: int | Unset = UNSET
    displays: list[Display] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.display import Display  # noqa: PLC0415

        d = dict(src_dict)
        width = d.pop("width")

        height = d.pop("height")

        depth = d.pop("depth")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        refresh_rate = d.pop("refresh_rate", UNSET)

        _displays = d.pop("displays", UNSET)
        displays: list[Display] | Unset = UNSET
        if _displays is not UNSET:
            displays = []
            for displays_item_data in _displays:
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

        _display_info_instance.additional_properties = d
        return _display_info_instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
