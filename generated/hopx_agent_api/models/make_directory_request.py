from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="MakeDirectoryRequest")


@_attrs_define(eq=False, repr=False)
class MakeDirectoryRequest(WireModel):
    """
    Attributes:
        path (str):
        parents (bool | Unset):  Default: True.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "path",
            "parents",
        }
    )

    path: str
    parents: bool | Unset = True

    def to_dict(self) -> dict[str, Any]:
        path = self.path

        parents = self.parents

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "path": path,
            }
        )
        if parents is not UNSET:
            field_dict["parents"] = parents

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        path = _types.as_str(d.get("path"))

        parents = _types.as_bool_or_none(d.get("parents"))

        _make_directory_request_instance = cls(
            path=path,
            parents=parents,
        )
        dict.update(_make_directory_request_instance, d)
        return _make_directory_request_instance
