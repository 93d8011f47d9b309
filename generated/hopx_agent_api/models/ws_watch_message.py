from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_watch_message_action import WsWatchMessageAction
from ..types import WireModel

T = TypeVar("T", bound="WsWatchMessage")


@_attrs_define(eq=False, repr=False)
class WsWatchMessage(WireModel):
    """`/files/watch` client → server.

    Attributes:
        action (WsWatchMessageAction):
        path (str):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "action",
            "path",
        }
    )

    action: WsWatchMessageAction
    path: str

    def to_dict(self) -> dict[str, Any]:
        action = self.action.value

        path = self.path

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "action": action,
                "path": path,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        action = _types.as_enum(WsWatchMessageAction, d.get("action"))

        path = _types.as_str(d.get("path"))

        _ws_watch_message_instance = cls(
            action=action,
            path=path,
        )
        dict.update(_ws_watch_message_instance, d)
        return _ws_watch_message_instance
