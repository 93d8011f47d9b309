"""Using a sandbox after its end: what the user sees after ``kill()``, after its timeout ran
out, and when its agent refuses connections (the control plane's word surfaces)."""

from __future__ import annotations

import httpx
import pytest

from hopx_ai import AsyncSandbox, Sandbox, errors

from .conftest import (
    API_KEY,
    CP_URL,
    SANDBOX_ID,
    TRANSPORT,
    Router,
    cp_error,
    json_response,
    sandbox_json,
)

INFO = f"/v1/sandboxes/{SANDBOX_ID}"
TOKEN_FIELDS = {"auth_token": "jwt-1", "token_expires_at": "2100-01-01T00:00:00Z"}
ENDED_AT = "2026-01-01T00:00:02Z"
EXPIRED_MESSAGE = (
    f"Sandbox '{SANDBOX_ID}' expired at {ENDED_AT}: its timeout_seconds ran out and it was "
    "deleted. Create a new one; extend a sandbox's life with set_timeout(seconds) before it "
    "expires."
)
KILLED_MESSAGE = f"Sandbox '{SANDBOX_ID}' was killed at {ENDED_AT} (deleted with kill()); "


def tombstone(reason: str) -> httpx.Response:
    message = EXPIRED_MESSAGE if reason == "expired" else KILLED_MESSAGE + "create a new one."
    return cp_error(
        404,
        "not_found",
        message,
        resource="sandbox",
        id=SANDBOX_ID,
        reason=reason,
        ended_at=ENDED_AT,
    )


def create(fake: Router) -> Sandbox:
    fake.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(**TOKEN_FIELDS)))
    return Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )


def test_an_expired_sandbox_raises_sandbox_expired_with_the_servers_message(
    fake: Router,
) -> None:
    fake.on("GET", INFO, tombstone("expired"))
    with pytest.raises(errors.SandboxExpiredError) as raised:
        Sandbox.connect(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    error = raised.value
    assert isinstance(error, errors.NotFoundError)  # code catching 404s keeps working
    assert "set_timeout" in error.message and ENDED_AT in error.message
    assert error.sandbox_id == SANDBOX_ID and error.expires_at == ENDED_AT
    assert error.status_code == 404


def test_a_killed_sandbox_id_says_killed(fake: Router) -> None:
    fake.on("GET", INFO, tombstone("killed"))
    with pytest.raises(errors.NotFoundError) as raised:
        Sandbox.connect(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    assert not isinstance(raised.value, errors.SandboxExpiredError)
    assert "was killed" in raised.value.message


def test_agent_calls_after_kill_say_killed_without_sending(fake: Router) -> None:
    sb = create(fake)
    fake.on("DELETE", INFO, httpx.Response(204))
    sb.kill()
    sent = len(fake.requests)
    for call in (
        lambda: sb.run_code("print(1)"),
        lambda: sb.commands.run("true"),
        lambda: sb.files.read("/workspace/x"),
    ):
        with pytest.raises(errors.NotFoundError, match="was killed .kill.. was called"):
            call()
    assert len(fake.requests) == sent


@pytest.mark.anyio
async def test_async_agent_calls_after_kill_say_killed(fake: Router) -> None:
    fake.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(**TOKEN_FIELDS)))
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    fake.on("DELETE", INFO, httpx.Response(204))
    await sb.kill()
    with pytest.raises(errors.NotFoundError, match="was killed"):
        await sb.run_code("print(1)")


@pytest.mark.parametrize(
    ("reason", "expected"),
    [("expired", errors.SandboxExpiredError), ("killed", errors.NotFoundError)],
)
@pytest.mark.parametrize(
    "failure",
    [
        httpx.ConnectError("Connection refused"),
        httpx.RemoteProtocolError("Server disconnected without sending a response."),
    ],
)
def test_a_refused_agent_connection_surfaces_the_control_planes_tombstone(
    fake: Router, reason: str, expected: type[errors.HopxError], failure: httpx.HTTPError
) -> None:
    sb = create(fake)
    fake.agent("POST", "/execute", failure)
    fake.on("GET", INFO, tombstone(reason))
    with pytest.raises(expected) as raised:
        sb.run_code("print(1)")
    assert ENDED_AT in raised.value.message
    assert raised.value.__cause__ is failure
    # asked once; later calls raise the same answer at once
    with pytest.raises(expected):
        sb.commands.run("true")
    assert fake.count("GET", INFO) == 1


def test_a_refused_connection_of_a_live_sandbox_stays_a_network_error(fake: Router) -> None:
    sb = create(fake)
    fake.agent("POST", "/execute", httpx.ConnectError("Connection refused"))
    fake.on("GET", INFO, sandbox_json(status="running"))
    with pytest.raises(errors.NetworkError, match="Connection refused"):
        sb.run_code("print(1)")


# ----------------------------------------------------------------------------- request_timeout


def test_request_timeout_is_the_http_timeout_of_one_call(fake: Router) -> None:
    sb = create(fake)
    seen: dict[str, object] = {}

    def remember(name: str, reply: object) -> object:
        def answer(request: httpx.Request) -> object:
            seen[name] = request.extensions["timeout"]["read"]
            return reply

        return answer

    fake.on("GET", INFO, remember("get_info", sandbox_json(**TOKEN_FIELDS)))
    fake.agent("POST", "/execute", remember("run_code", {"stdout": "", "exit_code": 0}))
    fake.agent("POST", "/commands/run", remember("commands.run", {"exit_code": 0}))
    fake.on("POST", f"{INFO}/pause", remember("pause", sandbox_json(status="paused")))
    sb.get_info(request_timeout=3)
    sb.run_code("1", request_timeout=5)
    sb.commands.run("true", request_timeout=7)
    sb.pause(request_timeout=9)
    assert seen == {"get_info": 3, "run_code": 5, "commands.run": 7, "pause": 9}
    # without it: the execution timeout plus the margin
    sb.run_code("1", timeout=10)
    assert seen["run_code"] == 40


def test_a_request_timeout_that_fires_names_request_timeout(fake: Router) -> None:
    sb = create(fake)
    fake.agent("POST", "/execute", httpx.ReadTimeout("slow"))
    with pytest.raises(errors.TimeoutError, match=r"within 2 s \(request_timeout\)"):
        sb.run_code("1", request_timeout=2)
