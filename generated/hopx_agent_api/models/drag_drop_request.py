from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.mouse_button import MouseButton
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="DragDropRequest")


@_attrs_define(eq=False, repr=False)
class DragDropRequest(WireModel):
    """
    Attributes:
        from_x (int):
        from_y (int):
        to_x (int):
        to_y (int):
        button (MouseButton | Unset):
        duration_ms (int | Unset): Time the move takes, milliseconds. Default: 500.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "from_x",
            "from_y",
            "to_x",
            "to_y",
            "button",
            "duration_ms",
        }
    )

    from_x: int
    from_y: int
    to_x: int
    to_y: int
    button: MouseButton | Unset = UNSET
    duration_ms: int | Unset = 500

    def to_dict(self) -> dict[str, Any]:
        from_x = self.from_x

        from_y = self.from_y

        to_x = self.to_x

        to_y = self.to_y

        button: str | Unset = UNSET
        if not isinstance(self.button, Unset):
            button = self.button.value

        duration_ms = self.duration_ms

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        from_x = _types.as_int(d.get("from_x"))

        from_y = _types.as_int(d.get("from_y"))

        to_x = _types.as_int(d.get("to_x"))

        to_y = _types.as_int(d.get("to_y"))

        _button = d.get("button")
        button: MouseButton | Unset
        if isinstance(_button, Unset):
            button = UNSET
        else:
            button = _types.as_enum(MouseButton, _button)

        duration_ms = _types.as_int_or_none(d.get("duration_ms"))

        _drag_drop_request_instance = cls(
            from_x=from_x,
            from_y=from_y,
            to_x=to_x,
            to_y=to_y,
            button=button,
            duration_ms=duration_ms,
        )
        dict.update(_drag_drop_request_instance, d)
        return _drag_drop_request_instance
