from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.agent_event_kind import AgentEventKind
from ..models.ws_event_message_type import WsEventMessageType
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.agent_event_data import AgentEventData


T = TypeVar("T", bound="WsEventMessage")


@_attrs_define(eq=False, repr=False)
class WsEventMessage(WireModel):
    """`/stream` server → client, one agent event.

    Attributes:
        type_ (WsEventMessageType):
        event (AgentEventKind):
        data (AgentEventData): Payload of an agent event; the keys present depend on `event`.
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "event",
            "data",
            "timestamp",
        }
    )

    type_: WsEventMessageType
    event: AgentEventKind
    data: AgentEventData
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        event = self.event.value

        data = self.data.to_dict()

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.agent_event_data import AgentEventData  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsEventMessageType, d.get("type"))

        event = _types.as_enum(AgentEventKind, d.get("event"))

        data = AgentEventData.from_dict(d.get("data"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _ws_event_message_instance = cls(
            type_=type_,
            event=event,
            data=data,
            timestamp=timestamp,
        )
        dict.update(_ws_event_message_instance, d)
        return _ws_event_message_instance

    @property
    def type(self) -> WsEventMessageType:
        """``type_``, by its wire name."""
        return self.type_
