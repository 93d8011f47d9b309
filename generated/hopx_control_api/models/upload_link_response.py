from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="UploadLinkResponse")


@_attrs_define(eq=False, repr=False)
class UploadLinkResponse(WireModel):
    """
    Attributes:
        present (bool): True when the content is already stored (no upload needed).
        upload_url (None | str | Unset): Pre-signed URL for one `PUT` of the tarball; null when `present`.
        expires_at (datetime.datetime | None | Unset): When `upload_url` stops working; null when `present`.
        files_hash (str | Unset): The `files_hash` of the request (to put in the COPY step).
        request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "present",
            "upload_url",
            "expires_at",
            "files_hash",
            "request_id",
        }
    )

    present: bool
    upload_url: None | str | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    files_hash: str | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        present = self.present

        upload_url: None | str | Unset
        if isinstance(self.upload_url, Unset):
            upload_url = UNSET
        else:
            upload_url = self.upload_url

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        files_hash = self.files_hash

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "present": present,
            }
        )
        if upload_url is not UNSET:
            field_dict["upload_url"] = upload_url
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if files_hash is not UNSET:
            field_dict["files_hash"] = files_hash
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        present = _types.as_bool(d.get("present"))

        def _parse_upload_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        upload_url = _parse_upload_url(d.get("upload_url"))

        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = _types.as_datetime_or_none(data)

                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.get("expires_at"))

        files_hash = _types.as_str_or_none(d.get("files_hash"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _upload_link_response_instance = cls(
            present=present,
            upload_url=upload_url,
            expires_at=expires_at,
            files_hash=files_hash,
            request_id=request_id,
        )
        dict.update(_upload_link_response_instance, d)
        return _upload_link_response_instance
