from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.health_response_status import HealthResponseStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="HealthResponse")


@_attrs_define(eq=False, repr=False)
class HealthResponse(WireModel):
    """
    Attributes:
        status (HealthResponseStatus):
        version (str):
        uptime_seconds (float):
        timestamp (datetime.datetime):
        agent (str | Unset): Agent name.
        active_streams (int | Unset): Open WebSocket connections.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "status",
            "version",
            "uptime_seconds",
            "timestamp",
            "agent",
            "active_streams",
        }
    )

    status: HealthResponseStatus
    version: str
    uptime_seconds: float
    timestamp: datetime.datetime
    agent: str | Unset = UNSET
    active_streams: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        status = self.status.value

        version = self.version

        uptime_seconds = self.uptime_seconds

        timestamp = self.timestamp.isoformat()

        agent = self.agent

        active_streams = self.active_streams

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        status = _types.as_enum(HealthResponseStatus, d.get("status"))

        version = _types.as_str(d.get("version"))

        uptime_seconds = _types.as_float(d.get("uptime_seconds"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        agent = _types.as_str_or_none(d.get("agent"))

        active_streams = _types.as_int_or_none(d.get("active_streams"))

        _health_response_instance = cls(
            status=status,
            version=version,
            uptime_seconds=uptime_seconds,
            timestamp=timestamp,
            agent=agent,
            active_streams=active_streams,
        )
        dict.update(_health_response_instance, d)
        return _health_response_instance
