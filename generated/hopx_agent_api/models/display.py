from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Display")


@_attrs_define
class Display:
    """One screen of the X display.

    Attributes:
        id (int):
        name (str):
        width (int):
        height (int):
        primary (bool):
    """

    id: int
    name: str
    width: int
    height: int
    primary: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        width = self.width

        height = self.height

        primary = self.primary

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "name": name,
                "width": width,
                "height": height,
                "primary": primary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        name = d.pop("name")

        width = d.pop("width")

        height = d.pop("height")

        primary = d.pop("primary")

        _display_instance = cls(
            id=id,
            name=name,
            width=width,
            height=height,
            primary=primary,
        )

        _display_instance.additional_properties = d
        return _display_instance

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
