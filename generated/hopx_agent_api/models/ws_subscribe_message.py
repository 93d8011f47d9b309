from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.agent_event_kind import AgentEventKind
from ..models.ws_subscribe_message_type import WsSubscribeMessageType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="WsSubscribeMessage")


@_attrs_define(eq=False, repr=False)
class WsSubscribeMessage(WireModel):
    """`/stream` client → server, the event filter.

    Attributes:
        type_ (WsSubscribeMessageType):
        events (list[AgentEventKind] | Unset): Event kinds to receive; empty or absent = all.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "events",
        }
    )

    type_: WsSubscribeMessageType
    events: list[AgentEventKind] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
            }
        )
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsSubscribeMessageType, d.get("type"))

        _events = d.get("events")
        events: list[AgentEventKind] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _types.as_list(_events):
                events_item = _types.as_enum(AgentEventKind, events_item_data)

                events.append(events_item)

        _ws_subscribe_message_instance = cls(
            type_=type_,
            events=events,
        )
        dict.update(_ws_subscribe_message_instance, d)
        return _ws_subscribe_message_instance

    @property
    def type(self) -> WsSubscribeMessageType:
        """``type_``, by its wire name."""
        return self.type_
