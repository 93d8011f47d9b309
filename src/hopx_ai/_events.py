"""Messages of the agent's WebSocket streams, and the expiry summary the SDK computes.

Stream frames come in several shapes (``stdout``, ``result``, ``complete``...); each event here
is one flat object over them, with ``event["type"]`` as in the published dicts.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import TYPE_CHECKING, Any, ClassVar, Self

import attrs
from hopx_agent_api.types import (
    as_bool_or_none,
    as_datetime_or_none,
    as_float_or_none,
    as_int_or_none,
    as_str,
    as_str_or_none,
)

if TYPE_CHECKING:
    from ._results import RichOutput


@attrs.define(repr=False)
class FlatMessage(Mapping[str, Any]):
    """Typed attributes plus read-only mapping access to the JSON object of one message."""

    _raw: dict[str, Any] = attrs.field(factory=dict, kw_only=True, eq=False, alias="raw")

    # Field name -> JSON key, when they differ.
    _json_keys: ClassVar[Mapping[str, str]] = {}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Self:
        """Build from a JSON object; unknown keys stay reachable through mapping access."""
        data = data or {}
        kwargs: dict[str, Any] = {}
        for field in attrs.fields(cls):
            if field.name == "_raw" or not field.init:
                continue
            key = cls._json_keys.get(field.name, field.name)
            if key in data:
                kwargs[field.alias or field.name] = data[key]
        return cls(**kwargs, raw=dict(data))

    # Mapping protocol over the raw JSON (falls back to attributes for hand-built objects).
    def __getitem__(self, key: str) -> Any:
        if key in self._raw:
            return self._raw[key]
        if isinstance(key, str) and key in attrs.fields_dict(type(self)) and key != "_raw":
            return getattr(self, key)
        raise KeyError(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __contains__(self, key: object) -> bool:
        return key in self._raw

    def to_dict(self) -> dict[str, Any]:
        """A deep copy of the JSON object this result was built from."""
        return copy.deepcopy(self._raw)

    def __repr__(self) -> str:
        shown = []
        for field in attrs.fields(type(self)):
            if field.name == "_raw" or not field.repr:
                continue
            value = getattr(self, field.name)
            if value is None or value == [] or value == {}:
                continue
            shown.append(f"{field.name}={value!r}")
        return f"{type(self).__name__}({', '.join(shown)})"


def _display(value: Any) -> RichOutput | None:
    from ._results import RichOutput

    if isinstance(value, RichOutput) or value is None:
        return value
    return RichOutput.from_dict(value) if isinstance(value, Mapping) else None


@attrs.define(repr=False)
class ExecutionEvent(FlatMessage):
    """A message of ``run_code_stream``: ``stdout``/``stderr`` (data), ``result``, ``complete``,
    ``error``. ``event["type"]`` works as with the published dicts."""

    type: str = attrs.field(default="", converter=as_str)
    data: str | None = attrs.field(default=None, converter=as_str_or_none)
    exit_code: int | None = attrs.field(default=None, converter=as_int_or_none)
    execution_time: float | None = attrs.field(default=None, converter=as_float_or_none)
    success: bool | None = attrs.field(default=None, converter=as_bool_or_none)
    error: str | None = attrs.field(default=None, converter=as_str_or_none)
    code: str | None = attrs.field(default=None, converter=as_str_or_none)
    execution_id: str | None = attrs.field(default=None, converter=as_str_or_none)
    timestamp: datetime | None = attrs.field(default=None, converter=as_datetime_or_none)
    output: RichOutput | None = attrs.field(default=None, converter=_display)


@attrs.define(repr=False)
class TerminalMessage(FlatMessage):
    """A message of the interactive terminal: ``output`` (data) or ``exit`` (code)."""

    type: str = attrs.field(default="", converter=as_str)
    data: str | None = attrs.field(default=None, converter=as_str_or_none)
    code: int | None = attrs.field(default=None, converter=as_int_or_none)


@attrs.define(repr=False)
class FileChangeEvent(FlatMessage):
    """A change seen by ``files.watch``."""

    type: str = attrs.field(default="", converter=as_str)
    path: str | None = attrs.field(default=None, converter=as_str_or_none)
    event: str | None = attrs.field(default=None, converter=as_str_or_none)
    timestamp: datetime | None = attrs.field(default=None, converter=as_datetime_or_none)


@attrs.define(repr=False)
class ExpiryInfo(FlatMessage):
    """When a sandbox expires, computed from one fetch of its info."""

    expires_at: datetime | None = None
    time_to_expiry: int | None = None
    is_expired: bool = False
    is_expiring_soon: bool = False
    has_timeout: bool = False

    def __repr__(self) -> str:
        if not self.has_timeout:
            return "ExpiryInfo(no timeout)"
        if self.is_expired:
            return f"ExpiryInfo(EXPIRED at {self.expires_at})"
        return (
            f"ExpiryInfo(time_to_expiry={self.time_to_expiry}s, "
            f"is_expiring_soon={self.is_expiring_soon})"
        )
