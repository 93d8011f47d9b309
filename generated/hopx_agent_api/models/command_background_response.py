from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.process_status import ProcessStatus

T = TypeVar("T", bound="CommandBackgroundResponse")


@_attrs_define
class CommandBackgroundResponse:
    """
    Attributes:
        process_id (str):
        pid (int):
        status (ProcessStatus): `queued` (accepted, not started), `running`, `completed` (exit code 0), `failed` (non-
            zero
            exit code or could not start), `killed` (by a kill request), `timeout` (killed by its timeout).
        command (str):
        start_time (datetime.datetime):
        message (str):
    """

    process_id: str
    pid: int
    status: ProcessStatus
    command: str
    start_time: datetime.datetime
    message: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        process_id = self.process_id

        pid = self.pid

        status = self.status.value

        command = self.command

        start_time = self.start_time.isoformat()

        message = self.message

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "process_id": process_id,
                "pid": pid,
                "status": status,
                "command": command,
                "start_time": start_time,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        process_id = d.pop("process_id")

        pid = d.pop("pid")

        status = ProcessStatus(d.pop("status"))

        command = d.pop("command")

        start_time = datetime.datetime.fromisoformat(d.pop("start_time"))

        message = d.pop("message")

        _command_background_response_instance = cls(
            process_id=process_id,
            pid=pid,
            status=status,
            command=command,
            start_time=start_time,
            message=message,
        )

        _command_background_response_instance.additional_properties = d
        return _command_background_response_instance

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
