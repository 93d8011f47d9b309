from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.element_bounds import ElementBounds


T = TypeVar("T", bound="FindElementResponse")


@_attrs_define
class FindElementResponse:
    """
    Attributes:
        found (bool):
        timestamp (datetime.datetime):
        element (ElementBounds | Unset): Bounding box of on-screen text (top-left corner and size, pixels).
    """

    found: bool
    timestamp: datetime.datetime
    element: ElementBounds | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        found = self.found

        timestamp = self.timestamp.isoformat()

        element: dict[str, Any] | Unset = UNSET
        if not isinstance(self.element, Unset):
            element = self.element.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.element_bounds import ElementBounds  # noqa: PLC0415

        d = dict(src_dict)
        found = d.pop("found")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _element = d.pop("element", UNSET)
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

        _find_element_response_instance.additional_properties = d
        return _find_element_response_instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
