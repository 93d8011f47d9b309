from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.process_status import ProcessStatus
from ..types import WireModel

T = TypeVar("T", bound="CommandBackgroundResponse")


@_attrs_define(eq=False, repr=False)
class CommandBackgroundResponse(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "process_id",
            "pid",
            "status",
            "command",
            "start_time",
            "message",
        }
    )

    process_id: str
    pid: int
    status: ProcessStatus
    command: str
    start_time: datetime.datetime
    message: str

    def to_dict(self) -> dict[str, Any]:
        process_id = self.process_id

        pid = self.pid

        status = self.status.value

        command = self.command

        start_time = self.start_time.isoformat()

        message = self.message

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        process_id = _types.as_str(d.get("process_id"))

        pid = _types.as_int(d.get("pid"))

        status = _types.as_enum(ProcessStatus, d.get("status"))

        command = _types.as_str(d.get("command"))

        start_time = _types.as_datetime(d.get("start_time"))

        message = _types.as_str(d.get("message"))

        _command_background_response_instance = cls(
            process_id=process_id,
            pid=pid,
            status=status,
            command=command,
            start_time=start_time,
            message=message,
        )
        dict.update(_command_background_response_instance, d)
        return _command_background_response_instance
