from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.file_info import FileInfo


T = TypeVar("T", bound="FileListResponse")


@_attrs_define(eq=False, repr=False)
class FileListResponse(WireModel):
    """
    Attributes:
        path (str):
        files (list[FileInfo]):
        count (int):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "path",
            "files",
            "count",
        }
    )

    path: str
    files: list[FileInfo]
    count: int

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        files = []
        for files_item_data in self.files:
            files_item = files_item_data.to_dict()
            files.append(files_item)

        count = self.count

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "path": path,
                "files": files,
                "count": count,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.file_info import FileInfo  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        path = _types.as_str(d.get("path"))

        files = []
        _files = d.get("files")
        for files_item_data in _types.as_list(_files):
            files_item = FileInfo.from_dict(files_item_data)

            files.append(files_item)

        count = _types.as_int(d.get("count"))

        _file_list_response_instance = cls(
            path=path,
            files=files,
            count=count,
        )
        dict.update(_file_list_response_instance, d)
        return _file_list_response_instance
