from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Resources")


@_attrs_define
class Resources:
    """Resources allocated to a sandbox.

    Attributes:
        vcpu (int): Virtual CPUs.
        memory_mb (int): Memory in MiB.
        disk_mb (int): Disk size in MiB.
    """

    vcpu: int
    memory_mb: int
    disk_mb: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        vcpu = self.vcpu

        memory_mb = self.memory_mb

        disk_mb = self.disk_mb

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "vcpu": vcpu,
                "memory_mb": memory_mb,
                "disk_mb": disk_mb,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        vcpu = d.pop("vcpu")

        memory_mb = d.pop("memory_mb")

        disk_mb = d.pop("disk_mb")

        _resources_instance = cls(
            vcpu=vcpu,
            memory_mb=memory_mb,
            disk_mb=disk_mb,
        )

        _resources_instance.additional_properties = d
        return _resources_instance

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
