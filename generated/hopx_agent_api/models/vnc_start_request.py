from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VncStartRequest")


@_attrs_define
class VncStartRequest:
    """
    Attributes:
        display (int | Unset): X display number; the VNC port is 5900 + display. Default: 1.
        password (str | Unset): VNC password (VNC uses at most 8 characters); generated when absent.
        view_only (bool | Unset):  Default: False.
    """

    display: int | Unset = 1
    password: str | Unset = UNSET
    view_only: bool | Unset = False
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display = self.display

        password = self.password

        view_only = self.view_only

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if display is not UNSET:
            field_dict["display"] = display
        if password is not UNSET:
            field_dict["password"] = password
        if view_only is not UNSET:
            field_dict["view_only"] = view_only

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display = d.pop("display", UNSET)

        password = d.pop("password", UNSET)

        view_only = d.pop("view_only", UNSET)

        _vnc_start_request_instance = cls(
            display=display,
            password=password,
            view_only=view_only,
        )

        _vnc_start_request_instance.additional_properties = d
        return _vnc_start_request_instance

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
