from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_terminal_resize_message_type import WsTerminalResizeMessageType

T = TypeVar("T", bound="WsTerminalResizeMessage")


@_attrs_define
class WsTerminalResizeMessage:
    """`/terminal` client → server, window size.

    Attributes:
        type_ (WsTerminalResizeMessageType):
        cols (int):
        rows (int):
    """

    type_: WsTerminalResizeMessageType
    cols: int
    rows: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        cols = self.cols

        rows = self.rows

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "cols": cols,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsTerminalResizeMessageType(d.pop("type"))

        cols = d.pop("cols")

        rows = d.pop("rows")

        _ws_terminal_resize_message_instance = cls(
            type_=type_,
            cols=cols,
            rows=rows,
        )

        _ws_terminal_resize_message_instance.additional_properties = d
        return _ws_terminal_resize_message_instance

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
