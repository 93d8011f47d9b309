from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.registry_credentials_type import RegistryCredentialsType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="RegistryCredentials")


@_attrs_define(eq=False, repr=False)
class RegistryCredentials(WireModel):
    """Credentials for a private base image. The published SDK always sends `basic`.

    Attributes:
        type_ (RegistryCredentialsType):
        username (str | Unset):
        password (str | Unset):
        token (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "username",
            "password",
            "token",
        }
    )

    type_: RegistryCredentialsType
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    token: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        username = self.username

        password = self.password

        token = self.token

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(RegistryCredentialsType, d.get("type"))

        username = _types.as_str_or_none(d.get("username"))

        password = _types.as_str_or_none(d.get("password"))

        token = _types.as_str_or_none(d.get("token"))

        _registry_credentials_instance = cls(
            type_=type_,
            username=username,
            password=password,
            token=token,
        )
        dict.update(_registry_credentials_instance, d)
        return _registry_credentials_instance

    @property
    def type(self) -> RegistryCredentialsType:
        """``type_``, by its wire name."""
        return self.type_
