from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode
from ..models.ws_error_message_type import WsErrorMessageType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error_details import ErrorDetails


T = TypeVar("T", bound="WsErrorMessage")


@_attrs_define
class WsErrorMessage:
    """Server → client, a failure (followed by `complete` on execution streams).

    Attributes:
        type_ (WsErrorMessageType):
        error (str):
        code (ErrorCode): Machine-readable agent error code (UPPER_SNAKE_CASE, as the public agent sends them).
            `SANDBOX_PAUSED` (409) is a hopx-local extension: the sandbox is paused, so its agent
            cannot answer; the control plane answers for it at once instead of letting the request
            hang. Resume the sandbox, then retry.
        timestamp (datetime.datetime):
        details (ErrorDetails | Unset): Context of an error. The listed keys are the ones this contract defines (each
            present only
            when it applies); other keys may appear.
        execution_id (str | Unset):
    """

    type_: WsErrorMessageType
    error: str
    code: ErrorCode
    timestamp: datetime.datetime
    details: ErrorDetails | Unset = UNSET
    execution_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        error = self.error

        code = self.code.value

        timestamp = self.timestamp.isoformat()

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        execution_id = self.execution_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "error": error,
                "code": code,
                "timestamp": timestamp,
            }
        )
        if details is not UNSET:
            field_dict["details"] = details
        if execution_id is not UNSET:
            field_dict["execution_id"] = execution_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_details import ErrorDetails  # noqa: PLC0415

        d = dict(src_dict)
        type_ = WsErrorMessageType(d.pop("type"))

        error = d.pop("error")

        code = ErrorCode(d.pop("code"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _details = d.pop("details", UNSET)
        details: ErrorDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ErrorDetails.from_dict(_details)

        execution_id = d.pop("execution_id", UNSET)

        _ws_error_message_instance = cls(
            type_=type_,
            error=error,
            code=code,
            timestamp=timestamp,
            details=details,
            execution_id=execution_id,
        )

        _ws_error_message_instance.additional_properties = d
        return _ws_error_message_instance

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
