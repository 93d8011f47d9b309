from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="VncStartRequest")


@_attrs_define(eq=False, repr=False)
class VncStartRequest(WireModel):
    """
    Attributes:
        display (int | Unset): X display number; the VNC port is 5900 + display. Default: 1.
        password (str | Unset): VNC password (VNC uses at most 8 characters); generated when absent.
        view_only (bool | Unset):  Default: False.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "display",
            "password",
            "view_only",
        }
    )

    display: int | Unset = 1
    password: str | Unset = UNSET
    view_only: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        display = self.display

        password = self.password

        view_only = self.view_only

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update({})
        if display is not UNSET:
            field_dict["display"] = display
        if password is not UNSET:
            field_dict["password"] = password
        if view_only is not UNSET:
            field_dict["view_only"] = view_only

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        display = _types.as_int_or_none(d.get("display"))

        password = _types.as_str_or_none(d.get("password"))

        view_only = _types.as_bool_or_none(d.get("view_only"))

        _vnc_start_request_instance = cls(
            display=display,
            password=password,
            view_only=view_only,
        )
        dict.update(_vnc_start_request_instance, d)
        return _vnc_start_request_instance
