"""``request_timeout=`` on every public method: one HTTP timeout per call, through the one call
path (``_AsyncConnection.call/stream``); and the DEBUG log of a token refresh."""

from __future__ import annotations

import inspect
import logging
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_ai import (
    AsyncCache,
    AsyncCommands,
    AsyncDesktop,
    AsyncEnvironmentVariables,
    AsyncFiles,
    AsyncSandbox,
    AsyncTerminal,
    Cache,
    Commands,
    Desktop,
    EnvironmentVariables,
    Files,
    Sandbox,
    Terminal,
    errors,
)
from hopx_ai._async.terminal import AsyncTerminalSession
from hopx_ai._sync.terminal import TerminalSession

from .conftest import (
    API_KEY,
    CP_URL,
    SANDBOX_ID,
    TRANSPORT,
    Router,
    json_response,
    sandbox_json,
)

CLASSES = [
    Sandbox,
    AsyncSandbox,
    Files,
    AsyncFiles,
    Commands,
    AsyncCommands,
    EnvironmentVariables,
    AsyncEnvironmentVariables,
    Cache,
    AsyncCache,
    Desktop,
    AsyncDesktop,
    Terminal,
    AsyncTerminal,
    TerminalSession,
    AsyncTerminalSession,
]

# Methods that send no request of their own: closing, building an object, and frames on a
# terminal WebSocket that is already open.
NO_REQUEST = {
    "close",
    "debug",
    "send_input",
    "resize",
    "iter_output",
}

INFO = f"/v1/sandboxes/{SANDBOX_ID}"
TOKEN_FIELDS = {"auth_token": "jwt-SECRET-1", "token_expires_at": "2100-01-01T00:00:00Z"}


def public_methods(cls: type) -> list[str]:
    names = []
    for name in dir(cls):
        if name.startswith("_") or isinstance(inspect.getattr_static(cls, name), property):
            continue
        if callable(getattr(cls, name)):
            names.append(name)
    return names


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_every_public_method_that_sends_a_request_takes_request_timeout(cls: type) -> None:
    missing = []
    for name in public_methods(cls):
        if name in NO_REQUEST:
            continue
        parameter = inspect.signature(getattr(cls, name)).parameters.get("request_timeout")
        if (
            parameter is None
            or parameter.kind is not inspect.Parameter.KEYWORD_ONLY
            or parameter.default is not None
        ):
            missing.append(name)
    assert missing == []


def test_each_exemption_is_a_real_method() -> None:
    every = {name for cls in CLASSES for name in public_methods(cls)}
    assert every >= NO_REQUEST


def create(fake: Router) -> Sandbox:
    fake.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(**TOKEN_FIELDS)))
    return Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )


def test_request_timeout_is_the_read_timeout_of_each_kind_of_call(
    fake: Router, tmp_path: Path
) -> None:
    sb = create(fake)
    seen: dict[str, object] = {}

    def remember(name: str, reply: Any) -> Any:
        def answer(request: httpx.Request) -> Any:
            seen[name] = request.extensions["timeout"]["read"]
            return reply

        return answer

    fake.agent("GET", "/files/read", remember("files.read", {"path": "/a", "content": "x"}))
    fake.agent("GET", "/files/download", remember("files.download", httpx.Response(200)))
    fake.agent("GET", "/env", remember("env.get", {"env_vars": {"A": "1"}}))
    fake.agent("GET", "/cache/stats", remember("cache.stats", {"cache": {}}))
    fake.agent("GET", "/info", remember("get_agent_info", {"version": "1"}))
    fake.agent("GET", "/desktop/clipboard/get", remember("desktop", {"text": "t"}))
    fake.on("GET", "/v1/sandboxes", remember("list", {"data": [], "has_more": False}))
    fake.on("POST", f"{INFO}/token/refresh", remember("refresh_token", TOKEN_FIELDS))
    fake.on("DELETE", INFO, remember("kill", httpx.Response(204)))

    sb.files.read("/a", request_timeout=1.5)
    sb.files.download("/a", str(tmp_path / "a"), request_timeout=2)
    sb.env.get("A", request_timeout=3)
    sb.cache.stats(request_timeout=4)
    sb.get_agent_info(request_timeout=5)
    sb.desktop.get_clipboard(request_timeout=6)
    Sandbox.list(api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT, request_timeout=7)
    sb.refresh_token(request_timeout=8)
    sb.kill(request_timeout=9)
    fake.on("POST", "/v1/sandboxes", remember("create", sandbox_json(**TOKEN_FIELDS)))
    Sandbox.create(
        template="base",
        api_key=API_KEY,
        base_url=CP_URL,
        transport=TRANSPORT,
        request_timeout=10,
    )
    assert seen == {
        "files.read": 1.5,
        "files.download": 2,
        "env.get": 3,
        "cache.stats": 4,
        "get_agent_info": 5,
        "desktop": 6,
        "list": 7,
        "refresh_token": 8,
        "kill": 9,
        "create": 10,
    }


def test_request_timeout_wins_over_the_older_timeout_parameter(fake: Router) -> None:
    sb = create(fake)
    fake.agent("GET", "/files/read", httpx.ReadTimeout("slow"))
    with pytest.raises(errors.TimeoutError, match=r"files.read: .* 0.25 s \(request_timeout\)"):
        sb.files.read("/a", timeout=60, request_timeout=0.25)


@pytest.mark.anyio
async def test_async_request_timeout_of_a_class_method(fake: Router) -> None:
    fake.on("GET", "/v1/templates", httpx.ReadTimeout("slow"))
    with pytest.raises(errors.TimeoutError, match=r"list_templates: .*\(request_timeout\)"):
        await AsyncSandbox.list_templates(
            api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT, request_timeout=0.5
        )


def test_a_token_refresh_is_logged_at_debug_without_the_token(
    fake: Router, caplog: pytest.LogCaptureFixture
) -> None:
    sb = create(fake)
    fake.on(
        "POST",
        f"{INFO}/token/refresh",
        json_response(
            200, {"auth_token": "jwt-SECRET-2", "token_expires_at": "2100-01-01T00:00:00Z"}
        ),
    )
    caplog.set_level(logging.DEBUG, logger="hopx_ai")
    sb.refresh_token()
    assert sb.get_token() == "jwt-SECRET-2"
    text = caplog.text
    assert f"POST {CP_URL.removeprefix('https://')}{INFO}/token/refresh -> 200" in text
    assert "agent token refreshed (refresh 1)" in text
    assert "jwt-SECRET" not in text and API_KEY not in text
