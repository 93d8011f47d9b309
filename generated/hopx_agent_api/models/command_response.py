from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CommandResponse")


@_attrs_define
class CommandResponse:
    """
    Attributes:
        stdout (str):
        stderr (str):
        exit_code (int):
        execution_time (float):
        success (bool): `exit_code == 0`.
        command (str): The command as run (for the `bash -c X` form, `X`).
        timestamp (datetime.datetime):
        pid (int | Unset):
    """

    stdout: str
    stderr: str
    exit_code: int
    execution_time: float
    success: bool
    command: str
    timestamp: datetime.datetime
    pid: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        stdout = self.stdout

        stderr = self.stderr

        exit_code = self.exit_code

        execution_time = self.execution_time

        success = self.success

        command = self.command

        timestamp = self.timestamp.isoformat()

        pid = self.pid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stdout": stdout,
                "stderr": stderr,
                "exit_code": exit_code,
                "execution_time": execution_time,
                "success": success,
                "command": command,
                "timestamp": timestamp,
            }
        )
        if pid is not UNSET:
            field_dict["pid"] = pid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        stdout = d.pop("stdout")

        stderr = d.pop("stderr")

        exit_code = d.pop("exit_code")

        execution_time = d.pop("execution_time")

        success = d.pop("success")

        command = d.pop("command")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        pid = d.pop("pid", UNSET)

        _command_response_instance = cls(
            stdout=stdout,
            stderr=stderr,
            exit_code=exit_code,
            execution_time=execution_time,
            success=success,
            command=command,
            timestamp=timestamp,
            pid=pid,
        )

        _command_response_instance.additional_properties = d
        return _command_response_instance

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
