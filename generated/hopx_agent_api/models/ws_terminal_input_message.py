from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_terminal_input_message_type import WsTerminalInputMessageType
from ..types import WireModel

T = TypeVar("T", bound="WsTerminalInputMessage")


@_attrs_define(eq=False, repr=False)
class WsTerminalInputMessage(WireModel):
    """`/terminal` client → server, keystrokes.

    Attributes:
        type_ (WsTerminalInputMessageType):
        data (str):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "data",
        }
    )

    type_: WsTerminalInputMessageType
    data: str

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        data = self.data

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsTerminalInputMessageType, d.get("type"))

        data = _types.as_str(d.get("data"))

        _ws_terminal_input_message_instance = cls(
            type_=type_,
            data=data,
        )
        dict.update(_ws_terminal_input_message_instance, d)
        return _ws_terminal_input_message_instance

    @property
    def type(self) -> WsTerminalInputMessageType:
        """``type_``, by its wire name."""
        return self.type_
