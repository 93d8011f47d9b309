from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.mouse_button import MouseButton
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="MouseClickRequest")


@_attrs_define(eq=False, repr=False)
class MouseClickRequest(WireModel):
    """
    Attributes:
        x (int):
        y (int):
        button (MouseButton | Unset):
        clicks (int | Unset): 2 = double click, 3 = triple click. Default: 1.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "x",
            "y",
            "button",
            "clicks",
        }
    )

    x: int
    y: int
    button: MouseButton | Unset = UNSET
    clicks: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        button: str | Unset = UNSET
        if not isinstance(self.button, Unset):
            button = self.button.value

        clicks = self.clicks

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "x": x,
                "y": y,
            }
        )
        if button is not UNSET:
            field_dict["button"] = button
        if clicks is not UNSET:
            field_dict["clicks"] = clicks

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        x = _types.as_int(d.get("x"))

        y = _types.as_int(d.get("y"))

        _button = d.get("button")
        button: MouseButton | Unset
        if isinstance(_button, Unset):
            button = UNSET
        else:
            button = _types.as_enum(MouseButton, _button)

        clicks = _types.as_int_or_none(d.get("clicks"))

        _mouse_click_request_instance = cls(
            x=x,
            y=y,
            button=button,
            clicks=clicks,
        )
        dict.update(_mouse_click_request_instance, d)
        return _mouse_click_request_instance
