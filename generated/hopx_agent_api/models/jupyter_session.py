from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.jupyter_session_status import JupyterSessionStatus
from ..types import WireModel

T = TypeVar("T", bound="JupyterSession")


@_attrs_define(eq=False, repr=False)
class JupyterSession(WireModel):
    """
    Attributes:
        id (str):
        kernel_id (str):
        kernel_name (str):  Example: python3.
        status (JupyterSessionStatus):
        execution_count (int):
        last_activity (datetime.datetime):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "id",
            "kernel_id",
            "kernel_name",
            "status",
            "execution_count",
            "last_activity",
        }
    )

    id: str
    kernel_id: str
    kernel_name: str
    status: JupyterSessionStatus
    execution_count: int
    last_activity: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        kernel_id = self.kernel_id

        kernel_name = self.kernel_name

        status = self.status.value

        execution_count = self.execution_count

        last_activity = self.last_activity.isoformat()

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        id = _types.as_str(d.get("id"))

        kernel_id = _types.as_str(d.get("kernel_id"))

        kernel_name = _types.as_str(d.get("kernel_name"))

        status = _types.as_enum(JupyterSessionStatus, d.get("status"))

        execution_count = _types.as_int(d.get("execution_count"))

        last_activity = _types.as_datetime(d.get("last_activity"))

        _jupyter_session_instance = cls(
            id=id,
            kernel_id=kernel_id,
            kernel_name=kernel_name,
            status=status,
            execution_count=execution_count,
            last_activity=last_activity,
        )
        dict.update(_jupyter_session_instance, d)
        return _jupyter_session_instance
