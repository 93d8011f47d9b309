from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="KeyboardPressRequest")


@_attrs_define(eq=False, repr=False)
class KeyboardPressRequest(WireModel):
    """
    Attributes:
        key (str): X11 keysym name (`Return`, `Escape`, `Tab`, `BackSpace`, `F1`, `a`, ...).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "key",
        }
    )

    key: str

    def to_dict(self) -> dict[str, Any]:
        key = self.key

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "key": key,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        key = _types.as_str(d.get("key"))

        _keyboard_press_request_instance = cls(
            key=key,
        )
        dict.update(_keyboard_press_request_instance, d)
        return _keyboard_press_request_instance
