from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.env_vars_set_request_env_vars import EnvVarsSetRequestEnvVars


T = TypeVar("T", bound="EnvVarsSetRequest")


@_attrs_define(eq=False, repr=False)
class EnvVarsSetRequest(WireModel):
    """
    Attributes:
        env_vars (EnvVarsSetRequestEnvVars): Names `^[A-Za-z_][A-Za-z0-9_]*$`; values are strings.
        merge (bool | Unset): Accepted for compatibility and ignored (PUT replaces, PATCH merges).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "env_vars",
            "merge",
        }
    )

    env_vars: EnvVarsSetRequestEnvVars
    merge: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        env_vars = self.env_vars.to_dict()

        merge = self.merge

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "env_vars": env_vars,
            }
        )
        if merge is not UNSET:
            field_dict["merge"] = merge

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.env_vars_set_request_env_vars import EnvVarsSetRequestEnvVars  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        env_vars = EnvVarsSetRequestEnvVars.from_dict(d.get("env_vars"))

        merge = _types.as_bool_or_none(d.get("merge"))

        _env_vars_set_request_instance = cls(
            env_vars=env_vars,
            merge=merge,
        )
        dict.update(_env_vars_set_request_instance, d)
        return _env_vars_set_request_instance
