from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="DisplayResolutionList")


@_attrs_define
class DisplayResolutionList:
    """
    Attributes:
        resolutions (list[Resolution]):
        timestamp (datetime.datetime):
        current (Resolution | Unset):
    """

    resolutions: list[Resolution]
    timestamp: datetime.datetime
    current: Resolution | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        resolutions = []
        for resolutions_item_data in self.resolutions:
            resolutions_item = resolutions_item_data.to_dict()
            resolutions.append(resolutions_item)

        timestamp = self.timestamp.isoformat()

        current: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current, Unset):
            current = self.current.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "resolutions": resolutions,
                "timestamp": timestamp,
            }
        )
        if current is not UNSET:
            field_dict["current"] = current

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = dict(src_dict)
        resolutions = []
        _resolutions = d.pop("resolutions")
        for resolutions_item_data in _resolutions:
            resolutions_item = Resolution.from_dict(resolutions_item_data)

            resolutions.append(resolutions_item)

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _current = d.pop("current", UNSET)
        current: Resolution | Unset
        if isinstance(_current, Unset):
            current = UNSET
        else:
            current = Resolution.from_dict(_current)

        _display_resolution_list_instance = cls(
            resolutions=resolutions,
            timestamp=timestamp,
            current=current,
        )

        _display_resolution_list_instance.additional_properties = d
        return _display_resolution_list_instance

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
