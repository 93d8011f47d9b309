from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="TokenResponse")


@_attrs_define
class TokenResponse:
    """
    Attributes:
        auth_token (str): JWT for the sandbox's agent (`Authorization: Bearer <auth_token>`), valid one hour.
        token_expires_at (datetime.datetime): When `auth_token` expires.
        request_id (str | Unset):
    """

    auth_token: str
    token_expires_at: datetime.datetime
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        auth_token = self.auth_token

        token_expires_at = self.token_expires_at.isoformat()

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        auth_token = d.pop("auth_token")

        token_expires_at = datetime.datetime.fromisoformat(d.pop("token_expires_at"))

        request_id = d.pop("request_id", UNSET)

        _token_response_instance = cls(
            auth_token=auth_token,
            token_expires_at=token_expires_at,
            request_id=request_id,
        )

        _token_response_instance.additional_properties = d
        return _token_response_instance

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
