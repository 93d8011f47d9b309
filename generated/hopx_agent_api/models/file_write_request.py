from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_encoding import FileEncoding
from ..types import UNSET, Unset

T = TypeVar("T", bound="FileWriteRequest")


@_attrs_define
class FileWriteRequest:
    """
    Attributes:
        path (str):
        content (str): Text, or base64 of the bytes when `encoding` is `base64`.
        encoding (FileEncoding | Unset):
        mode (str | Unset): Octal permissions. Default: '0644'.
        overwrite (bool | Unset):  Default: True.
    """

    path: str
    content: str
    encoding: FileEncoding | Unset = UNSET
    mode: str | Unset = "0644"
    overwrite: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        content = self.content

        encoding: str | Unset = UNSET
        if not isinstance(self.encoding, Unset):
            encoding = self.encoding.value

        mode = self.mode

        overwrite = self.overwrite

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "content": content,
            }
        )
        if encoding is not UNSET:
            field_dict["encoding"] = encoding
        if mode is not UNSET:
            field_dict["mode"] = mode
        if overwrite is not UNSET:
            field_dict["overwrite"] = overwrite

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        content = d.pop("content")

        _encoding = d.pop("encoding", UNSET)
        encoding: FileEncoding | Unset
        if isinstance(_encoding, Unset):
            encoding = UNSET
        else:
            encoding = FileEncoding(_encoding)

        mode = d.pop("mode", UNSET)

        overwrite = d.pop("overwrite", UNSET)

        _file_write_request_instance = cls(
            path=path,
            content=content,
            encoding=encoding,
            mode=mode,
            overwrite=overwrite,
        )

        _file_write_request_instance.additional_properties = d
        return _file_write_request_instance

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
