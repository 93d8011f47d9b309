"""The one error hierarchy of the SDK, and the one function that maps HTTP error responses onto it.

Both servers' error bodies are read through the generated error models of the two documents
(``hopx_control_api`` ``Error``, ``hopx_agent_api`` ``ErrorResponse`` and ``WsErrorMessage``):

* control plane (nested): ``{"error": {"message", "code", "request_id", "details"}}``
* VM agent (flat): ``{"error": str, "code", "details", "path", "request_id", "timestamp"}``

Every error carries ``status_code``, ``code``, ``request_id`` (body first, then the
``X-Request-ID`` header) and ``details``; its message says what to do next.
"""

from __future__ import annotations

import builtins
import difflib
import email.utils
import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from hopx_agent_api.models.error_code import ErrorCode as ErrorCode


__all__ = [
    "APIError",
    "AgentError",
    "AuthenticationError",
    "CodeExecutionError",
    "CommandExecutionError",
    "DesktopNotAvailableError",
    "ErrorCode",
    "ExecutionTimeoutError",
    "FileNotFoundError",
    "FileOperationError",
    "HopxError",
    "NetworkError",
    "NotFoundError",
    "RateLimitError",
    "ResourceLimitError",
    "SandboxErrorMetadata",
    "SandboxExpiredError",
    "ServerError",
    "TemplateBuildError",
    "TemplateBuildErrorMetadata",
    "TemplateNotFoundError",
    "TimeoutError",
    "TokenExpiredError",
    "ValidationError",
    "error_from_response",
    "error_from_ws_frame",
    "parse_retry_after",
]


# --------------------------------------------------------------------------- metadata


@dataclass
class SandboxErrorMetadata:
    """State of a sandbox when an error about it was raised."""

    sandbox_id: str | None = None
    created_at: str | None = None
    expires_at: str | None = None
    time_to_live: int | None = None
    status: str | None = None


@dataclass
class TemplateBuildErrorMetadata:
    """State of a template build when it failed."""

    build_id: str | None = None
    template_id: str | None = None
    build_status: str | None = None
    logs_url: str | None = None
    error_details: str | None = None


# --------------------------------------------------------------------------- hierarchy


class HopxError(Exception):
    """Base class of every error the SDK raises."""

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        request_id: str | None = None,
        status_code: int | None = None,
        details: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.request_id = request_id
        self.status_code = status_code
        self.details: dict[str, Any] = dict(details or {})

    def __str__(self) -> str:
        parts = [self.message]
        tags = []
        if self.code:
            tags.append(f"code: {self.code}")
        if self.status_code is not None:
            tags.append(f"status: {self.status_code}")
        if tags:
            parts.append(f"({', '.join(tags)})")
        if self.request_id:
            parts.append(f"[request_id: {self.request_id}]")
        return " ".join(parts)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}({self.message!r}, code={self.code!r}, "
            f"status_code={self.status_code!r}, request_id={self.request_id!r})"
        )


class APIError(HopxError):
    """The control plane (or the agent) answered with an error status."""


class AuthenticationError(APIError):
    """Missing or rejected credentials (401)."""


class TokenExpiredError(AuthenticationError):
    """The sandbox's agent token expired and could not be refreshed."""

    def __init__(self, message: str = "Agent token has expired", **kwargs: Any) -> None:
        kwargs.setdefault("code", "token_expired")
        kwargs.setdefault("status_code", 401)
        super().__init__(message, **kwargs)


class NotFoundError(APIError):
    """The resource does not exist (404)."""


