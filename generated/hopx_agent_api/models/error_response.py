from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.error_code import ErrorCode
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.error_details import ErrorDetails


T = TypeVar("T", bound="ErrorResponse")


@_attrs_define(eq=False, repr=False)
class ErrorResponse(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "error",
            "code",
            "details",
            "path",
            "request_id",
            "timestamp",
        }
    )

    error: str
    code: ErrorCode
    details: ErrorDetails
    path: str
    request_id: str
    timestamp: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        error = self.error

        code = self.code.value

        details = self.details.to_dict()

        path = self.path

        request_id = self.request_id

        timestamp = self.timestamp.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.error_details import ErrorDetails  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        error = _types.as_str(d.get("error"))

        code = _types.as_enum(ErrorCode, d.get("code"))

        details = ErrorDetails.from_dict(d.get("details"))

        path = _types.as_str(d.get("path"))

        request_id = _types.as_str(d.get("request_id"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _error_response_instance = cls(
            error=error,
            code=code,
            details=details,
            path=path,
            request_id=request_id,
            timestamp=timestamp,
        )
        dict.update(_error_response_instance, d)
        return _error_response_instance
