from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.command_background_request_env import CommandBackgroundRequestEnv


T = TypeVar("T", bound="CommandBackgroundRequest")


@_attrs_define(eq=False, repr=False)
class CommandBackgroundRequest(WireModel):
    """
    Attributes:
        command (str): Shell command line (no `args`) or program to run (with `args`).
        args (list[str] | Unset):
        timeout (int | Unset):  Default: 120.
        workdir (str | Unset):  Default: '/workspace'.
        env (CommandBackgroundRequestEnv | Unset):
        name (str | Unset): Label shown in the process list.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "command",
            "args",
            "timeout",
            "workdir",
            "env",
            "name",
        }
    )

    command: str
    args: list[str] | Unset = UNSET
    timeout: int | Unset = 120
    workdir: str | Unset = "/workspace"
    env: CommandBackgroundRequestEnv | Unset = UNSET
    name: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        command = self.command

        args: list[str] | Unset = UNSET
        if not isinstance(self.args, Unset):
            args = self.args

        timeout = self.timeout

        workdir = self.workdir

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        name = self.name

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "command": command,
            }
        )
        if args is not UNSET:
            field_dict["args"] = args
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if workdir is not UNSET:
            field_dict["workdir"] = workdir
        if env is not UNSET:
            field_dict["env"] = env
        if name is not UNSET:
            field_dict["name"] = name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.command_background_request_env import (
            CommandBackgroundRequestEnv,  # noqa: PLC0415
        )

        d = _types.as_mapping(src_dict)
        command = _types.as_str(d.get("command"))

        args = cast(list[str] | Unset, d.get("args"))

        timeout = _types.as_int_or_none(d.get("timeout"))

        workdir = _types.as_str_or_none(d.get("workdir"))

        _env = d.get("env")
        env: CommandBackgroundRequestEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = CommandBackgroundRequestEnv.from_dict(_env)

        name = _types.as_str_or_none(d.get("name"))

        _command_background_request_instance = cls(
            command=command,
            args=args,
            timeout=timeout,
            workdir=workdir,
            env=env,
            name=name,
        )
        dict.update(_command_background_request_instance, d)
        return _command_background_request_instance
