from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.agent_event_data_stream import AgentEventDataStream
from ..models.language import Language
from ..models.process_status import ProcessStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="AgentEventData")


@_attrs_define(eq=False, repr=False)
class AgentEventData(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "process_id",
            "execution_id",
            "status",
            "exit_code",
            "stream",
            "data",
            "language",
            "keys",
        }
    )

    process_id: str | Unset = UNSET
    execution_id: str | Unset = UNSET
    status: ProcessStatus | Unset = UNSET
    exit_code: int | None | Unset = UNSET
    stream: AgentEventDataStream | Unset = UNSET
    data: str | Unset = UNSET
    language: Language | Unset = UNSET
    keys: list[str] | Unset = UNSET  # type: ignore[assignment]

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

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        process_id = _types.as_str_or_none(d.get("process_id"))

        execution_id = _types.as_str_or_none(d.get("execution_id"))

        _status = d.get("status")
        status: ProcessStatus | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = _types.as_enum(ProcessStatus, _status)

        def _parse_exit_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        exit_code = _parse_exit_code(d.get("exit_code"))

        _stream = d.get("stream")
        stream: AgentEventDataStream | Unset
        if isinstance(_stream, Unset):
            stream = UNSET
        else:
            stream = _types.as_enum(AgentEventDataStream, _stream)

        data = _types.as_str_or_none(d.get("data"))

        _language = d.get("language")
        language: Language | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = _types.as_enum(Language, _language)

        keys = cast(list[str] | Unset, d.get("keys"))

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
        dict.update(_agent_event_data_instance, d)
        return _agent_event_data_instance
