from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.health_response_status import HealthResponseStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="HealthResponse")


@_attrs_define
class HealthResponse:
    """
    Attributes:
        status (HealthResponseStatus):
        version (str):
        uptime_seconds (float):
        timestamp (datetime.datetime):
        agent (str | Unset): Agent name.
        active_streams (int | Unset): Open WebSocket connections.
    """

    status: HealthResponseStatus
    version: str
    uptime_seconds: float
    timestamp: datetime.datetime
    agent: str | Unset = UNSET
    active_streams: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        version = self.version

        uptime_seconds = self.uptime_seconds

        timestamp = self.timestamp.isoformat()

        agent = self.agent

        active_streams = self.active_streams

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "status": status,
                "version": version,
                "uptime_seconds": uptime_seconds,
                "timestamp": timestamp,
            }
        )
        if agent is not UNSET:
            field_dict["agent"] = agent
        if active_streams is not UNSET:
            field_dict["active_streams"] = active_streams

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        status = HealthResponseStatus(d.pop("status"))

        version = d.pop("version")

        uptime_seconds = d.pop("uptime_seconds")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        agent = d.pop("agent", UNSET)

        active_streams = d.pop("active_streams", UNSET)

        _health_response_instance = cls(
            status=status,
            version=version,
            uptime_seconds=uptime_seconds,
            timestamp=timestamp,
            agent=agent,
            active_streams=active_streams,
        )

        _health_response_instance.additional_properties = d
        return _health_response_instance

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
