from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="FileExistsResponse")


@_attrs_define
class FileExistsResponse:
    """
    Attributes:
        path (str):
        exists (bool):
        is_directory (bool | Unset): Present when `exists` is true.
    """

    path: str
    exists: bool
    is_directory: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        exists = self.exists

        is_directory = self.is_directory

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        exists = d.pop("exists")

        is_directory = d.pop("is_directory", UNSET)

        _file_exists_response_instance = cls(
            path=path,
            exists=exists,
            is_directory=is_directory,
        )

        _file_exists_response_instance.additional_properties = d
        return _file_exists_response_instance

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
