from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="HostCapacity")


@_attrs_define(eq=False, repr=False)
class HostCapacity(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "sandboxes",
            "memory_mb_limit",
            "memory_mb_used",
            "pids_limit",
            "pids_used",
        }
    )

    sandboxes: int
    memory_mb_limit: int
    memory_mb_used: int
    pids_limit: int
    pids_used: int

    def to_dict(self) -> dict[str, Any]:
        sandboxes = self.sandboxes

        memory_mb_limit = self.memory_mb_limit

        memory_mb_used = self.memory_mb_used

        pids_limit = self.pids_limit

        pids_used = self.pids_used

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        sandboxes = _types.as_int(d.get("sandboxes"))

        memory_mb_limit = _types.as_int(d.get("memory_mb_limit"))

        memory_mb_used = _types.as_int(d.get("memory_mb_used"))

        pids_limit = _types.as_int(d.get("pids_limit"))

        pids_used = _types.as_int(d.get("pids_used"))

        _host_capacity_instance = cls(
            sandboxes=sandboxes,
            memory_mb_limit=memory_mb_limit,
            memory_mb_used=memory_mb_used,
            pids_limit=pids_limit,
            pids_used=pids_used,
        )
        dict.update(_host_capacity_instance, d)
        return _host_capacity_instance
