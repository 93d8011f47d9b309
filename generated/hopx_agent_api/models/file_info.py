from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="FileInfo")


@_attrs_define(eq=False, repr=False)
class FileInfo(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "name",
            "path",
            "size",
            "is_directory",
            "is_symlink",
            "permissions",
            "modified_time",
        }
    )

    name: str
    path: str
    size: int
    is_directory: bool
    is_symlink: bool
    permissions: str
    modified_time: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        path = self.path

        size = self.size

        is_directory = self.is_directory

        is_symlink = self.is_symlink

        permissions = self.permissions

        modified_time = self.modified_time.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        name = _types.as_str(d.get("name"))

        path = _types.as_str(d.get("path"))

        size = _types.as_int(d.get("size"))

        is_directory = _types.as_bool(d.get("is_directory"))

        is_symlink = _types.as_bool(d.get("is_symlink"))

        permissions = _types.as_str(d.get("permissions"))

        modified_time = _types.as_datetime(d.get("modified_time"))

        _file_info_instance = cls(
            name=name,
            path=path,
            size=size,
            is_directory=is_directory,
            is_symlink=is_symlink,
            permissions=permissions,
            modified_time=modified_time,
        )
        dict.update(_file_info_instance, d)
        return _file_info_instance
