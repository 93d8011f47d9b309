from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mouse_scroll_request_direction import MouseScrollRequestDirection
from ..types import UNSET, Unset

T = TypeVar("T", bound="MouseScrollRequest")


@_attrs_define
class MouseScrollRequest:
    """
    Attributes:
        amount (int): Wheel steps.
        direction (MouseScrollRequestDirection | Unset):  Default: MouseScrollRequestDirection.DOWN.
        x (int | Unset): Pointer position first (with `y`); current position when absent.
        y (int | Unset):
    """

    amount: int
    direction: MouseScrollRequestDirection | Unset = MouseScrollRequestDirection.DOWN
    x: int | Unset = UNSET
    y: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        x = self.x

        y = self.y

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "amount": amount,
            }
        )
        if direction is not UNSET:
            field_dict["direction"] = direction
        if x is not UNSET:
            field_dict["x"] = x
        if y is not UNSET:
            field_dict["y"] = y

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        amount = d.pop("amount")

        _direction = d.pop("direction", UNSET)
        direction: MouseScrollRequestDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = MouseScrollRequestDirection(_direction)

        x = d.pop("x", UNSET)

        y = d.pop("y", UNSET)

        _mouse_scroll_request_instance = cls(
            amount=amount,
            direction=direction,
            x=x,
            y=y,
        )

        _mouse_scroll_request_instance.additional_properties = d
        return _mouse_scroll_request_instance

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
