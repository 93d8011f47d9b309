from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_event_kind import AgentEventKind
from ..models.ws_subscribe_message_type import WsSubscribeMessageType
from ..types import UNSET, Unset

T = TypeVar("T", bound="WsSubscribeMessage")


@_attrs_define
class WsSubscribeMessage:
    """`/stream` client → server, the event filter.

    Attributes:
        type_ (WsSubscribeMessageType):
        events (list[AgentEventKind] | Unset): Event kinds to receive; empty or absent = all.
    """

    type_: WsSubscribeMessageType
    events: list[AgentEventKind] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        events: list[str] | Unset = UNSET
        if not isinstance(self.events, Unset):
            events = []
            for events_item_data in self.events:
                events_item = events_item_data.value
                events.append(events_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if events is not UNSET:
            field_dict["events"] = events

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = WsSubscribeMessageType(d.pop("type"))

        _events = d.pop("events", UNSET)
        events: list[AgentEventKind] | Unset = UNSET
        if _events is not UNSET:
            events = []
            for events_item_data in _events:
                events_item = AgentEventKind(events_item_data)

                events.append(events_item)

        _ws_subscribe_message_instance = cls(
            type_=type_,
            events=events,
        )

        _ws_subscribe_message_instance.additional_properties = d
        return _ws_subscribe_message_instance

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
