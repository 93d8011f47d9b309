from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="FindElementRequest")


@_attrs_define(eq=False, repr=False)
class FindElementRequest(WireModel):
    """
    Attributes:
        text (str):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "text",
        }
    )

    text: str

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "text": text,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        text = _types.as_str(d.get("text"))

        _find_element_request_instance = cls(
            text=text,
        )
        dict.update(_find_element_request_instance, d)
        return _find_element_request_instance
