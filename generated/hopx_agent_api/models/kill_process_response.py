from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.process_status import ProcessStatus

T = TypeVar("T", bound="KillProcessResponse")


@_attrs_define
class KillProcessResponse:
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

    success: bool
    process_id: str
    status: ProcessStatus
    message: str
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        success = self.success

        process_id = self.process_id

        status = self.status.value

        message = self.message

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        success = d.pop("success")

        process_id = d.pop("process_id")

        status = ProcessStatus(d.pop("status"))

        message = d.pop("message")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _kill_process_response_instance = cls(
            success=success,
            process_id=process_id,
            status=status,
            message=message,
            timestamp=timestamp,
        )

        _kill_process_response_instance.additional_properties = d
        return _kill_process_response_instance

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
