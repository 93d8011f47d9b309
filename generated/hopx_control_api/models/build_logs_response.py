from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.build_status import BuildStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="BuildLogsResponse")


@_attrs_define(eq=False, repr=False)
class BuildLogsResponse(WireModel):
    """
    Attributes:
        logs (str): Log text from the requested offset (may be empty).
        offset (int): Offset to send next time (requested offset + length of `logs`).
        status (BuildStatus): Build status. Terminal - `active`/`success` (built) and `failed`.
        complete (bool): True when the build has ended and no more text will come.
        request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "logs",
            "offset",
            "status",
            "complete",
            "request_id",
        }
    )

    logs: str
    offset: int
    status: BuildStatus
    complete: bool
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        logs = self.logs

        offset = self.offset

        status = self.status.value

        complete = self.complete

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        logs = _types.as_str(d.get("logs"))

        offset = _types.as_int(d.get("offset"))

        status = _types.as_enum(BuildStatus, d.get("status"))

        complete = _types.as_bool(d.get("complete"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _build_logs_response_instance = cls(
            logs=logs,
            offset=offset,
            status=status,
            complete=complete,
            request_id=request_id,
        )
        dict.update(_build_logs_response_instance, d)
        return _build_logs_response_instance
