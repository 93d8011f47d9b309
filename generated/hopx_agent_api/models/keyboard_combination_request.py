from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.key_modifier import KeyModifier
from ..types import WireModel

T = TypeVar("T", bound="KeyboardCombinationRequest")


@_attrs_define(eq=False, repr=False)
class KeyboardCombinationRequest(WireModel):
    """
    Attributes:
        modifiers (list[KeyModifier]):
        key (str): X11 keysym name.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "modifiers",
            "key",
        }
    )

    modifiers: list[KeyModifier]
    key: str

    def to_dict(self) -> dict[str, Any]:
        modifiers = []
        for modifiers_item_data in self.modifiers:
            modifiers_item = modifiers_item_data.value
            modifiers.append(modifiers_item)

        key = self.key

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "modifiers": modifiers,
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
        modifiers = _types.as_enum_list(KeyModifier, d.get("modifiers"))

        key = _types.as_str(d.get("key"))

        _keyboard_combination_request_instance = cls(
            modifiers=modifiers,
            key=key,
        )
        dict.update(_keyboard_combination_request_instance, d)
        return _keyboard_combination_request_instance
