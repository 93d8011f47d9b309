from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_terminal_exit_message_type import WsTerminalExitMessageType
from ..types import WireModel

T = TypeVar("T", bound="WsTerminalExitMessage")


@_attrs_define(eq=False, repr=False)
class WsTerminalExitMessage(WireModel):
    """`/terminal` server → client, the shell ended (the socket closes next).

    Attributes:
        type_ (WsTerminalExitMessageType):
        code (int): Exit status of the shell.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "code",
        }
    )

    type_: WsTerminalExitMessageType
    code: int

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        code = self.code

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
                "code": code,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsTerminalExitMessageType, d.get("type"))

        code = _types.as_int(d.get("code"))

        _ws_terminal_exit_message_instance = cls(
            type_=type_,
            code=code,
        )
        dict.update(_ws_terminal_exit_message_instance, d)
        return _ws_terminal_exit_message_instance

    @property
    def type(self) -> WsTerminalExitMessageType:
        """``type_``, by its wire name."""
        return self.type_
