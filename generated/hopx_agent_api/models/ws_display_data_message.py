from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_display_data_message_type import WsDisplayDataMessageType
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.rich_output import RichOutput


T = TypeVar("T", bound="WsDisplayDataMessage")


@_attrs_define(eq=False, repr=False)
class WsDisplayDataMessage(WireModel):
    """`/stream/ipython` server → client, one rich display as it happens.

    Attributes:
        type_ (WsDisplayDataMessageType):
        output (RichOutput): One display of a Jupyter kernel execution.
        timestamp (datetime.datetime):
        execution_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "output",
            "timestamp",
            "execution_id",
        }
    )

    type_: WsDisplayDataMessageType
    output: RichOutput
    timestamp: datetime.datetime
    execution_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        output = self.output.to_dict()

        timestamp = self.timestamp.isoformat()

        execution_id = self.execution_id

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.rich_output import RichOutput  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsDisplayDataMessageType, d.get("type"))

        output = RichOutput.from_dict(d.get("output"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        execution_id = _types.as_str_or_none(d.get("execution_id"))

        _ws_display_data_message_instance = cls(
            type_=type_,
            output=output,
            timestamp=timestamp,
            execution_id=execution_id,
        )
        dict.update(_ws_display_data_message_instance, d)
        return _ws_display_data_message_instance

    @property
    def type(self) -> WsDisplayDataMessageType:
        """``type_``, by its wire name."""
        return self.type_
