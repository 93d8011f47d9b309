from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_terminal_resize_message_type import WsTerminalResizeMessageType
from ..types import WireModel

T = TypeVar("T", bound="WsTerminalResizeMessage")


@_attrs_define(eq=False, repr=False)
class WsTerminalResizeMessage(WireModel):
    """`/terminal` client → server, window size.

    Attributes:
        type_ (WsTerminalResizeMessageType):
        cols (int):
        rows (int):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "cols",
            "rows",
        }
    )

    type_: WsTerminalResizeMessageType
    cols: int
    rows: int

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        cols = self.cols

        rows = self.rows

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
                "cols": cols,
                "rows": rows,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsTerminalResizeMessageType, d.get("type"))

        cols = _types.as_int(d.get("cols"))

        rows = _types.as_int(d.get("rows"))

        _ws_terminal_resize_message_instance = cls(
            type_=type_,
            cols=cols,
            rows=rows,
        )
        dict.update(_ws_terminal_resize_message_instance, d)
        return _ws_terminal_resize_message_instance

    @property
    def type(self) -> WsTerminalResizeMessageType:
        """``type_``, by its wire name."""
        return self.type_
