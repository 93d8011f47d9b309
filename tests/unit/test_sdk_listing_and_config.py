"""Pagination, configuration precedence, the missing-key error, and keys kept out of reprs."""

from __future__ import annotations

import logging

import httpx
import pytest

from hopx_ai import AsyncSandbox, Sandbox, errors

from .conftest import (
    API_KEY,
    CP_HOST,
    CP_URL,
    SANDBOX_ID,
    TRANSPORT,
    Router,
    json_response,
    sandbox_json,
)


def page(ids: list[str], *, has_more: bool, next_cursor: str | None = None) -> dict[str, object]:
    body: dict[str, object] = {
        "object": "list",
        "data": [sandbox_json(i) for i in ids],
        "has_more": has_more,
    }
    if next_cursor is not None:
        body["next_cursor"] = next_cursor
    return body


def serve_pages(router: Router, pages: dict[str | None, dict[str, object]]) -> None:
    def listing(request: httpx.Request) -> httpx.Response:
        return json_response(200, pages[request.url.params.get("cursor")])

    router.on("GET", "/v1/sandboxes", listing)


# ----------------------------------------------------------------------------- pagination


def test_iter_follows_next_cursor_until_has_more_is_false(fake: Router) -> None:
    serve_pages(
        fake,
        {
            None: page(["sbx_a", "sbx_b"], has_more=True, next_cursor="c1"),
            "c1": page(["sbx_c"], has_more=True, next_cursor="c2"),
            "c2": page(["sbx_d"], has_more=False),
        },
    )
    ids = [
        sb.sandbox_id
        for sb in Sandbox.iter(
            status="running", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
        )
    ]
    assert ids == ["sbx_a", "sbx_b", "sbx_c", "sbx_d"]
    requests = fake.calls("GET", "/v1/sandboxes")
    assert [r.url.params.get("cursor") for r in requests] == [None, "c1", "c2"]
    assert all(r.url.params["status"] == "running" for r in requests)


