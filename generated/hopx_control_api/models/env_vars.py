from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="EnvVars")


@_attrs_define
class EnvVars:
    """Environment variables for every process of the sandbox. At most 256 entries; names match
    `^[A-Za-z_][A-Za-z0-9_]*$` (OpenAPI 3.0 cannot express a key pattern, hence
    `x-key-pattern`; the server enforces it → 400 `validation_error` naming the key); values are
    strings of at most 32768 characters without NUL (environment strings cannot hold one).

    """

    additional_properties: dict[str, str] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _env_vars_instance = cls()

        _env_vars_instance.additional_properties = d
        return _env_vars_instance

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> str:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: str) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
