from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.jupyter_session import JupyterSession


T = TypeVar("T", bound="JupyterSessionList")


@_attrs_define
class JupyterSessionList:
    """
    Attributes:
        available (bool): Whether this sandbox has a Jupyter kernel (code-interpreter template).
        sessions (list[JupyterSession]):
        count (int):
        timestamp (datetime.datetime):
    """

    available: bool
    sessions: list[JupyterSession]
    count: int
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "available": available,
                "sessions": sessions,
                "count": count,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.jupyter_session import JupyterSession  # noqa: PLC0415

        d = dict(src_dict)
        available = d.pop("available")

        sessions = []
        _sessions = d.pop("sessions")
        for sessions_item_data in _sessions:
            sessions_item = JupyterSession.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        count = d.pop("count")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _jupyter_session_list_instance = cls(
            available=available,
            sessions=sessions,
            count=count,
            timestamp=timestamp,
        )

        _jupyter_session_list_instance.additional_properties = d
        return _jupyter_session_list_instance

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