def test_iter_stops_when_next_cursor_is_missing(fake: Router) -> None:
    serve_pages(fake, {None: page(["sbx_a"], has_more=True)})
    ids = [
        sb.sandbox_id for sb in Sandbox.iter(api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    ]
    assert ids == ["sbx_a"]
    assert fake.count("GET", "/v1/sandboxes") == 1


def test_iter_stops_when_the_server_repeats_a_cursor(fake: Router) -> None:
    serve_pages(
        fake,
        {
            None: page(["sbx_a"], has_more=True, next_cursor="same"),
            "same": page(["sbx_b"], has_more=True, next_cursor="same"),
        },
    )
    ids = [
        sb.sandbox_id for sb in Sandbox.iter(api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    ]
    assert ids == ["sbx_a", "sbx_b"]
    assert fake.count("GET", "/v1/sandboxes") == 2


def test_iter_is_lazy(fake: Router) -> None:
    serve_pages(
        fake,
        {
            None: page(["sbx_a"], has_more=True, next_cursor="c1"),
            "c1": page(["sbx_b"], has_more=False),
        },
    )
    first = next(iter(Sandbox.iter(api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)))
    assert first.sandbox_id == "sbx_a"
    assert fake.count("GET", "/v1/sandboxes") == 1


def test_list_fetches_one_page_with_the_limit(fake: Router) -> None:
    serve_pages(fake, {None: page(["sbx_a", "sbx_b"], has_more=True, next_cursor="c1")})
    sandboxes = Sandbox.list(
        limit=2, region="us-east", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert [sb.sandbox_id for sb in sandboxes] == ["sbx_a", "sbx_b"]
    (request,) = fake.calls("GET", "/v1/sandboxes")
    assert request.url.params["limit"] == "2"
    assert request.url.params["region"] == "us-east"
    # the listed info is kept: no extra request to know the agent URL
    assert sandboxes[0].agent_url.startswith("https://7777-sbx_a.")
    assert fake.count("GET", "/v1/sandboxes/sbx_a") == 0


def test_list_tolerates_null_data(fake: Router) -> None:
    fake.on("GET", "/v1/sandboxes", {"object": "list", "data": None, "has_more": False})
    assert Sandbox.list(api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT) == []


def test_list_rejects_a_bad_limit_or_status_before_sending(fake: Router) -> None:
    with pytest.raises(errors.ValidationError) as raised:
        Sandbox.list(limit=0, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    assert raised.value.field == "limit"
    with pytest.raises(errors.ValidationError) as raised:
        Sandbox.list(status="sleeping", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    assert raised.value.field == "status"
    assert "'running'" in raised.value.message
    assert fake.requests == []


@pytest.mark.anyio
async def test_async_iter_follows_next_cursor(fake: Router) -> None:
    serve_pages(
        fake,
        {
            None: page(["sbx_a"], has_more=True, next_cursor="c1"),
            "c1": page(["sbx_b"], has_more=False),
        },
    )
    ids = [
        sb.sandbox_id
        async for sb in AsyncSandbox.iter(api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    ]
    assert ids == ["sbx_a", "sbx_b"]


# ----------------------------------------------------------------------------- configuration


def test_api_key_argument_wins_over_the_environment(
    fake: Router, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOPX_API_KEY", "from-env")
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", sandbox_json())
    Sandbox(SANDBOX_ID, api_key="from-arg", base_url=CP_URL, transport=TRANSPORT).get_info()
    assert fake.requests[-1].headers["X-API-Key"] == "from-arg"


def test_api_key_from_the_environment(fake: Router, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOPX_API_KEY", "from-env")
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", sandbox_json())
    Sandbox(SANDBOX_ID, base_url=CP_URL, transport=TRANSPORT).get_info()
    assert fake.requests[-1].headers["X-API-Key"] == "from-env"


def test_base_url_precedence(fake: Router, monkeypatch: pytest.MonkeyPatch) -> None:
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", sandbox_json())
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", sandbox_json(), host="env.example.test")
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", sandbox_json(), host="api.hopx.dev")
    # default
    Sandbox(SANDBOX_ID, api_key=API_KEY, transport=TRANSPORT).get_info()
    assert fake.requests[-1].url.host == "api.hopx.dev"
    # environment beats the default
    monkeypatch.setenv("HOPX_BASE_URL", "https://env.example.test/")
    Sandbox(SANDBOX_ID, api_key=API_KEY, transport=TRANSPORT).get_info()
    assert fake.requests[-1].url.host == "env.example.test"
    # the argument beats the environment, even when it spells the default
    Sandbox(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT).get_info()
    assert fake.requests[-1].url.host == CP_HOST
    Sandbox(
        SANDBOX_ID, api_key=API_KEY, base_url="https://api.hopx.dev", transport=TRANSPORT
    ).get_info()
    assert fake.requests[-1].url.host == "api.hopx.dev"


def test_missing_api_key_names_both_ways_to_give_it() -> None:
    with pytest.raises(errors.AuthenticationError) as raised:
        Sandbox(SANDBOX_ID)
    assert "api_key=" in raised.value.message
    assert "HOPX_API_KEY" in raised.value.message
    assert isinstance(raised.value, errors.HopxError)
    with pytest.raises(errors.AuthenticationError):
        Sandbox.list()


def test_health_check_needs_no_key(fake: Router) -> None:
    fake.on("GET", "/health", {"status": "healthy", "version": "1"})
    health = Sandbox.health_check(base_url=CP_URL, transport=TRANSPORT)
    assert health.get("status") == "healthy"
    assert health["status"] == "healthy"
    assert "X-API-Key" not in fake.requests[-1].headers


def test_bad_base_url_is_a_validation_error() -> None:
    with pytest.raises(errors.ValidationError) as raised:
        Sandbox(SANDBOX_ID, api_key=API_KEY, base_url="api.example.test")
    assert raised.value.field == "base_url"


def test_the_api_key_never_appears_in_reprs_or_logs(
    fake: Router, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", sandbox_json())
    fake.on("DELETE", f"/v1/sandboxes/{SANDBOX_ID}", json_response(401, {}))
    sb = Sandbox(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    sb.get_info()
    with pytest.raises(errors.AuthenticationError) as raised:
        sb.kill()
    texts = [
        repr(sb),
        str(sb),
        repr(sb._config),
        str(sb._config),
        repr(sb._cp()),
        repr(sb._cp()._http),
        repr(sb.files),
        str(raised.value),
        repr(raised.value),
        caplog.text,
    ]
    assert all(API_KEY not in text for text in texts)
    assert SANDBOX_ID in repr(sb)


def test_your_own_http_client_carries_every_request_and_stays_open(fake: Router) -> None:
    fake.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(auth_token="jwt-1")))
    fake.agent("GET", "/info", {"version": "3.2.8"})
    mine = httpx.Client(transport=httpx.MockTransport(fake), headers={"X-Mine": "yes"})
    sb = Sandbox.create(template="code-interpreter", api_key=API_KEY, base_url=CP_URL,
                        http_client=mine)  # fmt: skip
    assert sb.get_agent_info()["version"] == "3.2.8"
    sb.close()
    assert [r.headers["X-Mine"] for r in fake.requests] == ["yes", "yes"]
    assert fake.requests[0].headers["X-API-Key"] == API_KEY  # the SDK's auth, per request
    assert fake.requests[1].headers["Authorization"] == "Bearer jwt-1"
    assert not mine.is_closed  # yours to close
    mine.close()


@pytest.mark.anyio
async def test_a_transport_gets_the_sdk_retries(fake: Router) -> None:
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", json_response(503, {}), sandbox_json())
    mine = httpx.MockTransport(fake)
    sb = AsyncSandbox(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=mine)
    assert (await sb.get_info()).sandbox_id == SANDBOX_ID
    await sb.close()
    assert fake.count("GET", f"/v1/sandboxes/{SANDBOX_ID}") == 2


def test_a_wrong_http_client_is_named() -> None:
    with pytest.raises(errors.ValidationError) as raised:
        Sandbox(SANDBOX_ID, api_key=API_KEY, http_client="http://proxy:3128")  # type: ignore[arg-type]
    assert raised.value.field == "http_client"


def test_debug_logs_name_calls_and_retries_but_no_secrets(
    fake: Router, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="hopx_ai")
    fake.on("GET", f"/v1/sandboxes/{SANDBOX_ID}", json_response(503, {}), sandbox_json())
    Sandbox(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT).get_info()
    text = caplog.text
    assert f"GET /v1/sandboxes/{SANDBOX_ID} answered 503; retry in" in text
    assert f"GET {CP_HOST}/v1/sandboxes/{SANDBOX_ID} -> 200" in text
    assert API_KEY not in text
