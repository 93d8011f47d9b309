from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.env_vars_response_env_vars import EnvVarsResponseEnvVars


T = TypeVar("T", bound="EnvVarsResponse")


@_attrs_define(eq=False, repr=False)
class EnvVarsResponse(WireModel):
    """
    Attributes:
        env_vars (EnvVarsResponseEnvVars):
        count (int):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "env_vars",
            "count",
            "timestamp",
        }
    )

    env_vars: EnvVarsResponseEnvVars
    count: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        env_vars = self.env_vars.to_dict()

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "env_vars": env_vars,
                "count": count,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.env_vars_response_env_vars import EnvVarsResponseEnvVars  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        env_vars = EnvVarsResponseEnvVars.from_dict(d.get("env_vars"))

        count = _types.as_int(d.get("count"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _env_vars_response_instance = cls(
            env_vars=env_vars,
            count=count,
            timestamp=timestamp,
        )
        dict.update(_env_vars_response_instance, d)
        return _env_vars_response_instance
