"""One mapping from both error body shapes (control plane nested, agent flat) to the hierarchy."""

from __future__ import annotations

import builtins
import json
from typing import Any

import pytest

from hopx_ai import errors
from hopx_ai.errors import error_from_response, parse_retry_after


def nested(
    code: str, message: str = "msg", request_id: str | None = "req_body", **details: Any
) -> bytes:
    error: dict[str, Any] = {"message": message, "code": code, "details": details}
    if request_id is not None:
        error["request_id"] = request_id
    return json.dumps({"error": error}).encode()


def flat(
    code: str | None, message: str = "msg", request_id: str | None = "req_body", **extra: Any
) -> bytes:
    body: dict[str, Any] = {"error": message, "details": extra.pop("details", {})}
    if code is not None:
        body["code"] = code
    if request_id is not None:
        body["request_id"] = request_id
    body.update(extra)
    return json.dumps(body).encode()


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (400, "validation_error", errors.ValidationError),
        (401, "unauthorized", errors.AuthenticationError),
        (401, "token_expired", errors.TokenExpiredError),
        (404, "not_found", errors.NotFoundError),
        (409, "conflict", errors.APIError),
        (413, "payload_too_large", errors.ValidationError),
        (429, "rate_limited", errors.RateLimitError),
        (402, "resource_limit", errors.ResourceLimitError),
        (500, "internal_error", errors.ServerError),
        (501, "not_implemented", errors.ServerError),
        (503, "unknown_code", errors.ServerError),
        (410, "sandbox_expired", errors.SandboxExpiredError),
    ],
)
def test_control_plane_codes_and_statuses_map_to_classes(
    status: int, code: str, expected: type[errors.HopxError]
) -> None:
    error = error_from_response(status, nested(code), {})
    assert type(error) is expected
    assert error.status_code == status
    assert error.code == code
    assert error.request_id == "req_body"


@pytest.mark.parametrize(
    ("status", "code", "expected"),
    [
        (404, "FILE_NOT_FOUND", errors.FileNotFoundError),
        (404, "DIRECTORY_NOT_FOUND", errors.FileNotFoundError),
        (403, "PATH_NOT_ALLOWED", errors.FileOperationError),
        (403, "PERMISSION_DENIED", errors.FileOperationError),
        (400, "INVALID_PATH", errors.FileOperationError),
        (409, "FILE_ALREADY_EXISTS", errors.FileOperationError),
        (500, "EXECUTION_FAILED", errors.CodeExecutionError),
        (408, "EXECUTION_TIMEOUT", errors.ExecutionTimeoutError),
        (500, "COMMAND_FAILED", errors.CommandExecutionError),
        (503, "DESKTOP_NOT_AVAILABLE", errors.DesktopNotAvailableError),
        (401, "UNAUTHORIZED", errors.AuthenticationError),
        (400, "INVALID_REQUEST", errors.ValidationError),
        (400, "MISSING_PARAMETER", errors.ValidationError),
        (400, "INVALID_JSON", errors.ValidationError),
        (413, "PAYLOAD_TOO_LARGE", errors.ValidationError),
        (404, "PROCESS_NOT_FOUND", errors.AgentError),
        (500, "INTERNAL_ERROR", errors.AgentError),
        (405, "METHOD_NOT_ALLOWED", errors.AgentError),
    ],
)
def test_agent_codes_map_to_classes(
    status: int, code: str, expected: type[errors.HopxError]
) -> None:
    error = error_from_response(status, flat(code), {})
    assert type(error) is expected
    assert error.code == code
    assert error.status_code == status
    assert error.request_id == "req_body"


def test_builtin_compatibility() -> None:
    timeout = error_from_response(408, flat("EXECUTION_TIMEOUT"), {})
    assert isinstance(timeout, builtins.TimeoutError)
    assert isinstance(timeout, errors.TimeoutError)
    assert isinstance(timeout, errors.CodeExecutionError)
    missing = error_from_response(404, flat("FILE_NOT_FOUND", path="/workspace/a.txt"), {})
    assert isinstance(missing, builtins.FileNotFoundError)
    assert isinstance(missing, errors.FileOperationError)
    assert isinstance(missing, errors.AgentError)
    assert isinstance(missing, errors.FileNotFoundError)
    assert missing.path == "/workspace/a.txt"


def test_request_id_comes_from_the_body_first_then_the_header() -> None:
    assert error_from_response(404, nested("not_found"), {"X-Request-ID": "hdr"}).request_id == (
        "req_body"
    )
    without = nested("not_found", request_id=None)
    assert error_from_response(404, without, {"x-request-id": "hdr"}).request_id == "hdr"
    assert (
        error_from_response(
            404, flat("FILE_NOT_FOUND", request_id=None), {"X-Request-ID": "h2"}
        ).request_id
        == "h2"
    )


def test_every_error_carries_status_code_request_id_and_details() -> None:
    error = error_from_response(400, nested("validation_error", field="template_id"), {})
    assert isinstance(error, errors.ValidationError)
    assert error.field == "template_id"
    assert error.details == {"field": "template_id"}
    text = str(error)
    assert "validation_error" in text and "400" in text and "req_body" in text


