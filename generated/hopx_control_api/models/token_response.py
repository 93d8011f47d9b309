from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="TokenResponse")


@_attrs_define(eq=False, repr=False)
class TokenResponse(WireModel):
    """
    Attributes:
        auth_token (str): JWT for the sandbox's agent (`Authorization: Bearer <auth_token>`), valid one hour.
        token_expires_at (datetime.datetime): When `auth_token` expires.
        request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "auth_token",
            "token_expires_at",
            "request_id",
        }
    )

    auth_token: str
    token_expires_at: datetime.datetime
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        auth_token = self.auth_token

        token_expires_at = self.token_expires_at.isoformat()

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "auth_token": auth_token,
                "token_expires_at": token_expires_at,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        auth_token = _types.as_str(d.get("auth_token"))

        token_expires_at = _types.as_datetime(d.get("token_expires_at"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _token_response_instance = cls(
            auth_token=auth_token,
            token_expires_at=token_expires_at,
            request_id=request_id,
        )
        dict.update(_token_response_instance, d)
        return _token_response_instance