class TemplateNotFoundError(NotFoundError):
    """A template name did not match; suggests the closest available one."""

    def __init__(
        self,
        template_name: str,
        available_templates: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        self.template_name = template_name
        self.available_templates = list(available_templates or [])
        self.suggested_template = self._closest_match()
        message = f"Template '{template_name}' not found"
        if self.suggested_template:
            message += f". Did you mean '{self.suggested_template}'?"
        elif self.available_templates:
            message += f". Available templates: {', '.join(self.available_templates[:5])}"
        else:
            message += ". List the available ones with Sandbox.list_templates()"
        kwargs.setdefault("code", "template_not_found")
        kwargs.setdefault("status_code", 404)
        super().__init__(message, **kwargs)

    def _closest_match(self) -> str | None:
        matches = difflib.get_close_matches(
            self.template_name, self.available_templates, n=1, cutoff=0.6
        )
        return matches[0] if matches else None


class ValidationError(APIError):
    """The request was rejected as invalid (400); ``field`` names the culprit when known."""

    def __init__(self, message: str, *, field: str | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.field = field


class RateLimitError(APIError):
    """Too many requests (429); ``retry_after`` is in seconds when the server said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        super().__init__(message, **kwargs)
        self.retry_after = retry_after


class ResourceLimitError(APIError):
    """An account or capacity limit was reached."""

    def __init__(
        self,
        message: str,
        *,
        limit: int | None = None,
        current: int | None = None,
        available: int | None = None,
        upgrade_url: str | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(message, **kwargs)
        self.limit = limit
        self.current = current
        self.available = available
        self.upgrade_url = upgrade_url


class ServerError(APIError):
    """The server failed (5xx)."""


class NetworkError(HopxError):
    """The request could not be sent or its answer could not be received."""


class TimeoutError(NetworkError, builtins.TimeoutError):
    """A timeout fired; the message says which one and how to raise it.

    Also a :class:`builtins.TimeoutError`, so ``except TimeoutError`` works either way.
    """


class AgentError(HopxError):
    """An operation inside the sandbox (files, code, commands, desktop) failed."""


class FileOperationError(AgentError):
    """A file operation failed (forbidden path, invalid path, already exists...)."""

    def __init__(
        self,
        message: str = "File operation failed",
        operation: str | None = None,
        *,
        path: str | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("code", "file_operation_failed")
        super().__init__(message, **kwargs)
        self.operation = operation
        self.path = path


class FileNotFoundError(FileOperationError, builtins.FileNotFoundError):
    """A file or directory does not exist in the sandbox.

    Also a :class:`builtins.FileNotFoundError`.
    """

    def __init__(
        self, message: str = "File not found", path: str | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("code", "file_not_found")
        super().__init__(message, path=path, **kwargs)


class CodeExecutionError(AgentError):
    """Code could not be executed."""

    def __init__(
        self, message: str = "Code execution failed", language: str | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("code", "code_execution_failed")
        super().__init__(message, **kwargs)
        self.language = language


class ExecutionTimeoutError(TimeoutError, CodeExecutionError):
    """The code ran longer than its execution timeout (agent code ``EXECUTION_TIMEOUT``)."""


class CommandExecutionError(AgentError):
    """A shell command could not be executed."""

    def __init__(
        self, message: str = "Command execution failed", command: str | None = None, **kwargs: Any
    ) -> None:
        kwargs.setdefault("code", "command_execution_failed")
        super().__init__(message, **kwargs)
        self.command = command


_DESKTOP_PACKAGES = (
    "xvfb",
    "tigervnc-standalone-server",
    "xdotool",
    "wmctrl",
    "xclip",
    "imagemagick",
    "ffmpeg",
    "tesseract-ocr",
)


class DesktopNotAvailableError(AgentError):
    """The sandbox's template has no desktop (X server, VNC, xdotool...)."""

    docs_url = "https://docs.hopx.ai/desktop-automation"

    def __init__(
        self,
        message: str = "Desktop automation is not available in this sandbox",
        missing_dependencies: list[str] | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("code", "desktop_not_available")
        self.missing_dependencies = list(missing_dependencies or [])
        packages = self.missing_dependencies or list(_DESKTOP_PACKAGES)
        self.install_command = f"apt-get update && apt-get install -y {' '.join(packages)}"
        super().__init__(message, **kwargs)


class SandboxExpiredError(NotFoundError):
    """The sandbox reached its timeout and is gone (a :class:`NotFoundError`: the server
    answers its id with 404 ``not_found``, ``details.reason == "expired"``)."""

    def __init__(
        self,
        message: str = "Sandbox has expired",
        metadata: SandboxErrorMetadata | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("code", "sandbox_expired")
        kwargs.setdefault("status_code", 410)
        super().__init__(message, **kwargs)
        self.metadata = metadata or SandboxErrorMetadata()
        self.sandbox_id = self.metadata.sandbox_id
        self.created_at = self.metadata.created_at
        self.expires_at = self.metadata.expires_at


class TemplateBuildError(HopxError):
    """A template build failed."""

    def __init__(
        self,
        message: str = "Template build failed",
        metadata: TemplateBuildErrorMetadata | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("code", "template_build_failed")
        super().__init__(message, **kwargs)
        self.metadata = metadata or TemplateBuildErrorMetadata()
        self.build_id = self.metadata.build_id
        self.template_id = self.metadata.template_id
        self.build_status = self.metadata.build_status
        self.logs_url = self.metadata.logs_url
        self.error_details = self.metadata.error_details


# --------------------------------------------------------------------------- mapping


def parse_retry_after(value: str | None, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if value is None:
        return None
    value = value.strip()
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=UTC)
        seconds = (when - (now or datetime.now(UTC))).total_seconds()
    if math.isnan(seconds) or math.isinf(seconds):
        return None
    return max(0.0, seconds)


@dataclass
class _ErrorBody:
    message: str | None
    code: str | None
    request_id: str | None
    details: dict[str, Any]
    path: str | None
    from_agent: bool


def _parse_error_body(content: bytes) -> _ErrorBody:
    """Read an error body through the generated error models of the two documents
    (control plane ``Error``, agent ``ErrorResponse``); a body that is not JSON, or not an
    object, still gives its text (the status then chooses the class)."""
    empty = _ErrorBody(None, None, None, {}, None, from_agent=False)
    try:
        body = json.loads(content) if content else None
    except (ValueError, UnicodeDecodeError):
        text = content.decode("utf-8", "replace").strip()
        if text:
            empty.message = text[:300]
        return empty
    if not isinstance(body, dict):
        return empty
    if isinstance(body.get("error"), dict):  # control plane: nested envelope
        from hopx_control_api.models.error import Error

        envelope = Error.from_dict(body).error
        return _ErrorBody(
            message=envelope.message or None,
            code=envelope.code or None,
            request_id=envelope.request_id or _str_or_none(body.get("request_id")),
            details=dict(envelope.details),
            path=None,
            from_agent=False,
        )
    from hopx_agent_api.models.error_response import ErrorResponse

    # agent: flat body (also tolerates {"message": ...} and {"detail": ...}, kept readable
    # on the model as properties the document does not declare)
    flat = ErrorResponse.from_dict(body)
    from_agent = isinstance(body.get("error"), str)
    message = (flat.error if from_agent else None) or _str_or_none(flat.get("message"))
    message = message or _str_or_none(flat.get("detail"))
    details = dict(flat.details)
    path = flat.path or _str_or_none(details.get("path"))
    return _ErrorBody(
        message=message or None,
        code=flat.code.value or None,
        request_id=flat.request_id or None,
        details=details,
        path=path,
        from_agent=from_agent,
    )


def error_code_of(content: bytes) -> str | None:
    """The ``code`` of an error body of either shape (None if it has none)."""
    return _parse_error_body(content).code


def _str_or_none(value: Any) -> str | None:
    if value is None or isinstance(value, dict | list):
        return None
    text = str(value)
    return text or None


def _dict(value: Any) -> dict[str, Any]:
    return dict(value) if isinstance(value, dict) else {}


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def _validation_field(details: Mapping[str, Any]) -> str | None:
    for key in ("field", "param", "parameter"):
        if isinstance(details.get(key), str):
            return str(details[key])
    for key in ("fields", "errors"):
        items = details.get(key)
        if isinstance(items, list) and items:
            first = items[0]
            if isinstance(first, str):
                return first
            if isinstance(first, dict):
                for sub in ("field", "name", "path", "loc"):
                    if isinstance(first.get(sub), str):
                        return str(first[sub])
                    if isinstance(first.get(sub), list):
                        return ".".join(str(p) for p in first[sub])
    return None


_AGENT_CODE_CLASSES: dict[str, type[HopxError]] = {
    "FILE_NOT_FOUND": FileNotFoundError,
    "DIRECTORY_NOT_FOUND": FileNotFoundError,
    "PATH_NOT_ALLOWED": FileOperationError,
    "PERMISSION_DENIED": FileOperationError,
    "INVALID_PATH": FileOperationError,
    "FILE_ALREADY_EXISTS": FileOperationError,
    "EXECUTION_FAILED": CodeExecutionError,
    "EXECUTION_TIMEOUT": ExecutionTimeoutError,
    "COMMAND_FAILED": CommandExecutionError,
    "DESKTOP_NOT_AVAILABLE": DesktopNotAvailableError,
    "UNAUTHORIZED": AuthenticationError,
    "INVALID_REQUEST": ValidationError,
    "MISSING_PARAMETER": ValidationError,
    "INVALID_JSON": ValidationError,
    "PAYLOAD_TOO_LARGE": ValidationError,
}

_CONTROL_PLANE_CODE_CLASSES: dict[str, type[HopxError]] = {
    "validation_error": ValidationError,
    "payload_too_large": ValidationError,
    "unauthorized": AuthenticationError,
    "token_expired": TokenExpiredError,
    "not_found": NotFoundError,
    "template_not_found": NotFoundError,
    "rate_limited": RateLimitError,
    "resource_limit": ResourceLimitError,
    "internal_error": ServerError,
    "sandbox_expired": SandboxExpiredError,
    "template_build_failed": TemplateBuildError,
}


def _class_for_status(status: int) -> type[HopxError]:
    if status in (400, 422):
        return ValidationError
    if status == 401:
        return AuthenticationError
    if status == 404:
        return NotFoundError
    if status == 410:
        return SandboxExpiredError
    if status == 429:
        return RateLimitError
    if status >= 500:
        return ServerError
    return APIError


def _hint(cls: type[HopxError], body: _ErrorBody, retry_after: float | None, attempts: int) -> str:
    """What the user can do about it (appended to the server's message)."""
    retried = f" (tried {attempts} times)" if attempts > 1 else ""
    if issubclass(cls, AuthenticationError):
        if body.from_agent:
            return (
                "the sandbox agent rejected the access token even after a refresh: "
                "reconnect with Sandbox.connect(sandbox_id)"
            )
        return "Invalid API key: pass api_key= or set HOPX_API_KEY"
    if cls is RateLimitError:
        wait = f"retry after {retry_after:g} s" if retry_after is not None else "retry later"
        return f"rate limited{retried}: {wait}, or lower the request rate"
    if cls is ServerError:
        return f"server error{retried}: try again later; quote the request_id if it persists"
    if cls is ResourceLimitError:
        return "a limit of your account was reached: kill unused sandboxes or raise the limit"
    if cls is DesktopNotAvailableError:
        return "no desktop in this sandbox: use a template with one (see .install_command)"
    if cls is SandboxExpiredError and body.details.get("reason") != "expired":
        return "the sandbox expired: create a new one (pass timeout_seconds= to keep it longer)"
    return ""


def error_from_response(
    status_code: int,
    content: bytes,
    headers: Mapping[str, str] | None = None,
    *,
    attempts: int = 1,
) -> HopxError:
    """Build the SDK error for an HTTP error response of either server.

    The class comes from the body's ``code`` when it names one, else from the status.
    """
    return _error_from_body(
        status_code, _parse_error_body(content), headers or {}, attempts=attempts
    )


def error_from_ws_frame(frame: Mapping[str, Any], name: str) -> HopxError:
    """The SDK error for an agent WebSocket's ``{"type": "error", ...}`` frame (read through
    the generated ``WsErrorMessage``); an execution timeout counts as 408, the rest as 500."""
    from hopx_agent_api.models.ws_error_message import WsErrorMessage

    message = WsErrorMessage.from_dict(frame)
    code = message.code.value or None
    body = _ErrorBody(
        message=message.error or f"{name} failed",
        code=code,
        request_id=None,
        details=dict(message.details) if isinstance(message.details, Mapping) else {},
        path=None,
        from_agent=True,
    )
    body.path = _str_or_none(body.details.get("path"))
    return _error_from_body(408 if code == "EXECUTION_TIMEOUT" else 500, body, {}, attempts=1)


def _error_from_body(
    status_code: int, body: _ErrorBody, headers: Mapping[str, str], *, attempts: int
) -> HopxError:
    header = {k.lower(): v for k, v in headers.items()}
    request_id = body.request_id or header.get("x-request-id")
    retry_after = parse_retry_after(header.get("retry-after"))
    if retry_after is None:
        for key in ("retry_after_seconds", "retry_after"):
            value = body.details.get(key)
            if isinstance(value, int | float) and not isinstance(value, bool):
                retry_after = float(value)
                break

    cls: type[HopxError] | None = None
    if body.code:
        table = _AGENT_CODE_CLASSES if body.code.isupper() else _CONTROL_PLANE_CODE_CLASSES
        cls = table.get(body.code)
    if cls is NotFoundError and body.details.get("reason") == "expired":
        # hopx-local's tombstone: the id of a sandbox whose timeout ran out (the server's
        # message says when, and names set_timeout)
        cls = SandboxExpiredError
    if cls is None:
        cls = _class_for_status(status_code)
        if body.from_agent and cls in (APIError, ValidationError, NotFoundError, ServerError):
            cls = AgentError

    server_message = body.message or f"HTTP {status_code}"
    if status_code == 501 or body.code == "not_implemented":
        # not a failure to retry: this server does not provide the operation at all
        hint = (
            "this server does not provide this operation (hopx-local has no template "
            "builder, for one); use a server that does, such as the HopX cloud"
        )
    else:
        hint = _hint(cls, body, retry_after, attempts)
    message = f"{hint}. Server said: {server_message}" if hint else server_message

    common: dict[str, Any] = {
        "code": body.code,
        "request_id": request_id,
        "status_code": status_code,
        "details": body.details,
    }
    if cls is ValidationError:
        return ValidationError(message, field=_validation_field(body.details), **common)
    if cls is RateLimitError:
        return RateLimitError(message, retry_after=retry_after, **common)
    if cls is ResourceLimitError:
        return ResourceLimitError(
            message,
            limit=_int_or_none(body.details.get("limit")),
            current=_int_or_none(body.details.get("current")),
            available=_int_or_none(body.details.get("available")),
            upgrade_url=_str_or_none(body.details.get("upgrade_url")),
            **common,
        )
    if cls is FileNotFoundError:
        return FileNotFoundError(message, path=body.path, **common)
    if cls is FileOperationError:
        return FileOperationError(message, path=body.path, **common)
    if cls is DesktopNotAvailableError:
        missing = body.details.get("missing_dependencies")
        deps = [str(d) for d in missing] if isinstance(missing, list) else None
        return DesktopNotAvailableError(message, missing_dependencies=deps, **common)
    if cls is SandboxExpiredError:
        metadata = SandboxErrorMetadata(
            sandbox_id=_str_or_none(body.details.get("sandbox_id"))
            or _str_or_none(body.details.get("id")),
            expires_at=_str_or_none(body.details.get("expires_at"))
            or _str_or_none(body.details.get("ended_at")),
            status="expired" if body.details.get("reason") == "expired" else None,
        )
        return SandboxExpiredError(message, metadata=metadata, **common)
    if cls is TemplateBuildError:
        return TemplateBuildError(message, **common)
    return cls(message, **common)


def __getattr__(name: str) -> Any:
    # ``ErrorCode``: the machine-readable codes of the agent's flat error bodies, the generated
    # enum of vm-agent.yaml (loaded on first use: ``import hopx_ai`` stays cheap).
    if name == "ErrorCode":
        from hopx_agent_api.models.error_code import ErrorCode

        return ErrorCode
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
