from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="UploadLinkRequest")


@_attrs_define
class UploadLinkRequest:
    """
    Attributes:
        files_hash (str): SHA-256 (hex) identifying the COPY content.
        content_length (int): Size in bytes of the gzip tarball to upload.
    """

    files_hash: str
    content_length: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        files_hash = self.files_hash

        content_length = self.content_length

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "files_hash": files_hash,
                "content_length": content_length,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        files_hash = d.pop("files_hash")

        content_length = d.pop("content_length")

        _upload_link_request_instance = cls(
            files_hash=files_hash,
            content_length=content_length,
        )

        _upload_link_request_instance.additional_properties = d
        return _upload_link_request_instance

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
