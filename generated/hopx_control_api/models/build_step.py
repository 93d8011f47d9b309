from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.build_step_type import BuildStepType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="BuildStep")


@_attrs_define(eq=False, repr=False)
class BuildStep(WireModel):
    """
    Attributes:
        type_ (BuildStepType): Dockerfile-like instruction. `FROM` is not a step (see `from_image`).
        args (list[str]): Instruction arguments: RUN `[command]`; COPY `[comma-separated sources, destination]`;
            ENV `[name, value]`; WORKDIR `[dir]`; USER `[user]`; CMD `[command]`.
        files_hash (str | Unset): COPY only - SHA-256 of the uploaded content (see `createTemplateUploadLink`).
        skip_cache (bool | Unset): Rebuild from this step on, ignoring the layer cache.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "args",
            "filesHash",
            "skipCache",
        }
    )

    type_: BuildStepType
    args: list[str]
    files_hash: str | Unset = UNSET
    skip_cache: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        args = self.args

        files_hash = self.files_hash

        skip_cache = self.skip_cache

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
                "args": args,
            }
        )
        if files_hash is not UNSET:
            field_dict["filesHash"] = files_hash
        if skip_cache is not UNSET:
            field_dict["skipCache"] = skip_cache

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(BuildStepType, d.get("type"))

        args = cast(list[str], _types.as_list(d.get("args")))

        files_hash = _types.as_str_or_none(d.get("filesHash"))

        skip_cache = _types.as_bool_or_none(d.get("skipCache"))

        _build_step_instance = cls(
            type_=type_,
            args=args,
            files_hash=files_hash,
            skip_cache=skip_cache,
        )
        dict.update(_build_step_instance, d)
        return _build_step_instance

    @property
    def type(self) -> BuildStepType:
        """``type_``, by its wire name."""
        return self.type_
