from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="MouseMoveRequest")


@_attrs_define(eq=False, repr=False)
class MouseMoveRequest(WireModel):
    """
    Attributes:
        x (int):
        y (int):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "x",
            "y",
        }
    )

    x: int
    y: int

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        y = self.y

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "x": x,
                "y": y,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        x = _types.as_int(d.get("x"))

        y = _types.as_int(d.get("y"))

        _mouse_move_request_instance = cls(
            x=x,
            y=y,
        )
        dict.update(_mouse_move_request_instance, d)
        return _mouse_move_request_instance
