from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.build_status import BuildStatus
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="BuildStatusResponse")


@_attrs_define(eq=False, repr=False)
class BuildStatusResponse(WireModel):
    """
    Attributes:
        build_id (str):
        template_id (str):
        status (BuildStatus): Build status. Terminal - `active`/`success` (built) and `failed`.
        progress (int): Percent done.
        started_at (datetime.datetime):
        current_step (None | str | Unset):
        completed_at (datetime.datetime | None | Unset):
        error_message (None | str | Unset): Why the build failed (status `failed`).
        build_duration_ms (int | None | Unset):
        request_id (str | Unset):
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "build_id",
            "template_id",
            "status",
            "progress",
            "started_at",
            "current_step",
            "completed_at",
            "error_message",
            "build_duration_ms",
            "request_id",
        }
    )

    build_id: str
    template_id: str
    status: BuildStatus
    progress: int
    started_at: datetime.datetime
    current_step: None | str | Unset = UNSET
    completed_at: datetime.datetime | None | Unset = UNSET
    error_message: None | str | Unset = UNSET
    build_duration_ms: int | None | Unset = UNSET
    request_id: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        build_id = self.build_id

        template_id = self.template_id

        status = self.status.value

        progress = self.progress

        started_at = self.started_at.isoformat()

        current_step: None | str | Unset
        if isinstance(self.current_step, Unset):
            current_step = UNSET
        else:
            current_step = self.current_step

        completed_at: None | str | Unset
        if isinstance(self.completed_at, Unset):
            completed_at = UNSET
        elif isinstance(self.completed_at, datetime.datetime):
            completed_at = self.completed_at.isoformat()
        else:
            completed_at = self.completed_at

        error_message: None | str | Unset
        if isinstance(self.error_message, Unset):
            error_message = UNSET
        else:
            error_message = self.error_message

        build_duration_ms: int | None | Unset
        if isinstance(self.build_duration_ms, Unset):
            build_duration_ms = UNSET
        else:
            build_duration_ms = self.build_duration_ms

        request_id = self.request_id

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "build_id": build_id,
                "template_id": template_id,
                "status": status,
                "progress": progress,
                "started_at": started_at,
            }
        )
        if current_step is not UNSET:
            field_dict["current_step"] = current_step
        if completed_at is not UNSET:
            field_dict["completed_at"] = completed_at
        if error_message is not UNSET:
            field_dict["error_message"] = error_message
        if build_duration_ms is not UNSET:
            field_dict["build_duration_ms"] = build_duration_ms
        if request_id is not UNSET:
            field_dict["request_id"] = request_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        build_id = _types.as_str(d.get("build_id"))

        template_id = _types.as_str(d.get("template_id"))

        status = _types.as_enum(BuildStatus, d.get("status"))

        progress = _types.as_int(d.get("progress"))

        started_at = _types.as_datetime(d.get("started_at"))

        def _parse_current_step(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        current_step = _parse_current_step(d.get("current_step"))

        def _parse_completed_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                completed_at_type_0 = _types.as_datetime_or_none(data)

                return completed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        completed_at = _parse_completed_at(d.get("completed_at"))

        def _parse_error_message(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error_message = _parse_error_message(d.get("error_message"))

        def _parse_build_duration_ms(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        build_duration_ms = _parse_build_duration_ms(d.get("build_duration_ms"))

        request_id = _types.as_str_or_none(d.get("request_id"))

        _build_status_response_instance = cls(
            build_id=build_id,
            template_id=template_id,
            status=status,
            progress=progress,
            started_at=started_at,
            current_step=current_step,
            completed_at=completed_at,
            error_message=error_message,
            build_duration_ms=build_duration_ms,
            request_id=request_id,
        )
        dict.update(_build_status_response_instance, d)
        return _build_status_response_instance
