"""Messages of the agent's WebSocket streams, and the expiry summary the SDK computes.

Stream frames come in several shapes (``stdout``, ``result``, ``complete``...); each event here
is one flat object over them, with ``event["type"]`` as in the published dicts.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any, ClassVar, Self

import attrs

from ._results import RichOutput


def _opt_str(value: Any) -> str | None:
    if value is None:
        return None
    return value if isinstance(value, str) else str(value)


def _str(value: Any) -> str:
    return "" if value is None else _opt_str(value) or ""


def _opt_int(value: Any) -> int | None:
    if value is None or isinstance(value, bool):
        return None if value is None else int(value)
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _int_or_zero(value: Any) -> int:
    return _opt_int(value) or 0


def _opt_float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _opt_bool(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _opt_datetime(value: Any) -> datetime | None:
    """RFC 3339 text (``Z`` allowed) or a datetime; anything unparsable becomes None."""
    if value is None or isinstance(value, datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _str_list(value: Any) -> list[str]:
    if not isinstance(value, list):
        return []
    return [str(v) for v in value]


def _opt_dict(value: Any) -> dict[str, Any] | None:
    return dict(value) if isinstance(value, Mapping) else None


@attrs.define(repr=False)
class HopxModel(Mapping[str, Any]):
    """Base of all results: typed attributes plus read-only mapping access to the raw JSON."""

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
    if isinstance(value, RichOutput) or value is None:
        return value
    return RichOutput.from_dict(value) if isinstance(value, Mapping) else None


@attrs.define(repr=False)
class ExecutionEvent(HopxModel):
    """A message of ``run_code_stream``: ``stdout``/``stderr`` (data), ``result``, ``complete``,
    ``error``. ``event["type"]`` works as with the published dicts."""

    type: str = attrs.field(default="", converter=_str)
    data: str | None = attrs.field(default=None, converter=_opt_str)
    exit_code: int | None = attrs.field(default=None, converter=_opt_int)
    execution_time: float | None = attrs.field(default=None, converter=_opt_float)
    success: bool | None = attrs.field(default=None, converter=_opt_bool)
    error: str | None = attrs.field(default=None, converter=_opt_str)
    code: str | None = attrs.field(default=None, converter=_opt_str)
    execution_id: str | None = attrs.field(default=None, converter=_opt_str)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)
    output: RichOutput | None = attrs.field(default=None, converter=_display)


@attrs.define(repr=False)
class TerminalMessage(HopxModel):
    """A message of the interactive terminal: ``output`` (data) or ``exit`` (code)."""

    type: str = attrs.field(default="", converter=_str)
    data: str | None = attrs.field(default=None, converter=_opt_str)
    code: int | None = attrs.field(default=None, converter=_opt_int)


@attrs.define(repr=False)
class FileChangeEvent(HopxModel):
    """A change seen by ``files.watch``."""

    type: str = attrs.field(default="", converter=_str)
    path: str | None = attrs.field(default=None, converter=_opt_str)
    event: str | None = attrs.field(default=None, converter=_opt_str)
    timestamp: datetime | None = attrs.field(default=None, converter=_opt_datetime)


@attrs.define(repr=False)
class ExpiryInfo(HopxModel):
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
