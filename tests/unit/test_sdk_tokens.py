"""Agent token: proactive refresh near expiry, one reactive refresh on 401, one shared refresh."""

from __future__ import annotations

import asyncio
import time
from typing import Any

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
    agent_error,
    in_threads,
    json_response,
    make_jwt,
    sandbox_json,
)

REFRESH = f"/v1/sandboxes/{SANDBOX_ID}/token/refresh"
READ_OK = {"path": "/workspace/a", "content": "ok", "size": 2, "encoding": "utf-8"}


def iso(epoch: float) -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(epoch))


def serve_create(router: Router, token: str, expires_at: float) -> None:
    router.on(
        "POST",
        "/v1/sandboxes",
        json_response(201, sandbox_json(auth_token=token, token_expires_at=iso(expires_at))),
    )


def serve_refresh(router: Router, clock: Clock, tokens: list[str], delay: float = 0.0) -> None:
    def refresh(request: httpx.Request) -> httpx.Response:
        if delay:
            time.sleep(delay)
        token = f"fresh-{len(router.calls('POST', REFRESH))}"
        tokens.append(token)
        return json_response(200, {"auth_token": token, "token_expires_at": iso(clock.now + 3600)})

    router.on("POST", REFRESH, refresh)


def bearer(request: httpx.Request) -> str:
    return request.headers["Authorization"].removeprefix("Bearer ")


def test_token_expiring_within_a_minute_is_refreshed_before_the_request(
    fake: Router, clock: Clock
) -> None:
    serve_create(fake, "old", clock.now + 30)
    tokens: list[str] = []
    serve_refresh(fake, clock, tokens)
    fake.agent("GET", "/files/read", READ_OK)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert sb.files.read("/workspace/a") == "ok"
    assert fake.count("POST", REFRESH) == 1
    assert [bearer(r) for r in fake.calls("GET", "/files/read")] == ["fresh-1"]


def test_token_with_time_left_is_used_as_is(fake: Router, clock: Clock) -> None:
    serve_create(fake, "current", clock.now + 3000)
    fake.agent("GET", "/files/read", READ_OK)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    sb.files.read("/workspace/a")
    assert fake.count("POST", REFRESH) == 0
    assert bearer(fake.calls("GET", "/files/read")[0]) == "current"


def test_expiry_is_read_from_the_jwt_when_the_api_gives_none(fake: Router, clock: Clock) -> None:
    token = make_jwt(clock.now + 10)
    fake.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(auth_token=token)))
    tokens: list[str] = []
    serve_refresh(fake, clock, tokens)
    fake.agent("GET", "/files/read", READ_OK)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    sb.files.read("/workspace/a")
    assert fake.count("POST", REFRESH) == 1


def test_a_401_refreshes_once_and_replays_once(fake: Router, clock: Clock) -> None:
    serve_create(fake, "revoked", clock.now + 3000)
    tokens: list[str] = []
    serve_refresh(fake, clock, tokens)
    fake.agent("GET", "/files/read", agent_error(401, "UNAUTHORIZED", "bad token"), READ_OK)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert sb.files.read("/workspace/a") == "ok"
    assert fake.count("POST", REFRESH) == 1
    assert [bearer(r) for r in fake.calls("GET", "/files/read")] == ["revoked", "fresh-1"]


def test_a_second_401_raises_without_more_refreshes(fake: Router, clock: Clock) -> None:
    serve_create(fake, "revoked", clock.now + 3000)
    tokens: list[str] = []
    serve_refresh(fake, clock, tokens)
    fake.agent("GET", "/files/read", agent_error(401, "UNAUTHORIZED", "bad token"))
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.AuthenticationError) as raised:
        sb.files.read("/workspace/a")
    assert fake.count("POST", REFRESH) == 1
    assert fake.count("GET", "/files/read") == 2
    assert raised.value.status_code == 401
    assert "Sandbox.connect" in raised.value.message


