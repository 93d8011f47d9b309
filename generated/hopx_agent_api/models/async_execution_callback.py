from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.async_execution_callback_status import AsyncExecutionCallbackStatus
from ..models.language import Language
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.async_execution_callback_json_type_0 import AsyncExecutionCallbackJsonType0
    from ..models.rich_output import RichOutput


T = TypeVar("T", bound="AsyncExecutionCallback")


@_attrs_define(eq=False, repr=False)
class AsyncExecutionCallback(WireModel):
    """Body POSTed to `callback_url` when an asynchronous execution ends (the `ExecuteResponse`
    fields plus `execution_id`, `status` and `error`).

        Attributes:
            execution_id (str):
            status (AsyncExecutionCallbackStatus):
            stdout (str):
            stderr (str):
            exit_code (int):
            execution_time (float):
            success (bool):
            language (Language): Interpreter. `python`/`python3` → Python 3 (Jupyter kernel in the code-interpreter
                template),
                `javascript`/`js`/`node`/`nodejs` → Node.js, `bash`, `sh`/`shell` → POSIX sh, `go` → `go run`.
            timestamp (datetime.datetime):
            rich_outputs (list[RichOutput]):
            png (str | Unset):
            html (str | Unset):
            svg (str | Unset):
            json (AsyncExecutionCallbackJsonType0 | None | Unset):
            markdown (str | Unset):
            result (str | Unset):
            error (str | Unset): Why it failed or timed out.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "execution_id",
            "status",
            "stdout",
            "stderr",
            "exit_code",
            "execution_time",
            "success",
            "language",
            "timestamp",
            "rich_outputs",
            "png",
            "html",
            "svg",
            "json",
            "markdown",
            "result",
            "error",
        }
    )

    execution_id: str
    status: AsyncExecutionCallbackStatus
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
    json: AsyncExecutionCallbackJsonType0 | None | Unset = UNSET
    markdown: str | Unset = UNSET
    result: str | Unset = UNSET
    error: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.async_execution_callback_json_type_0 import (
            AsyncExecutionCallbackJsonType0,  # noqa: PLC0415
        )

        execution_id = self.execution_id

        status = self.status.value

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
        elif isinstance(self.json, AsyncExecutionCallbackJsonType0):
            json = self.json.to_dict()
        else:
            json = self.json

        markdown = self.markdown

        result = self.result

        error = self.error

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "execution_id": execution_id,
                "status": status,
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.async_execution_callback_json_type_0 import (
            AsyncExecutionCallbackJsonType0,  # noqa: PLC0415
        )
        from ..models.rich_output import RichOutput  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        execution_id = _types.as_str(d.get("execution_id"))

        status = _types.as_enum(AsyncExecutionCallbackStatus, d.get("status"))

        stdout = _types.as_str(d.get("stdout"))

        stderr = _types.as_str(d.get("stderr"))

        exit_code = _types.as_int(d.get("exit_code"))

        execution_time = _types.as_float(d.get("execution_time"))

        success = _types.as_bool(d.get("success"))

        language = _types.as_enum(Language, d.get("language"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        rich_outputs = []
        _rich_outputs = d.get("rich_outputs")
        for rich_outputs_item_data in _types.as_list(_rich_outputs):
            rich_outputs_item = RichOutput.from_dict(rich_outputs_item_data)

            rich_outputs.append(rich_outputs_item)

        png = _types.as_str_or_none(d.get("png"))

        html = _types.as_str_or_none(d.get("html"))

        svg = _types.as_str_or_none(d.get("svg"))

        def _parse_json(data: object) -> AsyncExecutionCallbackJsonType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                json_type_0 = AsyncExecutionCallbackJsonType0.from_dict(data)

                return json_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(AsyncExecutionCallbackJsonType0 | None | Unset, data)

        json = _parse_json(d.get("json"))

        markdown = _types.as_str_or_none(d.get("markdown"))

        result = _types.as_str_or_none(d.get("result"))

        error = _types.as_str_or_none(d.get("error"))

        _async_execution_callback_instance = cls(
            execution_id=execution_id,
            status=status,
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
        dict.update(_async_execution_callback_instance, d)
        return _async_execution_callback_instance
