from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="FileInfo")


@_attrs_define
class FileInfo:
    """
    Attributes:
        name (str):
        path (str):
        size (int):
        is_directory (bool):
        is_symlink (bool):
        permissions (str): Octal permission bits, e.g. `0644`.
        modified_time (datetime.datetime):
    """

    name: str
    path: str
    size: int
    is_directory: bool
    is_symlink: bool
    permissions: str
    modified_time: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        path = self.path

        size = self.size

        is_directory = self.is_directory

        is_symlink = self.is_symlink

        permissions = self.permissions

        modified_time = self.modified_time.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "path": path,
                "size": size,
                "is_directory": is_directory,
                "is_symlink": is_symlink,
                "permissions": permissions,
                "modified_time": modified_time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        path = d.pop("path")

        size = d.pop("size")

        is_directory = d.pop("is_directory")

        is_symlink = d.pop("is_symlink")

        permissions = d.pop("permissions")

        modified_time = datetime.datetime.fromisoformat(d.pop("modified_time"))

        _file_info_instance = cls(
            name=name,
            path=path,
            size=size,
            is_directory=is_directory,
            is_symlink=is_symlink,
            permissions=permissions,
            modified_time=modified_time,
        )

        _file_info_instance.additional_properties = d
        return _file_info_instance

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
