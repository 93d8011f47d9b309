from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="CommandResponse")


@_attrs_define(eq=False, repr=False)
class CommandResponse(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "stdout",
            "stderr",
            "exit_code",
            "execution_time",
            "success",
            "command",
            "timestamp",
            "pid",
        }
    )

    stdout: str
    stderr: str
    exit_code: int
    execution_time: float
    success: bool
    command: str
    timestamp: datetime.datetime
    pid: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        stdout = self.stdout

        stderr = self.stderr

        exit_code = self.exit_code

        execution_time = self.execution_time

        success = self.success

        command = self.command

        timestamp = self.timestamp.isoformat()

        pid = self.pid

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        stdout = _types.as_str(d.get("stdout"))

        stderr = _types.as_str(d.get("stderr"))

        exit_code = _types.as_int(d.get("exit_code"))

        execution_time = _types.as_float(d.get("execution_time"))

        success = _types.as_bool(d.get("success"))

        command = _types.as_str(d.get("command"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        pid = _types.as_int_or_none(d.get("pid"))

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
        dict.update(_command_response_instance, d)
        return _command_response_instance
