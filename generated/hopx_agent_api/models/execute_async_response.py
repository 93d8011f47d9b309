from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.execute_async_response_status import ExecuteAsyncResponseStatus
from ..types import WireModel

T = TypeVar("T", bound="ExecuteAsyncResponse")


@_attrs_define(eq=False, repr=False)
class ExecuteAsyncResponse(WireModel):
    """
    Attributes:
        execution_id (str):
        status (ExecuteAsyncResponseStatus):
        callback_url (str):
        message (str):
        timestamp (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "execution_id",
            "status",
            "callback_url",
            "message",
            "timestamp",
        }
    )

    execution_id: str
    status: ExecuteAsyncResponseStatus
    callback_url: str
    message: str
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        status = self.status.value

        callback_url = self.callback_url

        message = self.message

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "execution_id": execution_id,
                "status": status,
                "callback_url": callback_url,
                "message": message,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        execution_id = _types.as_str(d.get("execution_id"))

        status = _types.as_enum(ExecuteAsyncResponseStatus, d.get("status"))

        callback_url = _types.as_str(d.get("callback_url"))

        message = _types.as_str(d.get("message"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _execute_async_response_instance = cls(
            execution_id=execution_id,
            status=status,
            callback_url=callback_url,
            message=message,
            timestamp=timestamp,
        )
        dict.update(_execute_async_response_instance, d)
        return _execute_async_response_instance
