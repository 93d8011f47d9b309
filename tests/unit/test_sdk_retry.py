"""Retry policy, seen from the user's side: what is sent again, after how long, and what is not."""

from __future__ import annotations

import httpx
import pytest

from hopx_ai import AsyncSandbox, Sandbox, errors

from .conftest import (
    API_KEY,
    CP_URL,
    SANDBOX_ID,
    TRANSPORT,
    Clock,
    Router,
    Sleeps,
    agent_error,
    cp_error,
    json_response,
    make_jwt,
    sandbox_json,
)

INFO_PATH = f"/v1/sandboxes/{SANDBOX_ID}"


def created(router: Router, clock: Clock) -> None:
    token = make_jwt(clock.now + 3600)
    router.on(
        "POST",
        "/v1/sandboxes",
        json_response(
            201,
            sandbox_json(auth_token=token, token_expires_at="2100-01-01T00:00:00Z"),
        ),
    )


def sandbox(max_retries: int = 3) -> Sandbox:
    return Sandbox(
        SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT, max_retries=max_retries
    )


def test_429_with_retry_after_seconds_is_honoured(fake: Router, sleeps: Sleeps) -> None:
    fake.on(
        "GET",
        INFO_PATH,
        json_response(
            429, {"error": {"message": "slow", "code": "rate_limited"}}, {"Retry-After": "2"}
        ),
        sandbox_json(),
    )
    info = sandbox().get_info()
    assert info.status == "running"
    assert fake.count("GET", INFO_PATH) == 2
    assert sleeps.delays == [2.0]


def test_429_with_retry_after_http_date_is_honoured(
    fake: Router, sleeps: Sleeps, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime

    from hopx_ai import errors as errors_module

    real = errors_module.parse_retry_after

    def at_fixed_now(value: str | None, *, now: datetime | None = None) -> float | None:
        return real(value, now=datetime(2025, 1, 1, tzinfo=UTC))

    monkeypatch.setattr("hopx_ai._async._transport.parse_retry_after", at_fixed_now)
    monkeypatch.setattr("hopx_ai._sync._transport.parse_retry_after", at_fixed_now)
    fake.on(
        "GET",
        INFO_PATH,
        json_response(429, {}, {"Retry-After": "Wed, 01 Jan 2025 00:00:04 GMT"}),
        sandbox_json(),
    )
    sandbox().get_info()
    assert sleeps.delays == [4.0]


def test_503_on_get_is_retried_with_jittered_exponential_backoff(
    fake: Router, sleeps: Sleeps
) -> None:
    fake.on("GET", INFO_PATH, json_response(503, {}), json_response(503, {}), sandbox_json())
    sandbox().get_info()
    assert fake.count("GET", INFO_PATH) == 3
    # random() is 0.5 in tests: base 0.5 s * 2**n, half fixed + half jitter
    assert sleeps.delays == [0.375, 0.75]


def test_retries_stop_after_max_retries_and_say_so(fake: Router, sleeps: Sleeps) -> None:
    fake.on("GET", INFO_PATH, cp_error(503, "internal_error", "down"))
    with pytest.raises(errors.ServerError) as raised:
        sandbox(max_retries=2).get_info()
    assert fake.count("GET", INFO_PATH) == 3
    assert len(sleeps.delays) == 2
    assert "tried 3 times" in raised.value.message
    assert raised.value.status_code == 503


def test_max_retries_zero_sends_once(fake: Router, sleeps: Sleeps) -> None:
    fake.on("GET", INFO_PATH, json_response(502, {}))
    with pytest.raises(errors.ServerError):
        sandbox(max_retries=0).get_info()
    assert fake.count("GET", INFO_PATH) == 1
    assert sleeps.delays == []


def test_retry_after_longer_than_the_cap_is_not_waited_for(fake: Router, sleeps: Sleeps) -> None:
    fake.on("GET", INFO_PATH, json_response(429, {}, {"Retry-After": "600"}))
    with pytest.raises(errors.RateLimitError) as raised:
        sandbox().get_info()
    assert raised.value.retry_after == 600
    assert fake.count("GET", INFO_PATH) == 1
    assert sleeps.delays == []


def test_create_is_not_replayed_after_a_503(fake: Router, sleeps: Sleeps) -> None:
    fake.on("POST", "/v1/sandboxes", json_response(503, {}))
    with pytest.raises(errors.ServerError):
        Sandbox.create(
            template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
        )
    assert fake.count("POST", "/v1/sandboxes") == 1
    assert sleeps.delays == []


def test_create_is_not_replayed_after_a_429(fake: Router, sleeps: Sleeps) -> None:
    fake.on("POST", "/v1/sandboxes", json_response(429, {}, {"Retry-After": "3"}))
    with pytest.raises(errors.RateLimitError) as raised:
        Sandbox.create(
            template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
        )
    assert raised.value.retry_after == 3
    assert fake.count("POST", "/v1/sandboxes") == 1
    assert sleeps.delays == []


def test_post_execute_is_not_replayed_after_a_read_timeout(
    fake: Router, clock: Clock, sleeps: Sleeps
) -> None:
    created(fake, clock)
    fake.agent("POST", "/execute", httpx.ReadTimeout("no answer"))
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.TimeoutError) as raised:
        sb.run_code("import time; time.sleep(999)")
    assert fake.count("POST", "/execute") == 1
    assert sleeps.delays == []
    message = str(raised.value)
    assert "HTTP read timeout" in message
    assert "execution timeout 120 s + 30 s margin" in message
    assert "pass timeout=" in message
    assert isinstance(raised.value, TimeoutError)


