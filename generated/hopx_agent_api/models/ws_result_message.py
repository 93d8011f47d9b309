from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_result_message_type import WsResultMessageType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rich_output import RichOutput
    from ..models.ws_result_message_json_type_0 import WsResultMessageJsonType0


T = TypeVar("T", bound="WsResultMessage")


@_attrs_define
class WsResultMessage:
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
        rich_outputs (list[RichOutput] | Unset):
    """

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
    rich_outputs: list[RichOutput] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        rich_outputs: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rich_outputs, Unset):
            rich_outputs = []
            for rich_outputs_item_data in self.rich_outputs:
                rich_outputs_item = rich_outputs_item_data.to_dict()
                rich_outputs.append(rich_outputs_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
        if rich_outputs is not UNSET:
            field_dict["rich_outputs"] = rich_outputs

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rich_output import RichOutput  # noqa: PLC0415
        from ..models.ws_result_message_json_type_0 import WsResultMessageJsonType0  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WsResultMessageType(d.pop("type"))

        exit_code = d.pop("exit_code")

        execution_time = d.pop("execution_time")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        execution_id = d.pop("execution_id", UNSET)

        png = d.pop("png", UNSET)

        html = d.pop("html", UNSET)

        svg = d.pop("svg", UNSET)

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

        json = _parse_json(d.pop("json", UNSET))

        markdown = d.pop("markdown", UNSET)

        result = d.pop("result", UNSET)

        error = d.pop("error", UNSET)

        _rich_outputs = d.pop("rich_outputs", UNSET)
        rich_outputs: list[RichOutput] | Unset = UNSET
        if _rich_outputs is not UNSET:
            rich_outputs = []
            for rich_outputs_item_data in _rich_outputs:
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
            rich_outputs=rich_outputs,
        )

        _ws_result_message_instance.additional_properties = d
        return _ws_result_message_instance

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
