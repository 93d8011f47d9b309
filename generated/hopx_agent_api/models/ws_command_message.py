from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_command_message_type import WsCommandMessageType
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.ws_command_message_env import WsCommandMessageEnv


T = TypeVar("T", bound="WsCommandMessage")


@_attrs_define(eq=False, repr=False)
class WsCommandMessage(WireModel):
    """`/commands/stream` client → server: the command to run (first frame).

    Attributes:
        type_ (WsCommandMessageType):
        command (str):
        args (list[str] | Unset):
        timeout (int | Unset):  Default: 120.
        workdir (str | Unset):  Default: '/workspace'.
        env (WsCommandMessageEnv | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "command",
            "args",
            "timeout",
            "workdir",
            "env",
        }
    )

    type_: WsCommandMessageType
    command: str
    args: list[str] | Unset = UNSET
    timeout: int | Unset = 120
    workdir: str | Unset = "/workspace"
    env: WsCommandMessageEnv | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        command = self.command

        args: list[str] | Unset = UNSET
        if not isinstance(self.args, Unset):
            args = self.args

        timeout = self.timeout

        workdir = self.workdir

        env: dict[str, Any] | Unset = UNSET
        if not isinstance(self.env, Unset):
            env = self.env.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.ws_command_message_env import WsCommandMessageEnv  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsCommandMessageType, d.get("type"))

        command = _types.as_str(d.get("command"))

        args = cast(list[str] | Unset, d.get("args"))

        timeout = _types.as_int_or_none(d.get("timeout"))

        workdir = _types.as_str_or_none(d.get("workdir"))

        _env = d.get("env")
        env: WsCommandMessageEnv | Unset
        if isinstance(_env, Unset):
            env = UNSET
        else:
            env = WsCommandMessageEnv.from_dict(_env)

        _ws_command_message_instance = cls(
            type_=type_,
            command=command,
            args=args,
            timeout=timeout,
            workdir=workdir,
            env=env,
        )
        dict.update(_ws_command_message_instance, d)
        return _ws_command_message_instance

    @property
    def type(self) -> WsCommandMessageType:
        """``type_``, by its wire name."""
        return self.type_
