from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.file_encoding import FileEncoding
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="FileWriteRequest")


@_attrs_define(eq=False, repr=False)
class FileWriteRequest(WireModel):
    """
    Attributes:
        path (str):
        content (str): Text, or base64 of the bytes when `encoding` is `base64`.
        encoding (FileEncoding | Unset):
        mode (str | Unset): Octal permissions. Default: '0644'.
        overwrite (bool | Unset):  Default: True.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "path",
            "content",
            "encoding",
            "mode",
            "overwrite",
        }
    )

    path: str
    content: str
    encoding: FileEncoding | Unset = UNSET
    mode: str | Unset = "0644"
    overwrite: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        content = self.content

        encoding: str | Unset = UNSET
        if not isinstance(self.encoding, Unset):
            encoding = self.encoding.value

        mode = self.mode

        overwrite = self.overwrite

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        path = _types.as_str(d.get("path"))

        content = _types.as_str(d.get("content"))

        _encoding = d.get("encoding")
        encoding: FileEncoding | Unset
        if isinstance(_encoding, Unset):
            encoding = UNSET
        else:
            encoding = _types.as_enum(FileEncoding, _encoding)

        mode = _types.as_str_or_none(d.get("mode"))

        overwrite = _types.as_bool_or_none(d.get("overwrite"))

        _file_write_request_instance = cls(
            path=path,
            content=content,
            encoding=encoding,
            mode=mode,
            overwrite=overwrite,
        )
        dict.update(_file_write_request_instance, d)
        return _file_write_request_instance
