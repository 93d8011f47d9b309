from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ws_ipython_execute_message_type import WsIpythonExecuteMessageType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="WsIpythonExecuteMessage")


@_attrs_define(eq=False, repr=False)
class WsIpythonExecuteMessage(WireModel):
    """`/stream/ipython` client → server, a cell to run.

    Attributes:
        type_ (WsIpythonExecuteMessageType):
        code (str):
        timeout (int | Unset):  Default: 60.
        execution_id (str | Unset): Client-chosen id echoed on every frame of this cell (generated when absent).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "code",
            "timeout",
            "execution_id",
        }
    )

    type_: WsIpythonExecuteMessageType
    code: str
    timeout: int | Unset = 60
    execution_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        code = self.code

        timeout = self.timeout

        execution_id = self.execution_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
                "code": code,
            }
        )
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsIpythonExecuteMessageType, d.get("type"))

        code = _types.as_str(d.get("code"))

        timeout = _types.as_int_or_none(d.get("timeout"))

        execution_id = _types.as_str_or_none(d.get("execution_id"))

        _ws_ipython_execute_message_instance = cls(
            type_=type_,
            code=code,
            timeout=timeout,
            execution_id=execution_id,
        )
        dict.update(_ws_ipython_execute_message_instance, d)
        return _ws_ipython_execute_message_instance

    @property
    def type(self) -> WsIpythonExecuteMessageType:
        """``type_``, by its wire name."""
        return self.type_
