from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_code import ErrorCode

if TYPE_CHECKING:
    from ..models.error_details import ErrorDetails


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define
class ErrorResponse:
    """Flat error body of every agent 4xx/5xx answer.

    Attributes:
        error (str): Human-readable message.
        code (ErrorCode): Machine-readable agent error code (UPPER_SNAKE_CASE, as the public agent sends them).
            `SANDBOX_PAUSED` (409) is a hopx-local extension: the sandbox is paused, so its agent
            cannot answer; the control plane answers for it at once instead of letting the request
            hang. Resume the sandbox, then retry.
        details (ErrorDetails): Context of an error. The listed keys are the ones this contract defines (each present
            only
            when it applies); other keys may appear.
        path (str): The request path (URL path, not a file path).
        request_id (str): Request id (also in the `X-Request-ID` header).
        timestamp (datetime.datetime):
    """

    error: str
    code: ErrorCode
    details: ErrorDetails
    path: str
    request_id: str
    timestamp: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        code = self.code.value

        details = self.details.to_dict()

        path = self.path

        request_id = self.request_id

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
                "code": code,
                "details": details,
                "path": path,
                "request_id": request_id,
                "timestamp": timestamp,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_details import ErrorDetails  # noqa: PLC0415

        d = dict(src_dict)
        error = d.pop("error")

        code = ErrorCode(d.pop("code"))

        details = ErrorDetails.from_dict(d.pop("details"))

        path = d.pop("path")

        request_id = d.pop("request_id")

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        _error_response_instance = cls(
            error=error,
            code=code,
            details=details,
            path=path,
            request_id=request_id,
            timestamp=timestamp,
        )

        _error_response_instance.additional_properties = d
        return _error_response_instance

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
