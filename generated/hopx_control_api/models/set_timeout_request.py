from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="SetTimeoutRequest")


@_attrs_define(eq=False, repr=False)
class SetTimeoutRequest(WireModel):
    """
    Attributes:
        timeout_seconds (int): Seconds from now until the sandbox is deleted automatically (at most 24 h).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "timeout_seconds",
        }
    )

    timeout_seconds: int

    def to_dict(self) -> dict[str, Any]:
        timeout_seconds = self.timeout_seconds

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "timeout_seconds": timeout_seconds,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        timeout_seconds = _types.as_int(d.get("timeout_seconds"))

        _set_timeout_request_instance = cls(
            timeout_seconds=timeout_seconds,
        )
        dict.update(_set_timeout_request_instance, d)
        return _set_timeout_request_instance
