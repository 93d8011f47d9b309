from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..models.error_details_location import ErrorDetailsLocation
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="ErrorDetails")


@_attrs_define(eq=False, repr=False)
class ErrorDetails(WireModel):
    """Context of an error. The listed keys are the ones this contract defines (each present only
    when it applies); other keys may appear.

        Attributes:
            field (None | str | Unset): Request field or parameter at fault (400); null when the whole body is at fault.
            location (ErrorDetailsLocation | Unset): Where the invalid input is (400).
            reason (str | Unset): Why the input is invalid (400).
            allowed (list[str] | Unset): Methods allowed on the path (405 `METHOD_NOT_ALLOWED`).
            path (str | Unset): File path concerned (file errors).
            process_id (str | Unset): Process id concerned (`PROCESS_NOT_FOUND`).
            timeout (int | Unset): The timeout that was exceeded, seconds (`EXECUTION_TIMEOUT`).
            stdout (str | Unset): Output produced before the timeout (`EXECUTION_TIMEOUT`).
            stderr (str | Unset): Error output produced before the timeout (`EXECUTION_TIMEOUT`).
            limit_bytes (int | Unset): Size limit in bytes (`PAYLOAD_TOO_LARGE`).
            size_bytes (int | Unset): Actual size in bytes (`PAYLOAD_TOO_LARGE`), when known.
            missing_dependencies (list[str] | Unset): Missing desktop programs or packages (`DESKTOP_NOT_AVAILABLE`).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "field",
            "location",
            "reason",
            "allowed",
            "path",
            "process_id",
            "timeout",
            "stdout",
            "stderr",
            "limit_bytes",
            "size_bytes",
            "missing_dependencies",
        }
    )

    field: None | str | Unset = UNSET
    location: ErrorDetailsLocation | Unset = UNSET
    reason: str | Unset = UNSET
    allowed: list[str] | Unset = UNSET
    path: str | Unset = UNSET
    process_id: str | Unset = UNSET
    timeout: int | Unset = UNSET
    stdout: str | Unset = UNSET
    stderr: str | Unset = UNSET
    limit_bytes: int | Unset = UNSET
    size_bytes: int | Unset = UNSET
    missing_dependencies: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        field: None | str | Unset
        if isinstance(self.field, Unset):
            field = UNSET
        else:
            field = self.field

        location: str | Unset = UNSET
        if not isinstance(self.location, Unset):
            location = self.location.value

        reason = self.reason

        allowed: list[str] | Unset = UNSET
        if not isinstance(self.allowed, Unset):
            allowed = self.allowed

        path = self.path

        process_id = self.process_id

        timeout = self.timeout

        stdout = self.stdout

        stderr = self.stderr

        limit_bytes = self.limit_bytes

        size_bytes = self.size_bytes

        missing_dependencies: list[str] | Unset = UNSET
        if not isinstance(self.missing_dependencies, Unset):
            missing_dependencies = self.missing_dependencies

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update({})
        if field is not UNSET:
            field_dict["field"] = field
        if location is not UNSET:
            field_dict["location"] = location
        if reason is not UNSET:
            field_dict["reason"] = reason
        if allowed is not UNSET:
            field_dict["allowed"] = allowed
        if path is not UNSET:
            field_dict["path"] = path
        if process_id is not UNSET:
            field_dict["process_id"] = process_id
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if stdout is not UNSET:
            field_dict["stdout"] = stdout
        if stderr is not UNSET:
            field_dict["stderr"] = stderr
        if limit_bytes is not UNSET:
            field_dict["limit_bytes"] = limit_bytes
        if size_bytes is not UNSET:
            field_dict["size_bytes"] = size_bytes
        if missing_dependencies is not UNSET:
            field_dict["missing_dependencies"] = missing_dependencies

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.get("field"))

        _location = d.get("location")
        location: ErrorDetailsLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = _types.as_enum(ErrorDetailsLocation, _location)

        reason = _types.as_str_or_none(d.get("reason"))

        allowed = cast(list[str] | Unset, d.get("allowed"))

        path = _types.as_str_or_none(d.get("path"))

        process_id = _types.as_str_or_none(d.get("process_id"))

        timeout = _types.as_int_or_none(d.get("timeout"))

        stdout = _types.as_str_or_none(d.get("stdout"))

        stderr = _types.as_str_or_none(d.get("stderr"))

        limit_bytes = _types.as_int_or_none(d.get("limit_bytes"))

        size_bytes = _types.as_int_or_none(d.get("size_bytes"))

        missing_dependencies = cast(list[str] | Unset, d.get("missing_dependencies"))

        _error_details_instance = cls(
            field=field,
            location=location,
            reason=reason,
            allowed=allowed,
            path=path,
            process_id=process_id,
            timeout=timeout,
            stdout=stdout,
            stderr=stderr,
            limit_bytes=limit_bytes,
            size_bytes=size_bytes,
            missing_dependencies=missing_dependencies,
        )
        dict.update(_error_details_instance, d)
        return _error_details_instance
