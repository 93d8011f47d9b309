from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.error_details_location import ErrorDetailsLocation
from ..types import UNSET, Unset

T = TypeVar("T", bound="ErrorDetails")


@_attrs_define
class ErrorDetails:
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
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

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

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
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
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_field(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        field = _parse_field(d.pop("field", UNSET))

        _location = d.pop("location", UNSET)
        location: ErrorDetailsLocation | Unset
        if isinstance(_location, Unset):
            location = UNSET
        else:
            location = ErrorDetailsLocation(_location)

        reason = d.pop("reason", UNSET)

        allowed = cast(list[str], d.pop("allowed", UNSET))

        path = d.pop("path", UNSET)

        process_id = d.pop("process_id", UNSET)

        timeout = d.pop("timeout", UNSET)

        stdout = d.pop("stdout", UNSET)

        stderr = d.pop("stderr", UNSET)

        limit_bytes = d.pop("limit_bytes", UNSET)

        size_bytes = d.pop("size_bytes", UNSET)

        missing_dependencies = cast(list[str], d.pop("missing_dependencies", UNSET))

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

        _error_details_instance.additional_properties = d
        return _error_details_instance

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
