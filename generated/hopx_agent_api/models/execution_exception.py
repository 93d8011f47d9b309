from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import WireModel

T = TypeVar("T", bound="ExecutionException")


@_attrs_define(eq=False, repr=False)
class ExecutionException(WireModel):
    """hopx-local extension: the exception raised in the kernel, structured (as Jupyter's `error`
    message): its class `name` (`ZeroDivisionError`), its `value` (`division by zero`) and its
    `traceback` (plain text, without terminal colours). Present exactly when `error` is.

        Attributes:
            name (str):
            value (str):
            traceback (str):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "name",
            "value",
            "traceback",
        }
    )

    name: str
    value: str
    traceback: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        value = self.value

        traceback = self.traceback

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "name": name,
                "value": value,
                "traceback": traceback,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        name = _types.as_str(d.get("name"))

        value = _types.as_str(d.get("value"))

        traceback = _types.as_str(d.get("traceback"))

        _execution_exception_instance = cls(
            name=name,
            value=value,
            traceback=traceback,
        )
        dict.update(_execution_exception_instance, d)
        return _execution_exception_instance
