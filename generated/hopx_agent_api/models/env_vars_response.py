from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.env_vars_response_env_vars import EnvVarsResponseEnvVars


T = TypeVar("T", bound="EnvVarsResponse")


@_attrs_define
class EnvVarsResponse:
    """
    Attributes:
        env_vars (EnvVarsResponseEnvVars):
        count (int):
        timestamp (datetime.datetime):
    """

    env_vars: EnvVarsResponseEnvVars
    count: int
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        env_vars = self.env_vars.to_dict()

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "env_vars": env_vars,
                "count": count,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.env_vars_response_env_vars import EnvVarsResponseEnvVars  # noqa: PLC0415

        d = dict(src_dict)
        env_vars = EnvVarsResponseEnvVars.from_dict(d.pop("env_vars"))

        count = d.pop("count")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _env_vars_response_instance = cls(
            env_vars=env_vars,
            count=count,
            timestamp=timestamp,
        )

        _env_vars_response_instance.additional_properties = d
        return _env_vars_response_instance

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
