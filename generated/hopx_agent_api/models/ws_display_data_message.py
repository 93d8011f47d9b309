from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.ws_display_data_message_type import WsDisplayDataMessageType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.rich_output import RichOutput


T = TypeVar("T", bound="WsDisplayDataMessage")


@_attrs_define
class WsDisplayDataMessage:
    """`/stream/ipython` server → client, one rich display as it happens.

    Attributes:
        type_ (WsDisplayDataMessageType):
        output (RichOutput): One display of a Jupyter kernel execution.
        timestamp (datetime.datetime):
        execution_id (str | Unset):
    """

    type_: WsDisplayDataMessageType
    output: RichOutput
    timestamp: datetime.datetime
    execution_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        output = self.output.to_dict()

        timestamp = self.timestamp.isoformat()

        execution_id = self.execution_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "output": output,
                "timestamp": timestamp,
            }
        )
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.rich_output import RichOutput  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WsDisplayDataMessageType(d.pop("type"))

        output = RichOutput.from_dict(d.pop("output"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        execution_id = d.pop("execution_id", UNSET)

        _ws_display_data_message_instance = cls(
            type_=type_,
            output=output,
            timestamp=timestamp,
            execution_id=execution_id,
        )

        _ws_display_data_message_instance.additional_properties = d
        return _ws_display_data_message_instance

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
