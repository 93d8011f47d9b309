from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.host_capacity import HostCapacity


T = TypeVar("T", bound="HealthResponse")


@_attrs_define(eq=False, repr=False)
class HealthResponse(WireModel):
    """
    Attributes:
        status (str): `healthy` when the service works. Example: healthy.
        version (str | Unset): Server version.
        time (datetime.datetime | Unset): Server time.
        capacity (HostCapacity | Unset): hopx-local extension: what all sandboxes of this host may use together (the cap
            of their
            parent cgroup, derived from the host so the server keeps room) and what they use now. A
            create that cannot fit is refused with 403 `resource_limit`. Absent on the public service.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "status",
            "version",
            "time",
            "capacity",
        }
    )

    status: str
    version: str | Unset = UNSET
    time: datetime.datetime | Unset = UNSET
    capacity: HostCapacity | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        version = self.version

        time: str | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.isoformat()

        capacity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capacity, Unset):
            capacity = self.capacity.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "status": status,
            }
        )
        if version is not UNSET:
            field_dict["version"] = version
        if time is not UNSET:
            field_dict["time"] = time
        if capacity is not UNSET:
            field_dict["capacity"] = capacity

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.host_capacity import HostCapacity  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        status = _types.as_str(d.get("status"))

        version = _types.as_str_or_none(d.get("version"))

        _time = d.get("time")
        time: datetime.datetime | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = _types.as_datetime_or_none(_time)

        _capacity = d.get("capacity")
        capacity: HostCapacity | Unset
        if isinstance(_capacity, Unset):
            capacity = UNSET
        else:
            capacity = HostCapacity.from_dict(_capacity)

        _health_response_instance = cls(
            status=status,
            version=version,
            time=time,
            capacity=capacity,
        )
        dict.update(_health_response_instance, d)
        return _health_response_instance
