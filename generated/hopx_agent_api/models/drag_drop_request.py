from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.mouse_button import MouseButton
from ..types import UNSET, Unset

T = TypeVar("T", bound="DragDropRequest")


@_attrs_define
class DragDropRequest:
    """
    Attributes:
        from_x (int):
        from_y (int):
        to_x (int):
        to_y (int):
        button (MouseButton | Unset):
        duration_ms (int | Unset): Time the move takes, milliseconds. Default: 500.
    """

    from_x: int
    from_y: int
    to_x: int
    to_y: int
    button: MouseButton | Unset = UNSET
    duration_ms: int | Unset = 500
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_x = self.from_x

        from_y = self.from_y

        to_x = self.to_x

        to_y = self.to_y

        button: str | Unset = UNSET
        if not isinstance(self.button, Unset):
            button = self.button.value

        duration_ms = self.duration_ms

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from_x": from_x,
                "from_y": from_y,
                "to_x": to_x,
                "to_y": to_y,
            }
        )
        if button is not UNSET:
            field_dict["button"] = button
        if duration_ms is not UNSET:
            field_dict["duration_ms"] = duration_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_x = d.pop("from_x")

        from_y = d.pop("from_y")

        to_x = d.pop("to_x")

        to_y = d.pop("to_y")

        _button = d.pop("button", UNSET)
        button: MouseButton | Unset
        if isinstance(_button, Unset):
            button = UNSET
        else:
            button = MouseButton(_button)

        duration_ms = d.pop("duration_ms", UNSET)

        _drag_drop_request_instance = cls(
            from_x=from_x,
            from_y=from_y,
            to_x=to_x,
            to_y=to_y,
            button=button,
            duration_ms=duration_ms,
        )

        _drag_drop_request_instance.additional_properties = d
        return _drag_drop_request_instance

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
