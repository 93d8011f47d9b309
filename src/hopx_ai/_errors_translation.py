"""Turning transport failures and error responses into SDK errors, with the operation's name.

Error *responses* are mapped in one place, :func:`hopx_ai.errors.error_from_response`, called from
the HTTP clients' response hook. Transport failures (timeouts, refused connections) are
translated here, where the operation and its timeouts are known, so that a timeout says which
timeout fired and how to raise it.
"""

from __future__ import annotations

import contextlib
from contextlib import AbstractContextManager
from contextvars import ContextVar, Token
from types import TracebackType
from typing import Any, Self

import attrs
import httpx

from ._context import request_timeout
from ._json import json_object
from ._log import logger
from .errors import (
    APIError,
    ExecutionTimeoutError,
    HopxError,
    NetworkError,
    TimeoutError,
    error_from_response,
)

ATTEMPTS_EXTENSION = "hopx.attempts"
# Set on a request whose 401 answer the agent auth will handle (refresh + one replay).
AUTH_REPLAY_PENDING = "hopx.auth_replay_pending"


def should_raise(response: httpx.Response) -> bool:
    if response.status_code < 400:
        return False
    return not (
        response.status_code == 401 and response.request.extensions.get(AUTH_REPLAY_PENDING)
    )


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


_current_call: ContextVar[translating | None] = ContextVar("hopx_current_call", default=None)


def record_response(response: httpx.Response) -> None:
    """Called by the HTTP clients' response hook: remember the answer of the current call."""
    call = _current_call.get()
    if call is not None:
        call.response = response


class translating:
    """One API call through a generated function: applies its HTTP timeout, records the raw
    response, and translates what goes wrong.

    ``with connection.operation("files.read") as call: await read_file.asyncio_detailed(...)``,
    then ``call.json()``. Results are built from the raw JSON, so an answer with fields the
    contract does not know (or without optional ones) is accepted; only a 2xx answer that the
    generated parser rejects is tolerated this way. Usable with ``with`` and ``async with``.
    """

    def __init__(self, op: Operation, *, default_timeout: float) -> None:
        self._op = op
        self._default_timeout = default_timeout
        self._timeout: AbstractContextManager[None] | None = None
        self._token: Token[translating | None] | None = None
        self.response: httpx.Response | None = None

    def __enter__(self) -> Self:
        self._token = _current_call.set(self)
        self._timeout = request_timeout(self._op.http_timeout)
        self._timeout.__enter__()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        if self._timeout is not None:
            self._timeout.__exit__(None, None, None)
            self._timeout = None
        if self._token is not None:
            _current_call.reset(self._token)
            self._token = None
        if error is None:
            return False
        if self._is_tolerated_parse_error(error):
            logger.debug("%s: answer differs from the contract: %r", self._op.name, error)
            return True
        translated = translate(error, self._op, self._default_timeout)
        if translated is not None:
            raise translated from error
        return False

    async def __aenter__(self) -> Self:
        return self.__enter__()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> bool:
        return self.__exit__(exc_type, error, traceback)

    def _is_tolerated_parse_error(self, error: BaseException) -> bool:
        response = self.response
        return (
            isinstance(error, KeyError | TypeError | ValueError)
            and not isinstance(error, HopxError)
            and response is not None
            and response.is_success
        )

    def json(self) -> dict[str, Any]:
        """The JSON object of the answer (``{}`` for an empty body)."""
        return json_object(self._response(), self._op.name)

    def content(self) -> bytes:
        """The raw body of the answer."""
        return self._response().content

    def _response(self) -> httpx.Response:
        if self.response is None:
            raise APIError(f"{self._op.name}: no answer was received", code="no_response")
        return self.response


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
