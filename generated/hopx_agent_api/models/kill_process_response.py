from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.process_status import ProcessStatus
from ..types import WireModel

T = TypeVar("T", bound="KillProcessResponse")


@_attrs_define(eq=False, repr=False)
class KillProcessResponse(WireModel):
    """
    Attributes:
        success (bool): True when the process was running and has been killed.
        process_id (str):
        status (ProcessStatus): `queued` (accepted, not started), `running`, `completed` (exit code 0), `failed` (non-
            zero
            exit code or could not start), `killed` (by a kill request), `timeout` (killed by its timeout).
        message (str):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "success",
            "process_id",
            "status",
            "message",
            "timestamp",
        }
    )

    success: bool
    process_id: str
    status: ProcessStatus
    message: str
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        process_id = self.process_id

        status = self.status.value

        message = self.message

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "success": success,
                "process_id": process_id,
                "status": status,
                "message": message,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        success = _types.as_bool(d.get("success"))

        process_id = _types.as_str(d.get("process_id"))

        status = _types.as_enum(ProcessStatus, d.get("status"))

        message = _types.as_str(d.get("message"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _kill_process_response_instance = cls(
            success=success,
            process_id=process_id,
            status=status,
            message=message,
            timestamp=timestamp,
        )
        dict.update(_kill_process_response_instance, d)
        return _kill_process_response_instance
