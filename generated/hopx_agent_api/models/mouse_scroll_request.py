from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.mouse_scroll_request_direction import MouseScrollRequestDirection
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="MouseScrollRequest")


@_attrs_define(eq=False, repr=False)
class MouseScrollRequest(WireModel):
    """
    Attributes:
        amount (int): Wheel steps.
        direction (MouseScrollRequestDirection | Unset):  Default: MouseScrollRequestDirection.DOWN.
        x (int | Unset): Pointer position first (with `y`); current position when absent.
        y (int | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "amount",
            "direction",
            "x",
            "y",
        }
    )

    amount: int
    direction: MouseScrollRequestDirection | Unset = MouseScrollRequestDirection.DOWN
    x: int | Unset = UNSET
    y: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        amount = self.amount

        direction: str | Unset = UNSET
        if not isinstance(self.direction, Unset):
            direction = self.direction.value

        x = self.x

        y = self.y

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        amount = _types.as_int(d.get("amount"))

        _direction = d.get("direction")
        direction: MouseScrollRequestDirection | Unset
        if isinstance(_direction, Unset):
            direction = UNSET
        else:
            direction = _types.as_enum(MouseScrollRequestDirection, _direction)

        x = _types.as_int_or_none(d.get("x"))

        y = _types.as_int_or_none(d.get("y"))

        _mouse_scroll_request_instance = cls(
            amount=amount,
            direction=direction,
            x=x,
            y=y,
        )
        dict.update(_mouse_scroll_request_instance, d)
        return _mouse_scroll_request_instance
