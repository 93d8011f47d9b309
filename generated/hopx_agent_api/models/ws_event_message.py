from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_event_kind import AgentEventKind
from ..models.ws_event_message_type import WsEventMessageType

if TYPE_CHECKING:
    from ..models.agent_event_data import AgentEventData


T = TypeVar("T", bound="WsEventMessage")


@_attrs_define
class WsEventMessage:
    """`/stream` server → client, one agent event.

    Attributes:
        type_ (WsEventMessageType):
        event (AgentEventKind):
        data (AgentEventData): Payload of an agent event; the keys present depend on `event`.
        timestamp (datetime.datetime):
    """

    type_: WsEventMessageType
    event: AgentEventKind
    data: AgentEventData
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        event = self.event.value

        data = self.data.to_dict()

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "event": event,
                "data": data,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.agent_event_data import AgentEventData  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WsEventMessageType(d.pop("type"))

        event = AgentEventKind(d.pop("event"))

        data = AgentEventData.from_dict(d.pop("data"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _ws_event_message_instance = cls(
            type_=type_,
            event=event,
            data=data,
            timestamp=timestamp,
        )

        _ws_event_message_instance.additional_properties = d
        return _ws_event_message_instance

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
