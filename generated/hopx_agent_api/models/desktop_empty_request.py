from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="DesktopEmptyRequest")


@_attrs_define
class DesktopEmptyRequest:
    """An empty JSON object (accepted and ignored)."""

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        _desktop_empty_request_instance = cls()

        return _desktop_empty_request_instance
