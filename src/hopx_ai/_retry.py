"""When a request may be sent again, and how long to wait first (pure policy, no I/O).

* Idempotent methods (GET, HEAD, PUT, DELETE, OPTIONS) are retried on 429/502/503/504 and on
  failures that lost the connection.
* Any method is retried when the connection failed *before the request was sent*
  (``ConnectError``, ``ConnectTimeout``, ``PoolTimeout``).
* A POST/PATCH that reached the server (create sandbox, execute, commands, files.write...) is
  never replayed: no retry on any status (429 included: the caller gets ``RateLimitError``
  with ``retry_after`` and decides), on read errors or on read timeouts.
* Read timeouts are never retried: the caller's timeout is a deadline, not a per-try budget.
* ``Retry-After`` (seconds or HTTP date) is honoured; longer than ``max_retry_after`` means the
  error is raised at once (with ``retry_after``) instead of sleeping silently.
* Otherwise: exponential backoff ``base * 2**attempt`` capped at ``cap``, with jitter.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import attrs
import httpx

from .errors import error_code_of

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "PUT", "DELETE", "OPTIONS"})
RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})

# Error codes that a 503 may carry although retrying cannot help (the agent answers 503
# DESKTOP_NOT_AVAILABLE when the template has no desktop).
PERMANENT_ERROR_CODES = frozenset({"DESKTOP_NOT_AVAILABLE"})

_NOT_SENT_ERRORS = (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout)
_CONNECTION_LOST_ERRORS = (httpx.ReadError, httpx.WriteError, httpx.RemoteProtocolError)


@attrs.frozen
class RetryPolicy:
    max_retries: int = 3
    backoff_base: float = 0.5
    backoff_cap: float = 8.0
    max_retry_after: float = 60.0
    jitter: Callable[[], float] = attrs.field(default=random.random, repr=False)

    def retries_status(self, method: str, status_code: int) -> bool:
        return status_code in RETRYABLE_STATUSES and method.upper() in IDEMPOTENT_METHODS

    def retries_error(self, method: str, error: Exception) -> bool:
        if isinstance(error, _NOT_SENT_ERRORS):
            return True
        return method.upper() in IDEMPOTENT_METHODS and isinstance(error, _CONNECTION_LOST_ERRORS)

    def backoff(self, attempt: int) -> float:
        """Jittered exponential backoff for retry number ``attempt`` (0-based)."""
        ceiling = min(self.backoff_cap, self.backoff_base * (2.0**attempt))
        return ceiling / 2 + self.jitter() * ceiling / 2

    def delay(self, attempt: int, retry_after: float | None) -> float | None:
        """Seconds to wait before the next try, or None when the server asks for too long."""
        if retry_after is None:
            return self.backoff(attempt)
        if retry_after > self.max_retry_after:
            return None
        return retry_after


def is_permanent_failure(content: bytes) -> bool:
    """Whether an error body names a condition that a retry cannot change."""
    return error_code_of(content) in PERMANENT_ERROR_CODES
