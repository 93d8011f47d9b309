from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="WindowInfo")


@_attrs_define
class WindowInfo:
    """
    Attributes:
        id (int): X11 window id.
        title (str):
        x (int):
        y (int):
        width (int):
        height (int):
        is_active (bool):
        is_minimized (bool):
        desktop (int | Unset): Virtual desktop (workspace) number; -1 = sticky.
        pid (int | None | Unset): Owning process, when the window advertises it.
    """

    id: int
    title: str
    x: int
    y: int
    width: int
    height: int
    is_active: bool
    is_minimized: bool
    desktop: int | Unset = UNSET
    pid: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        title = self.title

        x = self.x

        y = self.y

        width = self.width

        height = self.height

        is_active = self.is_active

        is_minimized = self.is_minimized

        desktop = self.desktop

        pid: int | None | Unset
        if isinstance(self.pid, Unset):
            pid = UNSET
        else:
            pid = self.pid

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "title": title,
                "x": x,
                "y": y,
                "width": width,
                "height": height,
                "is_active": is_active,
                "is_minimized": is_minimized,
            }
        )
        if desktop is not UNSET:
            field_dict["desktop"] = desktop
        if pid is not UNSET:
            field_dict["pid"] = pid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        title = d.pop("title")

        x = d.pop("x")

        y = d.pop("y")

        width = d.pop("width")

        height = d.pop("height")

        is_active = d.pop("is_active")

        is_minimized = d.pop("is_minimized")

        desktop = d.pop("desktop", UNSET)

        def _parse_pid(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pid = _parse_pid(d.pop("pid", UNSET))

        _window_info_instance = cls(
            id=id,
            title=title,
            x=x,
            y=y,
            width=width,
            height=height,
            is_active=is_active,
            is_minimized=is_minimized,
            desktop=desktop,
            pid=pid,
        )

        _window_info_instance.additional_properties = d
        return _window_info_instance

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
