from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="KeyboardTypeRequest")


@_attrs_define(eq=False, repr=False)
class KeyboardTypeRequest(WireModel):
    """
    Attributes:
        text (str):
        delay_ms (int | Unset): Delay between keystrokes, milliseconds. Default: 10.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "text",
            "delay_ms",
        }
    )

    text: str
    delay_ms: int | Unset = 10

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        delay_ms = self.delay_ms

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "text": text,
            }
        )
        if delay_ms is not UNSET:
            field_dict["delay_ms"] = delay_ms

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        text = _types.as_str(d.get("text"))

        delay_ms = _types.as_int_or_none(d.get("delay_ms"))

        _keyboard_type_request_instance = cls(
            text=text,
            delay_ms=delay_ms,
        )
        dict.update(_keyboard_type_request_instance, d)
        return _keyboard_type_request_instance
