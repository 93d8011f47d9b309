from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="UploadLinkRequest")


@_attrs_define(eq=False, repr=False)
class UploadLinkRequest(WireModel):
    """
    Attributes:
        files_hash (str): SHA-256 (hex) identifying the COPY content.
        content_length (int): Size in bytes of the gzip tarball to upload.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "files_hash",
            "content_length",
        }
    )

    files_hash: str
    content_length: int

    def to_dict(self) -> dict[str, Any]:
        files_hash = self.files_hash

        content_length = self.content_length

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "files_hash": files_hash,
                "content_length": content_length,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        files_hash = _types.as_str(d.get("files_hash"))

        content_length = _types.as_int(d.get("content_length"))

        _upload_link_request_instance = cls(
            files_hash=files_hash,
            content_length=content_length,
        )
        dict.update(_upload_link_request_instance, d)
        return _upload_link_request_instance
