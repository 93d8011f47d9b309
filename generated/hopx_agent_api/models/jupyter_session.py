from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.jupyter_session_status import JupyterSessionStatus

T = TypeVar("T", bound="JupyterSession")


@_attrs_define
class JupyterSession:
    """
    Attributes:
        id (str):
        kernel_id (str):
        kernel_name (str):  Example: python3.
        status (JupyterSessionStatus):
        execution_count (int):
        last_activity (datetime.datetime):
    """

    id: str
    kernel_id: str
    kernel_name: str
    status: JupyterSessionStatus
    execution_count: int
    last_activity: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kernel_id = self.kernel_id

        kernel_name = self.kernel_name

        status = self.status.value

        execution_count = self.execution_count

        last_activity = self.last_activity.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "kernel_id": kernel_id,
                "kernel_name": kernel_name,
                "status": status,
                "execution_count": execution_count,
                "last_activity": last_activity,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        kernel_id = d.pop("kernel_id")

        kernel_name = d.pop("kernel_name")

        status = JupyterSessionStatus(d.pop("status"))

        execution_count = d.pop("execution_count")

        last_activity = datetime.datetime.fromisoformat(d.pop("last_activity"))

        _jupyter_session_instance = cls(
            id=id,
            kernel_id=kernel_id,
            kernel_name=kernel_name,
            status=status,
            execution_count=execution_count,
            last_activity=last_activity,
        )

        _jupyter_session_instance.additional_properties = d
        return _jupyter_session_instance

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
