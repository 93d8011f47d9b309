from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.file_encoding import FileEncoding

T = TypeVar("T", bound="FileContentResponse")


@_attrs_define
class FileContentResponse:
    """
    Attributes:
        path (str): Absolute path.
        content (str): Text (utf-8) or base64 of the bytes.
        size (int): File size, bytes.
        encoding (FileEncoding):
    """

    path: str
    content: str
    size: int
    encoding: FileEncoding
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        content = self.content

        size = self.size

        encoding = self.encoding.value

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "path": path,
                "content": content,
                "size": size,
                "encoding": encoding,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        path = d.pop("path")

        content = d.pop("content")

        size = d.pop("size")

        encoding = FileEncoding(d.pop("encoding"))

        _file_content_response_instance = cls(
            path=path,
            content=content,
            size=size,
            encoding=encoding,
        )

        _file_content_response_instance.additional_properties = d
        return _file_content_response_instance

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
