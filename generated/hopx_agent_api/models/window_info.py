from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="WindowInfo")


@_attrs_define(eq=False, repr=False)
class WindowInfo(WireModel):
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

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "title",
            "x",
            "y",
            "width",
            "height",
            "is_active",
            "is_minimized",
            "desktop",
            "pid",
        }
    )

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

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        id = _types.as_int(d.get("id"))

        title = _types.as_str(d.get("title"))

        x = _types.as_int(d.get("x"))

        y = _types.as_int(d.get("y"))

        width = _types.as_int(d.get("width"))

        height = _types.as_int(d.get("height"))

        is_active = _types.as_bool(d.get("is_active"))

        is_minimized = _types.as_bool(d.get("is_minimized"))

        desktop = _types.as_int_or_none(d.get("desktop"))

        def _parse_pid(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        pid = _parse_pid(d.get("pid"))

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
        dict.update(_window_info_instance, d)
        return _window_info_instance
