"""Contains some shared types for properties.

hopx: what makes the generated models the SDK's result types lives here, once:

- ``UNSET`` is ``None``: a property the server did not send reads as ``None`` (and a request
  property left at ``None`` is not sent).
- :class:`WireModel`, the base of every model, is a ``dict`` of the JSON object the model was
  read from, so ``result["key"]``, ``json.dumps(result)``, ``copy()``, ``|`` and pickling work,
  and properties the document does not know yet stay readable. (A property named like a
  ``dict`` method, e.g. ``keys``, shadows that method on its model.) Its typed attributes are parsed
  once, tolerantly (the ``as_*`` helpers below), and its ``repr`` hides secrets.
"""

import datetime
import enum
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from types import NoneType
from typing import IO, Any, BinaryIO, Callable, ClassVar, Final, Generic, TypeVar, cast

import attrs
import httpx
from attrs import define

Unset = NoneType  # type: ignore[valid-type]
UNSET: Final = None

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


@attrs.frozen
class ApiRequest(Generic[T]):
    """One operation's request, built from the document (method, URL, query, headers, body),
    and how its successful answer is parsed. ``httpx_client.request(**request.kwargs)`` sends it;
    ``httpx_client.build_request(**request.kwargs)`` gives a request to stream."""

    operation_id: str
    kwargs: dict[str, Any]
    parse: Callable[[httpx.Response], T]


_SECRET_WORDS = ("token", "password", "secret", "api_key", "apikey", "authorization")
_EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)


def is_secret(name: str) -> bool:
    lowered = name.lower()
    return any(word in lowered for word in _SECRET_WORDS)


class WireModel(dict[str, Any]):
    """The JSON object a model was read from (a ``dict``), with the model's typed attributes."""

    __slots__ = ()
    # JSON names of the properties the document declares (the rest are additional).
    _known_keys: ClassVar[frozenset[str]] = frozenset()

    @property
    def additional_properties(self) -> dict[str, Any]:
        """Properties of the answer the document does not declare (yet)."""
        return {key: value for key, value in self.items() if key not in self._known_keys}

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties)

    def __repr__(self) -> str:
        shown = []
        for field in attrs.fields(cast(Any, type(self))):
            value = getattr(self, field.name)
            if value is None or value == [] or value == {}:
                continue
            if is_secret(field.name):
                text = "***"
            elif isinstance(value, enum.Enum):
                text = repr(value.value)
            elif isinstance(value, datetime.datetime):
                text = repr(value.isoformat())
            else:
                text = repr(value)
            shown.append(f"{field.name}={text}")
        return f"{type(self).__name__}({', '.join(shown)})"

    __str__ = __repr__


def json_body(response: httpx.Response) -> Any:
    """The JSON of an answer; an empty body counts as ``{}``."""
    return response.json() if response.content else {}


def value(data: Mapping[str, Any], key: str) -> Any:
    return data.get(key)


def as_mapping(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, Mapping) else {}


def as_str(value: Any) -> str:
    return "" if value is None else value if isinstance(value, str) else str(value)


def as_str_or_none(value: Any) -> str | None:
    return None if value is None else as_str(value)


def as_int_or_none(value: Any) -> int | None:
    if value is None:
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def as_int(value: Any) -> int:
    return as_int_or_none(value) or 0


def as_float_or_none(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def as_float(value: Any) -> float:
    return as_float_or_none(value) or 0.0


def as_bool_or_none(value: Any) -> bool | None:
    return None if value is None else bool(value)


def as_bool(value: Any) -> bool:
    return bool(value)


def as_datetime_or_none(value: Any) -> datetime.datetime | None:
    """RFC 3339 text (``Z`` allowed) or a datetime; anything unparsable is None."""
    if value is None or isinstance(value, datetime.datetime):
        return value
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def as_datetime(value: Any) -> datetime.datetime:
    """A required time; a missing or unparsable one reads as the epoch."""
    return as_datetime_or_none(value) or _EPOCH


E = TypeVar("E", bound=enum.Enum)


def as_enum(cls: type[E], value: Any) -> E:
    """``cls(value)``: a listed value by one dict lookup, any other through the enum (whose
    ``_missing_`` keeps a value the document does not list yet)."""
    try:
        member = cls._value2member_map_.get(value)
    except TypeError:  # an unhashable JSON value (list, object)
        member = None
    return member if member is not None else cls(value)  # type: ignore[return-value]


def as_enum_list(cls: type[E], value: Any) -> list[E]:
    """``[as_enum(cls, item) for item in as_list(value)]``, in one loop (lists of enum values
    are common in answers: languages, statuses)."""
    members = cls._value2member_map_
    items: list[E] = []
    for item in as_list(value):
        try:
            member = members.get(item)
        except TypeError:
            member = None
        items.append(member if member is not None else cls(item))  # type: ignore[arg-type]
    return items


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


__all__ = [
    "UNSET",
    "ApiRequest",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "WireModel",
]
