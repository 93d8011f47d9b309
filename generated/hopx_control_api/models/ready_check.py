from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar

from attrs import define as _attrs_define

from .. import types as _types
from ..models.ready_check_type import ReadyCheckType
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="ReadyCheck")


@_attrs_define(eq=False, repr=False)
class ReadyCheck(WireModel):
    """How to tell that `startCmd` is ready. Times are in **milliseconds**.

    Attributes:
        type_ (ReadyCheckType):
        timeout (int | Unset): Give up after this many milliseconds. Default: 30000.
        interval (int | Unset): Check every this many milliseconds. Default: 2000.
        port (int | Unset): For `port`.
        url (str | Unset): For `url` (HTTP 2xx means ready).
        path (str | Unset): For `file` (exists means ready).
        process_name (str | Unset): For `process` (running means ready).
        command (str | Unset): For `command` (exit status 0 means ready).
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "type",
            "timeout",
            "interval",
            "port",
            "url",
            "path",
            "processName",
            "command",
        }
    )

    type_: ReadyCheckType
    timeout: int | Unset = 30000
    interval: int | Unset = 2000
    port: int | Unset = UNSET
    url: str | Unset = UNSET
    path: str | Unset = UNSET
    process_name: str | Unset = UNSET
    command: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_.value

        timeout = self.timeout

        interval = self.interval

        port = self.port

        url = self.url

        path = self.path

        process_name = self.process_name

        command = self.command

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update(
            {
                "type": type_,
            }
        )
        if timeout is not UNSET:
            field_dict["timeout"] = timeout
        if interval is not UNSET:
            field_dict["interval"] = interval
        if port is not UNSET:
            field_dict["port"] = port
        if url is not UNSET:
            field_dict["url"] = url
        if path is not UNSET:
            field_dict["path"] = path
        if process_name is not UNSET:
            field_dict["processName"] = process_name
        if command is not UNSET:
            field_dict["command"] = command

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        type_ = _types.as_enum(ReadyCheckType, d.get("type"))

        timeout = _types.as_int_or_none(d.get("timeout"))

        interval = _types.as_int_or_none(d.get("interval"))

        port = _types.as_int_or_none(d.get("port"))

        url = _types.as_str_or_none(d.get("url"))

        path = _types.as_str_or_none(d.get("path"))

        process_name = _types.as_str_or_none(d.get("processName"))

        command = _types.as_str_or_none(d.get("command"))

        _ready_check_instance = cls(
            type_=type_,
            timeout=timeout,
            interval=interval,
            port=port,
            url=url,
            path=path,
            process_name=process_name,
            command=command,
        )
        dict.update(_ready_check_instance, d)
        return _ready_check_instance

    @property
    def type(self) -> ReadyCheckType:
        """``type_``, by its wire name."""
        return self.type_
