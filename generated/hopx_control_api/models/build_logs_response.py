from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.build_status import BuildStatus
from ..types import UNSET, Unset

T = TypeVar("T", bound="BuildLogsResponse")


@_attrs_define
class BuildLogsResponse:
    """
    Attributes:
        logs (str): Log text from the requested offset (may be empty).
        offset (int): Offset to send next time (requested offset + length of `logs`).
        status (BuildStatus): Build status. Terminal - `active`/`success` (built) and `failed`.
        complete (bool): True when the build has ended and no more text will come.
        request_id (str | Unset):
    """

    logs: str
    offset: int
    status: BuildStatus
    complete: bool
    request_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        logs = self.logs

        offset = self.offset

        status = self.status.value

        complete = self.complete

        request_id = self.request_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "logs": logs,
                "offset": offset,
                "status": status,
                "complete": complete,
            }
        )
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        logs = d.pop("logs")

        offset = d.pop("offset")

        status = BuildStatus(d.pop("status"))

        complete = d.pop("complete")

        request_id = d.pop("request_id", UNSET)

        _build_logs_response_instance = cls(
            logs=logs,
            offset=offset,
            status=status,
            complete=complete,
            request_id=request_id,
        )

        _build_logs_response_instance.additional_properties = d
        return _build_logs_response_instance

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
