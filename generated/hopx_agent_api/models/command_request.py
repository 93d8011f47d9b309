from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.command_request_env import CommandRequestEnv


T = TypeVar("T", bound="CommandRequest")


@_attrs_define
class CommandRequest:
    """
    Attributes:
        command (str): Shell command line (no `args`) or program to run (with `args`).
        args (list[str] | Unset): When present, `command` is run directly with these arguments (no shell).
        timeout (int | Unset):  Default: 120.
        workdir (str | Unset):  Default: '/workspace'.
        env (CommandRequestEnv | Unset):
    """

    command: str
    args: list[str] | Unset = UNSET
    timeout: int | Unset = 120
    workdir: str | Unset = "/workspace"
    env: CommandRequestEnv | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.command_request_env import CommandRequestEnv  # noqa: PLC0415

        d = dict(src_dict)
        command = d.pop("command")

        args = cast(list[str], d.pop("args", UNSET))

        timeout = d.pop("timeout", UNSET)

        workdir = d.pop("workdir", UNSET)

        _env = d.pop("env", UNSET)
        env: CommandRequestEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = CommandRequestEnv.from_dict(_env)

        _command_request_instance = cls(
            command=command,
            args=args,
            timeout=timeout,
            workdir=workdir,
            env=env,
        )

        _command_request_instance.additional_properties = d
        return _command_request_instance

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
