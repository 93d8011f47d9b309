from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.agent_event_data_stream import AgentEventDataStream
from ..models.language import Language
from ..models.process_status import ProcessStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="AgentEventData")


@_attrs_define
class AgentEventData:
    """Payload of an agent event; the keys present depend on `event`.

    Attributes:
        process_id (str | Unset):
        execution_id (str | Unset):
        status (ProcessStatus | Unset): `queued` (accepted, not started), `running`, `completed` (exit code 0), `failed`
            (non-zero
            exit code or could not start), `killed` (by a kill request), `timeout` (killed by its timeout).
        exit_code (int | None | Unset):
        stream (AgentEventDataStream | Unset):
        data (str | Unset): Output chunk (`process.output`).
        language (Language | Unset): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
            template),
            `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
        keys (list[str] | Unset): Variables changed (`env.changed`).
    """

    process_id: str | Unset = UNSET
    execution_id: str | Unset = UNSET
    status: ProcessStatus | Unset = UNSET
    exit_code: int | None | Unset = UNSET
    stream: AgentEventDataStream | Unset = UNSET
    data: str | Unset = UNSET
    language: Language | Unset = UNSET
    keys: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        process_id = self.process_id

        execution_id = self.execution_id

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        exit_code: int | None | Unset
        if isinstance(self.exit_code, Unset):
            exit_code = UNSET
        else:
            exit_code = self.exit_code

        stream: str | Unset = UNSET
        if not isinstance(self.stream, Unset):
            stream = self.stream.value

        data = self.data

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        keys: list[str] | Unset = UNSET
        if not isinstance(self.keys, Unset):
            keys = self.keys

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if process_id is not UNSET:
            field_dict["process_id"] = process_id
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id
        if status is not UNSET:
            field_dict["status"] = status
        if exit_code is not UNSET:
            field_dict["exit_code"] = exit_code
        if stream is not UNSET:
            field_dict["stream"] = stream
        if data is not UNSET:
            field_dict["data"] = data
        if language is not UNSET:
            field_dict["language"] = language
        if keys is not UNSET:
            field_dict["keys"] = keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        process_id = d.pop("process_id", UNSET)

        execution_id = d.pop("execution_id", UNSET)

        _status = d.pop("status", UNSET)
        status: ProcessStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = ProcessStatus(_status)

        def _parse_exit_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        exit_code = _parse_exit_code(d.pop("exit_code", UNSET))

        _stream = d.pop("stream", UNSET)
        stream: AgentEventDataStream | Unset
        if isinstance(_stream, Unset):
            stream = UNSET
        else:
            stream = AgentEventDataStream(_stream)

        data = d.pop("data", UNSET)

        _language = d.pop("language", UNSET)
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = Language(_language)

        keys = cast(list[str], d.pop("keys", UNSET))

        _agent_event_data_instance = cls(
            process_id=process_id,
            execution_id=execution_id,
            status=status,
            exit_code=exit_code,
            stream=stream,
            data=data,
            language=language,
            keys=keys,
        )

        _agent_event_data_instance.additional_properties = d
        return _agent_event_data_instance

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
