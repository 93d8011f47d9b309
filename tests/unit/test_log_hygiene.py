"""What reaches the server log: credentials redacted, identical lines rate-limited."""

from __future__ import annotations

import logging

import pytest

from hopx_local.log_hygiene import RateLimitRepeats, RedactSecrets

KEY = "hopx_local_0123456789abcdef"


def _record(msg: str, *args: object, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord("uvicorn.access", logging.INFO, __file__, 1, msg, args, exc_info)


@pytest.mark.parametrize(
    ("line", "hidden"),
    [
        ('127.0.0.1:1 - "GET /v1/sandboxes?api_key=%s&limit=5 HTTP/1.1" 200', KEY),
        ("Authorization: Bearer eyJhbGciOi.payload.sig", "eyJhbGciOi.payload.sig"),
        ("headers {'x-api-key': 'abc12345secret'}", "abc12345secret"),
        ("/preview/sbx_1/80/?token=tok_very_secret_1", "tok_very_secret_1"),
        (f"the key {KEY} leaked", KEY),
    ],
)
def test_credentials_are_redacted(line: str, hidden: str) -> None:
    record = _record(line.replace("%s", KEY))
    RedactSecrets([KEY]).filter(record)
    message = record.getMessage()
    assert hidden not in message
    assert "***" in message


def test_arguments_keep_their_types_for_the_access_formatter() -> None:
    record = _record(
        '%s - "%s %s HTTP/%s" %d', "127.0.0.1:1", "GET", f"/x?api_key={KEY}", "1.1", 200
    )
    RedactSecrets([KEY]).filter(record)
    assert record.args == ("127.0.0.1:1", "GET", "/x?api_key=***", "1.1", 200)


def test_tracebacks_are_redacted_too() -> None:
    try:
        raise ValueError(f"bad key {KEY}")
    except ValueError as error:
        record = _record("failed", exc=error)
    RedactSecrets([KEY]).filter(record)
    assert KEY not in logging.Formatter().format(record)


def test_identical_lines_are_limited_and_the_drop_is_reported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = [1000.0]
    monkeypatch.setattr("hopx_local.log_hygiene.time.monotonic", lambda: clock[0])
    limiter = RateLimitRepeats(burst=3, window=10.0)
    flood = [_record("socket.accept() out of system resource") for _ in range(100)]
    for record in flood:
        record.name = "asyncio"
    assert sum(limiter.filter(record) for record in flood) == 3
    assert limiter.filter(_record("another line"))  # other lines pass
    clock[0] += 11
    later = _record("socket.accept() out of system resource")
    later.name = "asyncio"
    assert limiter.filter(later)
    assert "[97 more like this in the last window]" in later.getMessage()
