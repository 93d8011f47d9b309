from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.language import Language
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.execute_response_json_type_0 import ExecuteResponseJsonType0
    from ..models.rich_output import RichOutput


T = TypeVar("T", bound="ExecuteResponse")


@_attrs_define
class ExecuteResponse:
    """Result of a finished execution. The rich fields (`png`, `html`, `svg`, `json`, `markdown`,
    `result`, `error`) appear only for Python executed in the Jupyter kernel (code-interpreter
    template); `rich_outputs` is then the ordered list of every display (empty otherwise).

        Attributes:
            stdout (str):
            stderr (str):
            exit_code (int): Process exit code (kernel executions - 0, or 1 after an exception).
            execution_time (float): Wall time, seconds.
            success (bool): `exit_code == 0` (and no kernel exception).
            language (Language): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
                template),
                `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
            timestamp (datetime.datetime): Completion time.
            rich_outputs (list[RichOutput]):
            png (str | Unset): Last image/png display, base64.
            html (str | Unset): Last text/html display.
            svg (str | Unset): Last image/svg+xml display.
            json (ExecuteResponseJsonType0 | None | Unset): Last application/json display when it is a JSON object (other
                JSON values are only in
                `rich_outputs`).
            markdown (str | Unset): Last text/markdown display.
            result (str | Unset): text/plain representation of the value of the last expression.
            error (str | Unset): `<ename>: <evalue>` of an exception raised in the kernel (traceback in `stderr`).
    """

    stdout: str
    stderr: str
    exit_code: int
    execution_time: float
    success: bool
    language: Language
    timestamp: datetime.datetime
    rich_outputs: list[RichOutput]
    png: str | Unset = UNSET
    html: str | Unset = UNSET
    svg: str | Unset = UNSET
    json: ExecuteResponseJsonType0 | None | Unset = UNSET
    markdown: str | Unset = UNSET
    result: str | Unset = UNSET
    error: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.execute_response_json_type_0 import ExecuteResponseJsonType0  # noqa: PLC0415

        stdout = self.stdout

        stderr = self.stderr

        exit_code = self.exit_code

        execution_time = self.execution_time

        success = self.success

        language = self.language.value

        timestamp = self.timestamp.isoformat()

        rich_outputs = []
        for rich_outputs_item_data in self.rich_outputs:
            rich_outputs_item = rich_outputs_item_data.to_dict()
            rich_outputs.append(rich_outputs_item)

        png = self.png

        html = self.html

        svg = self.svg

        json: dict[str, Any] | None | Unset
        if isinstance(self.json, Unset):
            json = UNSET
        elif isinstance(self.json, ExecuteResponseJsonType0):
            json = self.json.to_dict()
        else:
            json = self.json

        markdown = self.markdown

        result = self.result

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "stdout": stdout,
                "stderr": stderr,
                "exit_code": exit_code,
                "execution_time": execution_time,
                "success": success,
                "language": language,
                "timestamp": timestamp,
                "rich_outputs": rich_outputs,
            }
        )
        if png is not UNSET:
            field_dict["png"] = png
        if html is not UNSET:
            field_dict["html"] = html
        if svg is not UNSET:
            field_dict["svg"] = svg
        if json is not UNSET:
            field_dict["json"] = json
        if markdown is not UNSET:
            field_dict["markdown"] = markdown
        if result is not UNSET:
            field_dict["result"] = result
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.execute_response_json_type_0 import ExecuteResponseJsonType0  # noqa: PLC0415
        from ..models.rich_output import RichOutput  # noqa: PLC0415

        d = dict(src_dict)
        stdout = d.pop("stdout")

        stderr = d.pop("stderr")

        exit_code = d.pop("exit_code")

        execution_time = d.pop("execution_time")

        success = d.pop("success")

        language = Language(d.pop("language"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        rich_outputs = []
        _rich_outputs = d.pop("rich_outputs")
        for rich_outputs_item_data in _rich_outputs:
            rich_outputs_item = RichOutput.from_dict(rich_outputs_item_data)

            rich_outputs.append(rich_outputs_item)

        png = d.pop("png", UNSET)

        html = d.pop("html", UNSET)

        svg = d.pop("svg", UNSET)

        def _parse_json(data: object) -> ExecuteResponseJsonType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                json_type_0 = ExecuteResponseJsonType0.from_dict(data)

                return json_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ExecuteResponseJsonType0 | None | Unset, data)

        json = _parse_json(d.pop("json", UNSET))

        markdown = d.pop("markdown", UNSET)

        result = d.pop("result", UNSET)

        error = d.pop("error", UNSET)

        _execute_response_instance = cls(
            stdout=stdout,
            stderr=stderr,
            exit_code=exit_code,
            execution_time=execution_time,
            success=success,
            language=language,
            timestamp=timestamp,
            rich_outputs=rich_outputs,
            png=png,
            html=html,
            svg=svg,
            json=json,
            markdown=markdown,
            result=result,
            error=error,
        )

        _execute_response_instance.additional_properties = d
        return _execute_response_instance

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
