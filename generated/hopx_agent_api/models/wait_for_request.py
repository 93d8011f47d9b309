from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="WaitForRequest")


@_attrs_define(eq=False, repr=False)
class WaitForRequest(WireModel):
    """
    Attributes:
        text (str):
        timeout (int | Unset): Seconds to wait. Default: 30.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "text",
            "timeout",
        }
    )

    text: str
    timeout: int | Unset = 30

    def to_dict(self) -> dict[str, Any]:
        text = self.text

        timeout = self.timeout

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "text": text,
            }
        )
        if timeout is not UNSET:
            field_dict["timeout"] = timeout

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        text = _types.as_str(d.get("text"))

        timeout = _types.as_int_or_none(d.get("timeout"))

        _wait_for_request_instance = cls(
            text=text,
            timeout=timeout,
        )
        dict.update(_wait_for_request_instance, d)
        return _wait_for_request_instance
