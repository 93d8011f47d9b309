from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_terminal_input_message_type import WsTerminalInputMessageType

T = TypeVar("T", bound="WsTerminalInputMessage")


@_attrs_define
class WsTerminalInputMessage:
    """`/terminal` client → server, keystrokes.

    Attributes:
        type_ (WsTerminalInputMessageType):
        data (str):
    """

    type_: WsTerminalInputMessageType
    data: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        data = self.data

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsTerminalInputMessageType(d.pop("type"))

        data = d.pop("data")

        _ws_terminal_input_message_instance = cls(
            type_=type_,
            data=data,
        )

        _ws_terminal_input_message_instance.additional_properties = d
        return _ws_terminal_input_message_instance

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