def test_post_body_is_replayed_intact_after_a_401(fake: Router, clock: Clock) -> None:
    serve_create(fake, "revoked", clock.now + 3000)
    serve_refresh(fake, clock, [])
    fake.agent(
        "POST",
        "/execute",
        agent_error(401, "UNAUTHORIZED", "bad token"),
        {"stdout": "2\n", "stderr": "", "exit_code": 0, "success": True},
    )
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert sb.run_code("print(1 + 1)").stdout == "2\n"
    first, second = fake.calls("POST", "/execute")
    assert first.content == second.content


def test_debug_sandbox_does_not_refresh(fake: Router) -> None:
    fake.agent("GET", "/files/read", agent_error(401, "UNAUTHORIZED", "bad token"))
    sb = Sandbox.debug(
        f"wss://7777-{SANDBOX_ID}.us-east.vms.example.test", "jwt", transport=TRANSPORT
    )
    with pytest.raises(errors.AuthenticationError):
        sb.files.read("/workspace/a")
    assert fake.count("GET", "/files/read") == 1
    assert fake.count("POST", REFRESH) == 0


def test_concurrent_threads_share_one_refresh(fake: Router, clock: Clock) -> None:
    serve_create(fake, "old", clock.now + 5)
    tokens: list[str] = []
    serve_refresh(fake, clock, tokens, delay=0.05)
    fake.agent("GET", "/files/read", READ_OK)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    results = in_threads(6, lambda: sb.files.read("/workspace/a"))
    assert results == ["ok"] * 6
    assert fake.count("POST", REFRESH) == 1
    assert {bearer(r) for r in fake.calls("GET", "/files/read")} == {"fresh-1"}


def test_concurrent_threads_hit_by_401_share_one_refresh(fake: Router, clock: Clock) -> None:
    serve_create(fake, "revoked", clock.now + 3000)
    serve_refresh(fake, clock, [], delay=0.05)

    def read(request: httpx.Request) -> httpx.Response:
        if bearer(request) == "revoked":
            return agent_error(401, "UNAUTHORIZED", "bad token")
        return json_response(200, READ_OK)

    fake.agent("GET", "/files/read", read)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    results = in_threads(5, lambda: sb.files.read("/workspace/a"))
    assert results == ["ok"] * 5
    assert fake.count("POST", REFRESH) == 1


@pytest.mark.anyio
async def test_async_concurrent_calls_share_one_refresh(fake: Router, clock: Clock) -> None:
    serve_create(fake, "old", clock.now + 5)
    tokens: list[str] = []
    serve_refresh(fake, clock, tokens)
    fake.agent("GET", "/files/read", READ_OK)
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    results = await asyncio.gather(*(sb.files.read("/workspace/a") for _ in range(8)))
    await sb.close()
    assert results == ["ok"] * 8
    assert fake.count("POST", REFRESH) == 1


@pytest.mark.anyio
async def test_async_401_refreshes_once_and_replays_once(fake: Router, clock: Clock) -> None:
    serve_create(fake, "revoked", clock.now + 3000)
    serve_refresh(fake, clock, [])

    def read(request: httpx.Request) -> Any:
        if bearer(request) == "revoked":
            return agent_error(401, "UNAUTHORIZED", "bad token")
        return READ_OK

    fake.agent("GET", "/files/read", read)
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    results = await asyncio.gather(*(sb.files.read("/workspace/a") for _ in range(4)))
    await sb.close()
    assert results == ["ok"] * 4
    assert fake.count("POST", REFRESH) == 1
    assert fake.count("GET", "/files/read") == 8


def test_refresh_token_and_get_token(fake: Router, clock: Clock) -> None:
    serve_create(fake, "first", clock.now + 3000)
    serve_refresh(fake, clock, [])
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert sb.get_token() == "first"
    sb.refresh_token()
    assert sb.get_token() == "fresh-1"
    assert fake.count("POST", REFRESH) == 1


def test_tokens_belong_to_the_sandbox_object(fake: Router, clock: Clock) -> None:
    serve_create(fake, "token-a", clock.now + 3000)
    a = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    serve_create(fake, "token-b", clock.now + 3000)
    b = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert (a.get_token(), b.get_token()) == ("token-a", "token-b")
