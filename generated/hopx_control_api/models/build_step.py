from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.build_step_type import BuildStepType
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuildStep")


@_attrs_define
class BuildStep:
    """
    Attributes:
        type_ (BuildStepType): Dockerfile-like instruction. `FROM` is not a step (see `from_image`).
        args (list[str]): Instruction arguments: RUN `[command]`; COPY `[comma-separated sources, destination]`;
            ENV `[name, value]`; WORKDIR `[dir]`; USER `[user]`; CMD `[command]`.
        files_hash (str | Unset): COPY only - SHA-256 of the uploaded content (see `createTemplateUploadLink`).
        skip_cache (bool | Unset): Rebuild from this step on, ignoring the layer cache.
    """

    type_: BuildStepType
    args: list[str]
    files_hash: str | Unset = UNSET
    skip_cache: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        args = self.args

        files_hash = self.files_hash

        skip_cache = self.skip_cache

        field_dict: dict[str, Any] = {}

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = BuildStepType(d.pop("type"))

        args = cast(list[str], d.pop("args"))

        files_hash = d.pop("filesHash", UNSET)

        skip_cache = d.pop("skipCache", UNSET)

        _build_step_instance = cls(
            type_=type_,
            args=args,
            files_hash=files_hash,
            skip_cache=skip_cache,
        )

        return _build_step_instance
