from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.execute_async_response_status import ExecuteAsyncResponseStatus

T = TypeVar("T", bound="ExecuteAsyncResponse")


@_attrs_define
class ExecuteAsyncResponse:
    """
    Attributes:
        execution_id (str):
        status (ExecuteAsyncResponseStatus):
        callback_url (str):
        message (str):
        timestamp (datetime.datetime):
    """

    execution_id: str
    status: ExecuteAsyncResponseStatus
    callback_url: str
    message: str
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        execution_id = self.execution_id

        status = self.status.value

        callback_url = self.callback_url

        message = self.message

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        execution_id = d.pop("execution_id")

        status = ExecuteAsyncResponseStatus(d.pop("status"))

        callback_url = d.pop("callback_url")

        message = d.pop("message")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _execute_async_response_instance = cls(
            execution_id=execution_id,
            status=status,
            callback_url=callback_url,
            message=message,
            timestamp=timestamp,
        )

        _execute_async_response_instance.additional_properties = d
        return _execute_async_response_instance

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
