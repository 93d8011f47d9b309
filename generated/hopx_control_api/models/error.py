from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

if TYPE_CHECKING:
    from ..models.error_body import ErrorBody


T = TypeVar("T", bound="Error")


@_attrs_define(eq=False, repr=False)
class Error(WireModel):
    """The body of every 4xx/5xx answer.

    Attributes:
        error (ErrorBody):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "error",
        }
    )

    error: ErrorBody

    def to_dict(self) -> dict[str, Any]:
        error = self.error.to_dict()

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        from ..models.error_body import ErrorBody  # noqa: PLC0415

        d = _types.as_mapping(src_dict)
        error = ErrorBody.from_dict(d.get("error"))

        _error_instance = cls(
            error=error,
        )
        dict.update(_error_instance, d)
        return _error_instance
