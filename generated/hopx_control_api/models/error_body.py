from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.error_body_details import ErrorBodyDetails


T = TypeVar("T", bound="ErrorBody")


@_attrs_define
class ErrorBody:
    """
    Attributes:
        message (str): Human-readable explanation, naming the offending field or resource.
        code (str): Machine-readable, lowercase snake_case. Known codes: `validation_error`, `unauthorized`,
            `payment_required`, `forbidden`, `resource_limit`, `not_found`, `method_not_allowed`,
            `conflict`, `payload_too_large`, `rate_limited`, `internal_error`, `not_implemented`,
            `service_unavailable`. Not an enum: clients must tolerate codes added later.
             Example: not_found.
        request_id (str): Id of the request (also in the `X-Request-ID` header).
        details (ErrorBodyDetails): Structured context; keys depend on `code` (see the responses). May be empty.
    """

    message: str
    code: str
    request_id: str
    details: ErrorBodyDetails
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        code = self.code

        request_id = self.request_id

        details = self.details.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "code": code,
                "request_id": request_id,
                "details": details,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error_body_details import ErrorBodyDetails  # noqa: PLC0415

        d = dict(src_dict)
        message = d.pop("message")

        code = d.pop("code")

        request_id = d.pop("request_id")

        details = ErrorBodyDetails.from_dict(d.pop("details"))

        _error_body_instance = cls(
            message=message,
            code=code,
            request_id=request_id,
            details=details,
        )

        _error_body_instance.additional_properties = d
        return _error_body_instance

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
