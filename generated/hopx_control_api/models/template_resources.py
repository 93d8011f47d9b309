from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="TemplateResources")


@_attrs_define(eq=False, repr=False)
class TemplateResources(WireModel):
    """
    Attributes:
        vcpu (int): Virtual CPUs.
        memory_mb (int): Memory in MiB.
        disk_gb (int): Disk size in GiB.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "vcpu",
            "memory_mb",
            "disk_gb",
        }
    )

    vcpu: int
    memory_mb: int
    disk_gb: int

    def to_dict(self) -> dict[str, Any]:
        vcpu = self.vcpu

        memory_mb = self.memory_mb

        disk_gb = self.disk_gb

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "vcpu": vcpu,
                "memory_mb": memory_mb,
                "disk_gb": disk_gb,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        vcpu = _types.as_int(d.get("vcpu"))

        memory_mb = _types.as_int(d.get("memory_mb"))

        disk_gb = _types.as_int(d.get("disk_gb"))

        _template_resources_instance = cls(
            vcpu=vcpu,
            memory_mb=memory_mb,
            disk_gb=disk_gb,
        )
        dict.update(_template_resources_instance, d)
        return _template_resources_instance
