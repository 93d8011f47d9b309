from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.language import Language
from ..models.process_info_kind import ProcessInfoKind
from ..models.process_status import ProcessStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="ProcessInfo")


@_attrs_define(eq=False, repr=False)
class ProcessInfo(WireModel):
    """A background execution or background command.

    Attributes:
        process_id (str):
        execution_id (str):
        kind (ProcessInfoKind): Started by `/execute/background` or `/commands/background`.
        status (ProcessStatus): `queued` (accepted, not started), `running`, `completed` (exit code 0), `failed` (non-
            zero
            exit code or could not start), `killed` (by a kill request), `timeout` (killed by its timeout).
        start_time (datetime.datetime):
        end_time (datetime.datetime | None): Null while running.
        exit_code (int | None): Null while running or when killed by a signal.
        duration (float | None): Seconds; running time so far while running.
        pid (int | None): Pid in the sandbox (null while queued).
        name (str | Unset):
        language (Language | Unset): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
        command (str | Unset): The command line (`kind` = `command`).
        stdout (str | Unset): Captured stdout (last 1 MiB).
        stderr (str | Unset): Captured stderr (last 1 MiB).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "process_id",
            "execution_id",
            "kind",
            "status",
            "start_time",
            "end_time",
            "exit_code",
            "duration",
            "pid",
            "name",
            "language",
            "command",
            "stdout",
            "stderr",
        }
    )

    process_id: str
    execution_id: str
    kind: ProcessInfoKind
    status: ProcessStatus
    start_time: datetime.datetime
    end_time: datetime.datetime | None
    exit_code: int | None
    duration: float | None
    pid: int | None
    name: str | Unset = UNSET
    language: Language | Unset = UNSET
    command: str | Unset = UNSET
    stdout: str | Unset = UNSET
    stderr: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        process_id = self.process_id

        execution_id = self.execution_id

        kind = self.kind.value

        status = self.status.value

        start_time = self.start_time.isoformat()

        end_time: None | str
        if isinstance(self.end_time, datetime.datetime):
            end_time = self.end_time.isoformat()
        else:
            end_time = self.end_time

        exit_code: int | None
        exit_code = self.exit_code

        duration: float | None
        duration = self.duration

        pid: int | None
        pid = self.pid

        name = self.name

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        command = self.command

        stdout = self.stdout

        stderr = self.stderr

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "process_id": process_id,
                "execution_id": execution_id,
                "kind": kind,
                "status": status,
                "start_time": start_time,
                "end_time": end_time,
                "exit_code": exit_code,
                "duration": duration,
                "pid": pid,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if language is not UNSET:
            field_dict["language"] = language
        if command is not UNSET:
            field_dict["command"] = command
        if stdout is not UNSET:
            field_dict["stdout"] = stdout
        if stderr is not UNSET:
            field_dict["stderr"] = stderr

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        process_id = _types.as_str(d.get("process_id"))

        execution_id = _types.as_str(d.get("execution_id"))

        kind = _types.as_enum(ProcessInfoKind, d.get("kind"))

        status = _types.as_enum(ProcessStatus, d.get("status"))

        start_time = _types.as_datetime(d.get("start_time"))

        def _parse_end_time(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                end_time_type_0 = _types.as_datetime_or_none(data)

                return end_time_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        end_time = _parse_end_time(d.get("end_time"))

        def _parse_exit_code(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        exit_code = _parse_exit_code(d.get("exit_code"))

        def _parse_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        duration = _parse_duration(d.get("duration"))

        def _parse_pid(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        pid = _parse_pid(d.get("pid"))

        name = _types.as_str_or_none(d.get("name"))

        _language = d.get("language")
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = _types.as_enum(Language, _language)

        command = _types.as_str_or_none(d.get("command"))

        stdout = _types.as_str_or_none(d.get("stdout"))

        stderr = _types.as_str_or_none(d.get("stderr"))

        _process_info_instance = cls(
            process_id=process_id,
            execution_id=execution_id,
            kind=kind,
            status=status,
            start_time=start_time,
            end_time=end_time,
            exit_code=exit_code,
            duration=duration,
            pid=pid,
            name=name,
            language=language,
            command=command,
            stdout=stdout,
            stderr=stderr,
        )
        dict.update(_process_info_instance, d)
        return _process_info_instance
