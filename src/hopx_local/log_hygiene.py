"""What reaches the server log: secrets redacted from every line, repeated lines rate-limited.

``install(secrets)`` puts both filters on every handler configured so far (the CLI's root
handler and uvicorn's own, which do not propagate), so no logger can bypass them.
"""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Iterable
from typing import Any

REDACTED = "***"
UNLIMITED_LOGGERS = frozenset({"uvicorn.access"})
# Credentials as they appear in URLs and headers: ?api_key=..., token=..., Bearer ...
_CREDENTIAL_PATTERNS = (
    re.compile(
        r"(?i)\b((?:api[_-]?key|apikey|access[_-]?token|auth[_-]?token|token|secret|password)"
        r"=)[^&\s\"']+"
    ),
    re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]+"),
    re.compile(r"(?i)\b(x-api-key[\"']?\s*[:,]\s*[\"']?)[^\s\"',]+"),
)


class RedactSecrets(logging.Filter):
    """Replaces credentials in a record's message and arguments with ``***``."""

    def __init__(self, secrets: Iterable[str] = ()) -> None:
        super().__init__()
        self._secrets = sorted({s for s in secrets if len(s) >= 8}, key=len, reverse=True)

    def add_secret(self, secret: str) -> None:
        if len(secret) >= 8 and secret not in self._secrets:
            self._secrets = sorted([*self._secrets, secret], key=len, reverse=True)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        for pattern in _CREDENTIAL_PATTERNS:
            text = pattern.sub(lambda match: match.group(1) + REDACTED, text)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = self.redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(self._redact_value(arg) for arg in record.args)
        elif isinstance(record.args, dict):
            record.args = {key: self._redact_value(value) for key, value in record.args.items()}
        if record.exc_info and record.exc_info[1] is not None and not record.exc_text:
            # Format the traceback now, so the secret-free text is what handlers print.
            record.exc_text = self.redact(logging.Formatter().formatException(record.exc_info))
            record.exc_info = None
        return True

    def _redact_value(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.redact(value)
        if isinstance(value, bytes | int | float | bool) or value is None:
            return value
        text = str(value)
        redacted = self.redact(text)
        return value if redacted == text else redacted


class RateLimitRepeats(logging.Filter):
    """Lets through at most ``burst`` identical records (logger, level, message) per ``window``
    seconds; the first record after a window with drops says how many were dropped. The access
    log (one line per request, asked for with --access-log) is not limited.

    A flood of identical lines (``EMFILE`` on every accept while descriptors run out) must not
    fill the disk or drown the line that explains it.
    """

    def __init__(self, burst: int = 10, window: float = 10.0) -> None:
        super().__init__()
        self.burst = burst
        self.window = window
        self._kinds: dict[tuple[str, int, str], list[float]] = {}
        """kind -> [window start, records passed, records dropped]"""
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        if record.name in UNLIMITED_LOGGERS:
            return True
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        kind = (record.name, record.levelno, message[:200])
        now = time.monotonic()
        with self._lock:
            state = self._kinds.get(kind)
            if state is None or now - state[0] >= self.window:
                dropped = int(state[2]) if state is not None else 0
                if len(self._kinds) > 1000:
                    self._kinds.clear()
                self._kinds[kind] = [now, 1, 0]
                if dropped:
                    record.msg = f"{record.msg} [{dropped} more like this in the last window]"
                return True
            if state[1] < self.burst:
                state[1] += 1
                return True
            state[2] += 1
            return False


_installed: RedactSecrets | None = None


def install(secrets: Iterable[str] = ()) -> RedactSecrets:
    """Put the filters on every handler known now (call after logging is configured, and again
    after uvicorn configured its own); returns the redaction filter (to add secrets later)."""
    global _installed
    if _installed is None:
        _installed = RedactSecrets(secrets)
        limiter = RateLimitRepeats()
        _install_on_handlers(_installed, limiter)
    else:
        for secret in secrets:
            _installed.add_secret(secret)
        _install_on_handlers(_installed, None)
    return _installed


def _install_on_handlers(redact: RedactSecrets, limiter: RateLimitRepeats | None) -> None:
    loggers: list[logging.Logger] = [logging.getLogger()]
    loggers += [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    existing_limiter = limiter
    for logger in loggers:
        for handler in logger.handlers:
            if existing_limiter is None:
                existing_limiter = next(
                    (f for f in handler.filters if isinstance(f, RateLimitRepeats)), None
                )
            if redact not in handler.filters:
                handler.addFilter(redact)
    shared = existing_limiter or RateLimitRepeats()
    for logger in loggers:
        for handler in logger.handlers:
            if not any(isinstance(f, RateLimitRepeats) for f in handler.filters):
                handler.addFilter(shared)
