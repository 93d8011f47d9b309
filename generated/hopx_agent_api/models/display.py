from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="Display")


@_attrs_define(eq=False, repr=False)
class Display(WireModel):
    """One screen of the X display.

    Attributes:
        id (int):
        name (str):
        width (int):
        height (int):
        primary (bool):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "name",
            "width",
            "height",
            "primary",
        }
    )

    id: int
    name: str
    width: int
    height: int
    primary: bool

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        width = self.width

        height = self.height

        primary = self.primary

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "id": id,
                "name": name,
                "width": width,
                "height": height,
                "primary": primary,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        id = _types.as_int(d.get("id"))

        name = _types.as_str(d.get("name"))

        width = _types.as_int(d.get("width"))

        height = _types.as_int(d.get("height"))

        primary = _types.as_bool(d.get("primary"))

        _display_instance = cls(
            id=id,
            name=name,
            width=width,
            height=height,
            primary=primary,
        )
        dict.update(_display_instance, d)
        return _display_instance
