from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="HostCapacity")


@_attrs_define
class HostCapacity:
    """hopx-local extension: what all sandboxes of this host may use together (the cap of their
    parent cgroup, derived from the host so the server keeps room) and what they use now. A
    create that cannot fit is refused with 403 `resource_limit`. Absent on the public service.

        Attributes:
            sandboxes (int): Sandboxes running now (idle warm-pool sandboxes included).
            memory_mb_limit (int): Memory (MiB) all sandboxes may use together.
            memory_mb_used (int): Memory (MiB) they use now (without reclaimable file cache).
            pids_limit (int): Tasks (processes and threads) all sandboxes may run together.
            pids_used (int): Tasks they run now.
    """

    sandboxes: int
    memory_mb_limit: int
    memory_mb_used: int
    pids_limit: int
    pids_used: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sandboxes = self.sandboxes

        memory_mb_limit = self.memory_mb_limit

        memory_mb_used = self.memory_mb_used

        pids_limit = self.pids_limit

        pids_used = self.pids_used

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "sandboxes": sandboxes,
                "memory_mb_limit": memory_mb_limit,
                "memory_mb_used": memory_mb_used,
                "pids_limit": pids_limit,
                "pids_used": pids_used,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sandboxes = d.pop("sandboxes")

        memory_mb_limit = d.pop("memory_mb_limit")

        memory_mb_used = d.pop("memory_mb_used")

        pids_limit = d.pop("pids_limit")

        pids_used = d.pop("pids_used")

        _host_capacity_instance = cls(
            sandboxes=sandboxes,
            memory_mb_limit=memory_mb_limit,
            memory_mb_used=memory_mb_used,
            pids_limit=pids_limit,
            pids_used=pids_used,
        )

        _host_capacity_instance.additional_properties = d
        return _host_capacity_instance

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