def test_post_is_retried_when_the_connection_failed_before_sending(
    fake: Router, clock: Clock, sleeps: Sleeps
) -> None:
    created(fake, clock)
    fake.agent(
        "POST",
        "/execute",
        httpx.ConnectError("refused"),
        {"stdout": "hi\n", "stderr": "", "exit_code": 0, "success": True},
    )
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert sb.run_code("print('hi')").stdout == "hi\n"
    assert fake.count("POST", "/execute") == 2
    assert len(sleeps.delays) == 1


def test_post_execute_is_not_replayed_after_a_502(fake: Router, clock: Clock) -> None:
    created(fake, clock)
    fake.agent("POST", "/execute", json_response(502, {}))
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.HopxError):
        sb.run_code("x = 1")
    assert fake.count("POST", "/execute") == 1


def test_files_write_is_not_replayed_after_a_dropped_connection(fake: Router, clock: Clock) -> None:
    created(fake, clock)
    fake.agent("POST", "/files/write", httpx.ReadError("reset"))
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.NetworkError):
        sb.files.write("/workspace/a.txt", "data")
    assert fake.count("POST", "/files/write") == 1


def test_get_is_retried_after_a_dropped_connection(fake: Router, clock: Clock) -> None:
    created(fake, clock)
    fake.agent(
        "GET",
        "/files/read",
        httpx.RemoteProtocolError("closed"),
        {"path": "/workspace/a.txt", "content": "x", "size": 1, "encoding": "utf-8"},
    )
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert sb.files.read("/workspace/a.txt") == "x"
    assert fake.count("GET", "/files/read") == 2


def test_desktop_not_available_503_is_not_retried(
    fake: Router, clock: Clock, sleeps: Sleeps
) -> None:
    created(fake, clock)
    fake.agent(
        "GET",
        "/desktop/vnc/status",
        agent_error(503, "DESKTOP_NOT_AVAILABLE", "no desktop", missing_dependencies=["xvfb"]),
    )
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.DesktopNotAvailableError) as raised:
        sb.desktop.get_vnc_status()
    assert raised.value.missing_dependencies == ["xvfb"]
    assert fake.count("GET", "/desktop/vnc/status") == 1
    assert sleeps.delays == []


@pytest.mark.anyio
async def test_async_429_then_success(fake: Router, sleeps: Sleeps) -> None:
    fake.on("GET", INFO_PATH, json_response(429, {}, {"Retry-After": "1"}), sandbox_json())
    sb = AsyncSandbox(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    info = await sb.get_info()
    await sb.close()
    assert info.sandbox_id == SANDBOX_ID
    assert sleeps.delays == [1.0]


@pytest.mark.anyio
async def test_async_post_execute_is_not_replayed_after_a_read_timeout(
    fake: Router, clock: Clock, sleeps: Sleeps
) -> None:
    created(fake, clock)
    fake.agent("POST", "/execute", httpx.ReadTimeout("no answer"))
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.TimeoutError, match="execution timeout 5 s"):
        await sb.run_code("while True: pass", timeout_seconds=5)
    await sb.close()
    assert fake.count("POST", "/execute") == 1
    assert sleeps.delays == []
