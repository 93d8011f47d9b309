"""Small pure helpers shared by the async source and the generated blocking code (no I/O)."""

from __future__ import annotations

import enum
import re
from collections.abc import Generator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from .errors import HopxError, ValidationError

if TYPE_CHECKING:
    from ._results import SandboxInfo

E = TypeVar("E", bound=enum.Enum)


def enum_value(enum_type: type[E], value: str, field: str) -> E:
    """``enum_type(value)`` for a value the document lists, or a :class:`ValidationError`
    naming the field and the choices (generated enums accept unknown values when *reading*
    answers; what the SDK sends is checked here)."""
    for member in enum_type:
        if member.value == value:
            return member
    choices = ", ".join(repr(m.value) for m in enum_type)
    raise ValidationError(f"{field}={value!r} is not supported; use one of {choices}", field=field)


def pick_timeout(timeout: int, timeout_seconds: int | None, *, field: str = "timeout") -> int:
    """``timeout_seconds`` (the published async keyword) wins over ``timeout`` when given."""
    chosen = timeout_seconds if timeout_seconds is not None else timeout
    if isinstance(chosen, bool) or not isinstance(chosen, int | float) or chosen <= 0:
        raise ValidationError(f"{field} must be a positive number of seconds", field=field)
    return int(chosen)


def agent_base_url(info: SandboxInfo) -> str:
    """The agent's base URL: the sandbox's ``public_host`` (``https://`` added if bare)."""
    host = (info.public_host or info.direct_url or "").strip()
    if not host:
        raise HopxError(
            f"Sandbox {info.id} has no public_host yet (status: {info.status}); "
            "wait until it is running, then call get_info()",
            code="no_public_host",
        )
    if "://" not in host:
        host = f"https://{host}"
    return host.rstrip("/")


def websocket_url(base_url: str, path: str) -> str:
    """``http(s)://host[/prefix]`` + ``path`` as ``ws(s)://...``."""
    parts = urlsplit(base_url)
    scheme = "wss" if parts.scheme == "https" else "ws"
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + path, "", ""))


_PORT_PREFIX = re.compile(r"^(?P<port>\d+)-(?P<rest>.+)$")


def preview_url(info: SandboxInfo, port: int) -> str:
    """The public URL of ``port`` in the sandbox.

    From the API's ``preview_url`` template (with a literal ``{port}``) when given, else from a
    ``public_host`` of the form ``scheme://<port>-<rest>`` (any domain). Always ends with ``/``.
    """
    if isinstance(port, bool) or not isinstance(port, int) or not 1 <= port <= 65535:
        raise ValidationError(f"port must be an integer in 1..65535 (got {port!r})", field="port")
    template = info.preview_url or ""
    if "{port}" in template:
        url = template.replace("{port}", str(port))
        return url if url.endswith("/") else url + "/"
    host = (info.public_host or "").strip()
    parts = urlsplit(host if "://" in host else f"https://{host}")
    netloc = parts.netloc
    match = _PORT_PREFIX.match(netloc)
    if not match:
        raise HopxError(
            f"Cannot derive a preview URL for sandbox {info.id}: its public_host "
            f"{host!r} is not of the form scheme://<port>-<host> and the API gave no preview_url "
            "template; refresh the info with get_info() or ask the server's operator",
            code="no_preview_url",
        )
    return urlunsplit((parts.scheme, f"{port}-{match.group('rest')}", "/", "", ""))


def string_map(values: Mapping[str, Any] | None, field: str) -> dict[str, str] | None:
    """Validate a ``{name: value}`` of strings (env vars, headers)."""
    if values is None:
        return None
    if not isinstance(values, Mapping):
        raise ValidationError(f"{field} must be a dict of str to str", field=field)
    result: dict[str, str] = {}
    for key, value in values.items():
        if not isinstance(key, str) or not key:
            raise ValidationError(f"{field}: every name must be a non-empty string", field=field)
        if not isinstance(value, str):
            raise ValidationError(
                f"{field}[{key!r}] must be a string (got {type(value).__name__})",
                field=f"{field}.{key}",
            )
        result[key] = value
    return result


class AwaitableStr(str):
    """A ``str`` that can also be awaited, giving itself: the published ``AsyncSandbox``
    made ``agent_url`` an awaitable property, so ``await sandbox.agent_url`` keeps working
    next to the plain ``sandbox.agent_url`` (no I/O either way)."""

    __slots__ = ()

    def __await__(self) -> Generator[Any, None, str]:
        yield from ()
        return str(self)
