from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.resolution import Resolution


T = TypeVar("T", bound="DisplayResolutionList")


@_attrs_define(eq=False, repr=False)
class DisplayResolutionList(WireModel):
    """
    Attributes:
        resolutions (list[Resolution]):
        timestamp (datetime.datetime):
        current (Resolution | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "resolutions",
            "timestamp",
            "current",
        }
    )

    resolutions: list[Resolution]
    timestamp: datetime.datetime
    current: Resolution | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        resolutions = []
        for resolutions_item_data in self.resolutions:
            resolutions_item = resolutions_item_data.to_dict()
            resolutions.append(resolutions_item)

        timestamp = self.timestamp.isoformat()

        current: dict[str, Any] | Unset = UNSET
        if not isinstance(self.current, Unset):
            current = self.current.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "resolutions": resolutions,
                "timestamp": timestamp,
            }
        )
        if current is not UNSET:
            field_dict["current"] = current

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.resolution import Resolution  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        resolutions = []
        _resolutions = d.get("resolutions")
        for resolutions_item_data in _types.as_list(_resolutions):
            resolutions_item = Resolution.from_dict(resolutions_item_data)

            resolutions.append(resolutions_item)

        timestamp = _types.as_datetime(d.get("timestamp"))

        _current = d.get("current")
        current: Resolution | Unset
        if isinstance(_current, Unset):
            current = UNSET
        else:
            current = Resolution.from_dict(_current)

        _display_resolution_list_instance = cls(
            resolutions=resolutions,
            timestamp=timestamp,
            current=current,
        )
        dict.update(_display_resolution_list_instance, d)
        return _display_resolution_list_instance
