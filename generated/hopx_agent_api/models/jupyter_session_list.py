from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.jupyter_session import JupyterSession


T = TypeVar("T", bound="JupyterSessionList")


@_attrs_define(eq=False, repr=False)
class JupyterSessionList(WireModel):
    """
    Attributes:
        available (bool): Whether this sandbox has a Jupyter kernel (code-interpreter template).
        sessions (list[JupyterSession]):
        count (int):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "available",
            "sessions",
            "count",
            "timestamp",
        }
    )

    available: bool
    sessions: list[JupyterSession]
    count: int
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        available = self.available

        sessions = []
        for sessions_item_data in self.sessions:
            sessions_item = sessions_item_data.to_dict()
            sessions.append(sessions_item)

        count = self.count

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.jupyter_session import JupyterSession  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        available = _types.as_bool(d.get("available"))

        sessions = []
        _sessions = d.get("sessions")
        for sessions_item_data in _types.as_list(_sessions):
            sessions_item = JupyterSession.from_dict(sessions_item_data)

            sessions.append(sessions_item)

        count = _types.as_int(d.get("count"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _jupyter_session_list_instance = cls(
            available=available,
            sessions=sessions,
            count=count,
            timestamp=timestamp,
        )
        dict.update(_jupyter_session_list_instance, d)
        return _jupyter_session_list_instance