def test_agent_validation_names_the_field() -> None:
    error = error_from_response(400, flat("INVALID_REQUEST", details={"field": "timeout"}), {})
    assert isinstance(error, errors.ValidationError)
    assert error.field == "timeout"


def test_401_message_says_how_to_give_the_key() -> None:
    error = error_from_response(401, nested("unauthorized", "bad key"), {})
    assert "Invalid API key: pass api_key= or set HOPX_API_KEY" in error.message
    assert "bad key" in error.message


def test_rate_limit_reads_retry_after_header_then_details() -> None:
    error = error_from_response(429, nested("rate_limited"), {"Retry-After": "7"})
    assert isinstance(error, errors.RateLimitError)
    assert error.retry_after == 7
    assert "retry after 7 s" in error.message
    from_details = error_from_response(429, nested("rate_limited", retry_after_seconds=3), {})
    assert isinstance(from_details, errors.RateLimitError)
    assert from_details.retry_after == 3


def test_resource_limit_details() -> None:
    body = nested("resource_limit", limit=10, current=10, available=0, upgrade_url="https://u")
    error = error_from_response(402, body, {})
    assert isinstance(error, errors.ResourceLimitError)
    assert (error.limit, error.current, error.available, error.upgrade_url) == (
        10,
        10,
        0,
        "https://u",
    )


def test_desktop_not_available_lists_missing_dependencies() -> None:
    body = flat("DESKTOP_NOT_AVAILABLE", details={"missing_dependencies": ["xvfb", "xdotool"]})
    error = error_from_response(503, body, {})
    assert isinstance(error, errors.DesktopNotAvailableError)
    assert error.missing_dependencies == ["xvfb", "xdotool"]
    assert "xvfb xdotool" in error.install_command


def test_bodies_that_are_not_json_or_unknown_still_map_by_status() -> None:
    html = error_from_response(502, b"<html>Bad gateway</html>", {"X-Request-ID": "lb"})
    assert isinstance(html, errors.ServerError)
    assert "Bad gateway" in html.message
    assert html.request_id == "lb"
    empty = error_from_response(404, b"", {})
    assert isinstance(empty, errors.NotFoundError)
    assert "HTTP 404" in empty.message
    other = error_from_response(418, b'{"message": "teapot"}', {})
    assert type(other) is errors.APIError
    assert "teapot" in other.message


def test_agent_flat_body_without_code_maps_to_agent_error() -> None:
    error = error_from_response(500, flat(None, "boom"), {})
    assert type(error) is errors.AgentError
    assert error.message == "boom"


def test_template_not_found_suggests_the_closest_name() -> None:
    error = errors.TemplateNotFoundError("code-interpeter", ["code-interpreter", "base"])
    assert error.suggested_template == "code-interpreter"
    assert "Did you mean 'code-interpreter'?" in str(error)
    assert isinstance(error, errors.NotFoundError)


@pytest.mark.parametrize(
    ("value", "expected"),
    [("5", 5.0), ("0", 0.0), ("-3", 0.0), ("abc", None), (None, None), ("", None)],
)
def test_parse_retry_after_seconds(value: str | None, expected: float | None) -> None:
    assert parse_retry_after(value) == expected


def test_parse_retry_after_http_date() -> None:
    from datetime import UTC, datetime

    now = datetime(2025, 1, 1, 0, 0, 0, tzinfo=UTC)
    assert parse_retry_after("Wed, 01 Jan 2025 00:00:09 GMT", now=now) == 9.0


def test_bodies_are_read_tolerantly_through_the_generated_models() -> None:
    # an agent code the YAML does not know yet, a numeric request id, a details list:
    # still a typed error with the status, the code and the message
    odd = json.dumps(
        {"error": "new thing", "code": "BRAND_NEW_CODE", "request_id": 42, "details": [1]}
    ).encode()
    error = error_from_response(409, odd, {"X-Request-ID": "hdr"})
    assert type(error) is errors.AgentError
    assert (error.code, error.request_id, error.status_code) == ("BRAND_NEW_CODE", "42", 409)
    assert error.details == {}
    assert error.message == "new thing"
    # a JSON array, a JSON string: the status decides, nothing crashes
    assert type(error_from_response(404, b"[1, 2]", {})) is errors.NotFoundError
    assert type(error_from_response(500, b'"oops"', {})) is errors.ServerError
    # control plane envelope with a missing message and a details that is not an object
    bare = json.dumps({"error": {"code": "not_found", "details": "x"}}).encode()
    missing = error_from_response(404, bare, {"X-Request-ID": "req_h"})
    assert type(missing) is errors.NotFoundError
    assert (missing.message, missing.request_id, missing.details) == ("HTTP 404", "req_h", {})


def test_websocket_error_frames_map_like_http_bodies() -> None:
    timeout = errors.error_from_ws_frame(
        {"type": "error", "error": "too slow", "code": "EXECUTION_TIMEOUT", "details": {}},
        "run_code_stream",
    )
    assert isinstance(timeout, errors.ExecutionTimeoutError)
    assert timeout.status_code == 408
    missing = errors.error_from_ws_frame(
        {"type": "error", "code": "FILE_NOT_FOUND", "details": {"path": "/x"}}, "files.watch"
    )
    assert isinstance(missing, errors.FileNotFoundError)
    assert (missing.path, missing.message) == ("/x", "files.watch failed")
