from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.file_encoding import FileEncoding
from ..types import WireModel

T = TypeVar("T", bound="FileContentResponse")


@_attrs_define(eq=False, repr=False)
class FileContentResponse(WireModel):
    """
    Attributes:
        path (str): Absolute path.
        content (str): Text (utf-8) or base64 of the bytes.
        size (int): File size, bytes.
        encoding (FileEncoding):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "path",
            "content",
            "size",
            "encoding",
        }
    )

    path: str
    content: str
    size: int
    encoding: FileEncoding

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        content = self.content

        size = self.size

        encoding = self.encoding.value

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        path = _types.as_str(d.get("path"))

        content = _types.as_str(d.get("content"))

        size = _types.as_int(d.get("size"))

        encoding = _types.as_enum(FileEncoding, d.get("encoding"))

        _file_content_response_instance = cls(
            path=path,
            content=content,
            size=size,
            encoding=encoding,
        )
        dict.update(_file_content_response_instance, d)
        return _file_content_response_instance
