from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.env_vars_set_request_env_vars import EnvVarsSetRequestEnvVars


T = TypeVar("T", bound="EnvVarsSetRequest")


@_attrs_define
class EnvVarsSetRequest:
    """
    Attributes:
        env_vars (EnvVarsSetRequestEnvVars): Names `^[A-Za-z_][A-Za-z0-9_]*$`; values are strings.
        merge (bool | Unset): Accepted for compatibility and ignored (PUT replaces, PATCH merges).
    """

    env_vars: EnvVarsSetRequestEnvVars
    merge: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        env_vars = self.env_vars.to_dict()

        merge = self.merge

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "env_vars": env_vars,
            }
        )
        if merge is not UNSET:
            field_dict["merge"] = merge

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.env_vars_set_request_env_vars import EnvVarsSetRequestEnvVars  # noqa: PLC0415

        d = dict(src_dict)
        env_vars = EnvVarsSetRequestEnvVars.from_dict(d.pop("env_vars"))

        merge = d.pop("merge", UNSET)

        _env_vars_set_request_instance = cls(
            env_vars=env_vars,
            merge=merge,
        )

        _env_vars_set_request_instance.additional_properties = d
        return _env_vars_set_request_instance

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
