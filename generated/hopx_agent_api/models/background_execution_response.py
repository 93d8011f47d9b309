from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.language import Language
from ..models.process_status import ProcessStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="BackgroundExecutionResponse")


@_attrs_define(eq=False, repr=False)
class BackgroundExecutionResponse(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "process_id",
            "execution_id",
            "status",
            "language",
            "start_time",
            "message",
            "name",
            "pid",
        }
    )

    process_id: str
    execution_id: str
    status: ProcessStatus
    language: Language
    start_time: datetime.datetime
    message: str
    name: str | Unset = UNSET
    pid: int | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        process_id = self.process_id

        execution_id = self.execution_id

        status = self.status.value

        language = self.language.value

        start_time = self.start_time.isoformat()

        message = self.message

        name = self.name

        pid = self.pid

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        process_id = _types.as_str(d.get("process_id"))

        execution_id = _types.as_str(d.get("execution_id"))

        status = _types.as_enum(ProcessStatus, d.get("status"))

        language = _types.as_enum(Language, d.get("language"))

        start_time = _types.as_datetime(d.get("start_time"))

        message = _types.as_str(d.get("message"))

        name = _types.as_str_or_none(d.get("name"))

        pid = _types.as_int_or_none(d.get("pid"))

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
        dict.update(_background_execution_response_instance, d)
        return _background_execution_response_instance
