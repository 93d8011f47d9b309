from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.registry_credentials_type import RegistryCredentialsType
from ..types import UNSET, Unset

T = TypeVar("T", bound="RegistryCredentials")


@_attrs_define
class RegistryCredentials:
    """Credentials for a private base image. The published SDK always sends `basic`.

    Attributes:
        type_ (RegistryCredentialsType):
        username (str | Unset):
        password (str | Unset):
        token (str | Unset):
    """

    type_: RegistryCredentialsType
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    token: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        username = self.username

        password = self.password

        token = self.token

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
            }
        )
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if token is not UNSET:
            field_dict["token"] = token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = RegistryCredentialsType(d.pop("type"))

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        token = d.pop("token", UNSET)

        _registry_credentials_instance = cls(
            type_=type_,
            username=username,
            password=password,
            token=token,
        )

        return _registry_credentials_instance
