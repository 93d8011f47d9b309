from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="WindowActionRequest")


@_attrs_define(eq=False, repr=False)
class WindowActionRequest(WireModel):
    """
    Attributes:
        window_id (int): `WindowInfo.id`.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "window_id",
        }
    )

    window_id: int

    def to_dict(self) -> dict[str, Any]:
        window_id = self.window_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "window_id": window_id,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        window_id = _types.as_int(d.get("window_id"))

        _window_action_request_instance = cls(
            window_id=window_id,
        )
        dict.update(_window_action_request_instance, d)
        return _window_action_request_instance
