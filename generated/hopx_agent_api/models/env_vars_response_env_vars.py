from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="EnvVarsResponseEnvVars")


@_attrs_define(eq=False, repr=False)
class EnvVarsResponseEnvVars(WireModel):
    _known_keys: ClassVar[frozenset[str]] = frozenset({})

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = self.additional_properties

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        _env_vars_response_env_vars_instance = cls()
        dict.update(_env_vars_response_env_vars_instance, d)
        return _env_vars_response_env_vars_instance
