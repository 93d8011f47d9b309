from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.error_code import ErrorCode
from ..models.ws_error_message_type import WsErrorMessageType
from ..types import UNSET, Unset, WireModel

if TYPE_CHECKING:
    from ..models.error_details import ErrorDetails


T = TypeVar("T", bound="WsErrorMessage")


@_attrs_define(eq=False, repr=False)
class WsErrorMessage(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "error",
            "code",
            "timestamp",
            "details",
            "execution_id",
        }
    )

    type_: WsErrorMessageType
    error: str
    code: ErrorCode
    timestamp: datetime.datetime
    details: ErrorDetails | Unset = UNSET
    execution_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        error = self.error

        code = self.code.value

        timestamp = self.timestamp.isoformat()

        details: dict[str, Any] | Unset = UNSET
        if not isinstance(self.details, Unset):
            details = self.details.to_dict()

        execution_id = self.execution_id

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.error_details import ErrorDetails  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(WsErrorMessageType, d.get("type"))

        error = _types.as_str(d.get("error"))

        code = _types.as_enum(ErrorCode, d.get("code"))

        timestamp = _types.as_datetime(d.get("timestamp"))

        _details = d.get("details")
        details: ErrorDetails | Unset
        if isinstance(_details, Unset):
            details = UNSET
        else:
            details = ErrorDetails.from_dict(_details)

        execution_id = _types.as_str_or_none(d.get("execution_id"))

        _ws_error_message_instance = cls(
            type_=type_,
            error=error,
            code=code,
            timestamp=timestamp,
            details=details,
            execution_id=execution_id,
        )
        dict.update(_ws_error_message_instance, d)
        return _ws_error_message_instance

    @property
    def type(self) -> WsErrorMessageType:
        """``type_``, by its wire name."""
        return self.type_
