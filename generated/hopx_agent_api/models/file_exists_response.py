from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="FileExistsResponse")


@_attrs_define(eq=False, repr=False)
class FileExistsResponse(WireModel):
    """
    Attributes:
        path (str):
        exists (bool):
        is_directory (bool | Unset): Present when `exists` is true.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "path",
            "exists",
            "is_directory",
        }
    )

    path: str
    exists: bool
    is_directory: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        exists = self.exists

        is_directory = self.is_directory

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "path": path,
                "exists": exists,
            }
        )
        if is_directory is not UNSET:
            field_dict["is_directory"] = is_directory

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        path = _types.as_str(d.get("path"))

        exists = _types.as_bool(d.get("exists"))

        is_directory = _types.as_bool_or_none(d.get("is_directory"))

        _file_exists_response_instance = cls(
            path=path,
            exists=exists,
            is_directory=is_directory,
        )
        dict.update(_file_exists_response_instance, d)
        return _file_exists_response_instance
