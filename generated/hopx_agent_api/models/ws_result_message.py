from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_result_message_type import WsResultMessageType
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.execution_exception import ExecutionException
    from ..models.rich_output import RichOutput
    from ..models.ws_result_message_json_type_0 import WsResultMessageJsonType0


T = TypeVar("T", bound="WsResultMessage")


@_attrs_define(eq=False, repr=False)
class WsResultMessage(WireModel):
    """Server → client, the outcome (sent once, before `complete`). Rich fields as in `ExecuteResponse`.

    Attributes:
        type_ (WsResultMessageType):
        exit_code (int):
        execution_time (float):
        timestamp (datetime.datetime):
        execution_id (str | Unset):
        png (str | Unset):
        html (str | Unset):
        svg (str | Unset):
        json (None | Unset | WsResultMessageJsonType0):
        markdown (str | Unset):
        result (str | Unset):
        error (str | Unset):
        exception (ExecutionException | Unset): hopx-local extension: the exception raised in the kernel, structured (as
            Jupyter's `error`
            message): its class `name` (`ZeroDivisionError`), its `value` (`division by zero`) and its
            `traceback` (plain text, without terminal colours). Present exactly when `error` is.
        rich_outputs (list[RichOutput] | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "exit_code",
            "execution_time",
            "timestamp",
            "execution_id",
            "png",
            "html",
            "svg",
            "json",
            "markdown",
            "result",
            "error",
            "exception",
            "rich_outputs",
        }
    )

    type_: WsResultMessageType
    exit_code: int
    execution_time: float
    timestamp: datetime.datetime
    execution_id: str | Unset = UNSET
    png: str | Unset = UNSET
    html: str | Unset = UNSET
    svg: str | Unset = UNSET
    json: None | Unset | WsResultMessageJsonType0 = UNSET
    markdown: str | Unset = UNSET
    result: str | Unset = UNSET
    error: str | Unset = UNSET
    exception: ExecutionException | Unset = UNSET
    rich_outputs: list[RichOutput] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.ws_result_message_json_type_0 import WsResultMessageJsonType0  # noqa: PLC0415

        type_ = self.type_.value

        exit_code = self.exit_code

        execution_time = self.execution_time

        timestamp = self.timestamp.isoformat()

        execution_id = self.execution_id

        png = self.png

        html = self.html

        svg = self.svg

        json: dict[str, Any] | None | Unset
        if isinstance(self.json, Unset):
            json = UNSET
        elif isinstance(self.json, WsResultMessageJsonType0):
            json = self.json.to_dict()
        else:
            json = self.json

        markdown = self.markdown

        result = self.result

        error = self.error

        exception: dict[str, Any] | Unset = UNSET
        if not isinstance(self.exception, Unset):
            exception = self.exception.to_dict()

        rich_outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rich_outputs, Unset):
            rich_outputs = []
            for rich_outputs_item_data in self.rich_outputs:
                rich_outputs_item = rich_outputs_item_data.to_dict()
                rich_outputs.append(rich_outputs_item)

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
                "exit_code": exit_code,
                "execution_time": execution_time,
                "timestamp": timestamp,
            }
        )
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id
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
        if exception is not UNSET:
            field_dict["exception"] = exception
        if rich_outputs is not UNSET:
            field_dict["rich_outputs"] = rich_outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.execution_exception import ExecutionException  # noqa: PLC0415
        from ..models.rich_output import RichOutput  # noqa: PLC0415
        from ..models.ws_result_message_json_type_0 import WsResultMessageJsonType0  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsResultMessageType, d.get("type"))

        exit_code = _types.as_int(d.get("exit_code"))

        execution_time = _types.as_float(d.get("execution_time"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        execution_id = _types.as_str_or_none(d.get("execution_id"))

        png = _types.as_str_or_none(d.get("png"))

        html = _types.as_str_or_none(d.get("html"))

        svg = _types.as_str_or_none(d.get("svg"))

        def _parse_json(data: object) -> None | Unset | WsResultMessageJsonType0:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                json_type_0 = WsResultMessageJsonType0.from_dict(data)

                return json_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | WsResultMessageJsonType0, data)

        json = _parse_json(d.get("json"))

        markdown = _types.as_str_or_none(d.get("markdown"))

        result = _types.as_str_or_none(d.get("result"))

        error = _types.as_str_or_none(d.get("error"))

        _exception = d.get("exception")
        exception: ExecutionException | Unset
        if isinstance(_exception, Unset):
            exception = UNSET
        else:
            exception = ExecutionException.from_dict(_exception)

        _rich_outputs = d.get("rich_outputs")
        rich_outputs: list[RichOutput] | Unset = UNSET
        if _rich_outputs is not UNSET:
            rich_outputs = []
            for rich_outputs_item_data in _types.as_list(_rich_outputs):
                rich_outputs_item = RichOutput.from_dict(rich_outputs_item_data)

                rich_outputs.append(rich_outputs_item)

        _ws_result_message_instance = cls(
            type_=type_,
            exit_code=exit_code,
            execution_time=execution_time,
            timestamp=timestamp,
            execution_id=execution_id,
            png=png,
            html=html,
            svg=svg,
            json=json,
            markdown=markdown,
            result=result,
            error=error,
            exception=exception,
            rich_outputs=rich_outputs,
        )
        dict.update(_ws_result_message_instance, d)
        return _ws_result_message_instance

    @property
    def type(self) -> WsResultMessageType:
        """``type_``, by its wire name."""
        return self.type_
