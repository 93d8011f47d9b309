from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.error_body_details import ErrorBodyDetails


T = TypeVar("T", bound="ErrorBody")


@_attrs_define(eq=False, repr=False)
class ErrorBody(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "message",
            "code",
            "request_id",
            "details",
        }
    )

    message: str
    code: str
    request_id: str
    details: ErrorBodyDetails

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        code = self.code

        request_id = self.request_id

        details = self.details.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.error_body_details import ErrorBodyDetails  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        message = _types.as_str(d.get("message"))

        code = _types.as_str(d.get("code"))

        request_id = _types.as_str(d.get("request_id"))

        details = ErrorBodyDetails.from_dict(d.get("details"))

        _error_body_instance = cls(
            message=message,
            code=code,
            request_id=request_id,
            details=details,
        )
        dict.update(_error_body_instance, d)
        return _error_body_instance
