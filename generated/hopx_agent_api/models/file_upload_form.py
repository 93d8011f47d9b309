from __future__ import annotations

from collections.abc import Mapping
from io import BytesIO
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types
from .. import types as _types
from ..types import UNSET, File, Unset, WireModel

T = TypeVar("T", bound="FileUploadForm")


@_attrs_define(eq=False, repr=False)
class FileUploadForm(WireModel):
    """
    Attributes:
        file (File): The file's bytes (stored unchanged).
        path (str | Unset): Destination path (default `/workspace/<filename>`; an existing directory receives
            `<filename>`).
        mode (str | Unset): Permissions of the stored file. Clients send binary content of any size here rather than
            base64 in `/files/write`: multipart is streamed and a third smaller. Default: '0644'.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "file",
            "path",
            "mode",
        }
    )

    file: File
    path: str | Unset = UNSET
    mode: str | Unset = "0644"

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        path = self.path

        mode = self.mode

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "file": file,
            }
        )
        if path is not UNSET:
            field_dict["path"] = path
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        if not isinstance(self.path, Unset):
            files.append(("path", (None, str(self.path).encode(), "text/plain")))

        if not isinstance(self.mode, Unset):
            files.append(("mode", (None, str(self.mode).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        file = File(payload=BytesIO(_types.value(d, "file")))

        path = _types.as_str_or_none(d.get("path"))

        mode = _types.as_str_or_none(d.get("mode"))

        _file_upload_form_instance = cls(
            file=file,
            path=path,
            mode=mode,
        )
        dict.update(_file_upload_form_instance, d)
        return _file_upload_form_instance
