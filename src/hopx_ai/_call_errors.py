"""Turning transport failures and error responses into SDK errors, with the operation's name.

Error *responses* are mapped in one place, :func:`hopx_ai.errors.error_from_response`, called by
the connections' call helper (:func:`error_for`). Transport failures (timeouts, refused
connections) and answers that do not parse are translated here, where the operation and its
timeouts are known, so that a timeout says which timeout fired and how to raise it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import attrs
import httpx

from .errors import (
    APIError,
    ExecutionTimeoutError,
    HopxError,
    NetworkError,
    TimeoutError,
    error_from_response,
)

ATTEMPTS_EXTENSION = "hopx.attempts"


def error_for(response: httpx.Response) -> HopxError:
    """The SDK error for an error response whose body has been read."""
    attempts = response.extensions.get(ATTEMPTS_EXTENSION, 1)
    return error_from_response(
        response.status_code,
        response.content,
        response.headers,
        attempts=attempts if isinstance(attempts, int) else 1,
    )


@attrs.frozen
class Operation:
    """What a call is, for error messages: its public name and its timeouts."""

    name: str
    # HTTP read timeout for this call only (None: the client's default).
    http_timeout: float | None = None
    # Execution timeout sent to the agent (run_code, commands.run), if any.
    execution_timeout: float | None = None
    timeout_param: str = "timeout"


def _seconds(value: float) -> str:
    return f"{value:g} s"


def _timeout_message(op: Operation, error: httpx.TimeoutException, default: float) -> str:
    waited = op.http_timeout if op.http_timeout is not None else default
    if isinstance(error, httpx.ConnectTimeout):
        return (
            f"{op.name}: could not connect within {_seconds(min(waited, 30.0))} "
            "(connect timeout); check the network and the sandbox's state"
        )
    if isinstance(error, httpx.PoolTimeout):
        return (
            f"{op.name}: no free connection within {_seconds(waited)} (pool timeout); "
            "too many concurrent calls on one sandbox"
        )
    if op.timeout_param == "request_timeout" and op.http_timeout is not None:
        return (
            f"{op.name}: no answer within {_seconds(op.http_timeout)} (request_timeout); "
            "it may still be running in the sandbox; pass a larger request_timeout="
        )
    if op.execution_timeout is not None and op.http_timeout is not None:
        margin = op.http_timeout - op.execution_timeout
        return (
            f"{op.name}: no answer within {_seconds(op.http_timeout)} (HTTP read timeout = "
            f"execution timeout {_seconds(op.execution_timeout)} + {_seconds(margin)} margin); "
            f"it may still be running in the sandbox; pass {op.timeout_param}= to raise both"
        )
    return (
        f"{op.name}: no answer within {_seconds(waited)} (HTTP read timeout); "
        "pass timeout= to raise it"
    )


@contextlib.contextmanager
def raising_sdk_errors(op: Operation, *, default_timeout: float) -> Iterator[None]:
    """Within the block, transport failures and answers that do not parse become SDK errors
    that name the operation (and, for timeouts, which timeout fired and how to raise it)."""
    try:
        yield
    except Exception as error:
        translated = translate(error, op, default_timeout)
        if translated is None:
            raise
        raise translated from error


def translate(error: BaseException, op: Operation, default_timeout: float) -> HopxError | None:
    """The SDK error for what went wrong in a call, or None to let it through unchanged."""
    if isinstance(error, ExecutionTimeoutError):
        limit = op.execution_timeout
        said = f" after {_seconds(limit)}" if limit is not None else ""
        return ExecutionTimeoutError(
            f"{op.name} timed out{said} (execution timeout); pass {op.timeout_param}= to "
            f"raise it. Agent said: {error.message}",
            code=error.code,
            request_id=error.request_id,
            status_code=error.status_code,
            details=error.details,
        )
    if isinstance(error, HopxError):
        return None
    if isinstance(error, httpx.TimeoutException):
        return TimeoutError(_timeout_message(op, error, default_timeout), code=type(error).__name__)
    if isinstance(error, httpx.TransportError):
        where = ""
        with contextlib.suppress(RuntimeError):
            where = f" {error.request.url.scheme}://{error.request.url.netloc.decode()}"
        return NetworkError(
            f"{op.name}: could not reach{where}: {error or type(error).__name__}; "
            "check the network and base_url; for a sandbox's agent, check that the sandbox "
            "is running (get_info().status: a stopped or killed sandbox does not answer)",
            code=type(error).__name__,
        )
    if isinstance(error, KeyError | TypeError | ValueError):
        return APIError(
            f"{op.name}: the server's answer does not match the API contract ({error!r})",
            code="unexpected_response",
        )
    return None
