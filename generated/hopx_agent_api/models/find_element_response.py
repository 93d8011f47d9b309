from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.element_bounds import ElementBounds


T = TypeVar("T", bound="FindElementResponse")


@_attrs_define(eq=False, repr=False)
class FindElementResponse(WireModel):
    """
    Attributes:
        found (bool):
        timestamp (datetime.datetime):
        element (ElementBounds | Unset): Bounding box of on-screen text (top-left corner and size, pixels).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "found",
            "timestamp",
            "element",
        }
    )

    found: bool
    timestamp: datetime.datetime
    element: ElementBounds | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        found = self.found

        timestamp = self.timestamp.isoformat()

        element: dict[str, Any] | Unset = UNSET
        if not isinstance(self.element, Unset):
            element = self.element.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "found": found,
                "timestamp": timestamp,
            }
        )
        if element is not UNSET:
            field_dict["element"] = element

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.element_bounds import ElementBounds  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        found = _types.as_bool(d.get("found"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _element = d.get("element")
        element: ElementBounds | Unset
        if isinstance(_element, Unset):
            element = UNSET
        else:
            element = ElementBounds.from_dict(_element)

        _find_element_response_instance = cls(
            found=found,
            timestamp=timestamp,
            element=element,
        )
        dict.update(_find_element_response_instance, d)
        return _find_element_response_instance
