from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language import Language
from ..models.process_status import ProcessStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BackgroundExecutionResponse")


@_attrs_define
class BackgroundExecutionResponse:
    """
    Attributes:
        process_id (str): Id for the process list and kill operations.
        execution_id (str):
        status (ProcessStatus): `queued` (accepted, not started), `running`, `completed` (exit code 0), `failed` (non-
            zero
            exit code or could not start), `killed` (by a kill request), `timeout` (killed by its timeout).
        language (Language): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
        start_time (datetime.datetime):
        message (str):
        name (str | Unset):
        pid (int | Unset): Pid in the sandbox, once started.
    """

    process_id: str
    execution_id: str
    status: ProcessStatus
    language: Language
    start_time: datetime.datetime
    message: str
    name: str | Unset = UNSET
    pid: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        process_id = self.process_id

        execution_id = self.execution_id

        status = self.status.value

        language = self.language.value

        start_time = self.start_time.isoformat()

        message = self.message

        name = self.name

        pid = self.pid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "process_id": process_id,
                "execution_id": execution_id,
                "status": status,
                "language": language,
                "start_time": start_time,
                "message": message,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if pid is not UNSET:
            field_dict["pid"] = pid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        process_id = d.pop("process_id")

        execution_id = d.pop("execution_id")

        status = ProcessStatus(d.pop("status"))

        language = Language(d.pop("language"))

        start_time = datetime.datetime.fromisoformat(d.pop("start_time"))

        message = d.pop("message")

        name = d.pop("name", UNSET)

        pid = d.pop("pid", UNSET)

        _background_execution_response_instance = cls(
            process_id=process_id,
            execution_id=execution_id,
            status=status,
            language=language,
            start_time=start_time,
            message=message,
            name=name,
            pid=pid,
        )

        _background_execution_response_instance.additional_properties = d
        return _background_execution_response_instance

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
