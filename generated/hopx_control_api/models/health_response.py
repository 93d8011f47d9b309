from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.host_capacity import HostCapacity


T = TypeVar("T", bound="HealthResponse")


@_attrs_define
class HealthResponse:
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

    status: str
    version: str | Unset = UNSET
    time: datetime.datetime | Unset = UNSET
    capacity: HostCapacity | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status

        version = self.version

        time: str | Unset = UNSET
        if not isinstance(self.time, Unset):
            time = self.time.isoformat()

        capacity: dict[str, Any] | Unset = UNSET
        if not isinstance(self.capacity, Unset):
            capacity = self.capacity.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.host_capacity import HostCapacity  # noqa: PLC0415

        d = dict(src_dict)
        status = d.pop("status")

        version = d.pop("version", UNSET)

        _time = d.pop("time", UNSET)
        time: datetime.datetime | Unset
        if isinstance(_time, Unset):
            time = UNSET
        else:
            time = datetime.datetime.fromisoformat(_time)

        _capacity = d.pop("capacity", UNSET)
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

        _health_response_instance.additional_properties = d
        return _health_response_instance

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
