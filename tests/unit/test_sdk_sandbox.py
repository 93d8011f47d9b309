"""Sandbox lifecycle, execution and resources against a fake HopX (what the user sees, and
what goes on the wire)."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

import httpx
import pytest

from hopx_ai import AsyncSandbox, ExecutionResult, Sandbox, errors

from .conftest import (
    AGENT_URL,
    API_KEY,
    CP_URL,
    SANDBOX_ID,
    TRANSPORT,
    Clock,
    Router,
    agent_error,
    body_of,
    cp_error,
    json_response,
    sandbox_json,
)

INFO = f"/v1/sandboxes/{SANDBOX_ID}"
REFRESH = f"{INFO}/token/refresh"
TOKEN_FIELDS = {"auth_token": "jwt-1", "token_expires_at": "2100-01-01T00:00:00Z"}


def serve_create(router: Router, **extra: Any) -> None:
    router.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(**TOKEN_FIELDS, **extra)))


def create() -> Sandbox:
    return Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )


@pytest.fixture
def sb(fake: Router) -> Sandbox:
    serve_create(fake)
    return create()


# ----------------------------------------------------------------------------- lifecycle


def test_create_sends_env_vars_in_the_create_body_only(fake: Router) -> None:
    serve_create(fake)
    sb = Sandbox.create(
        template="code-interpreter",
        timeout_seconds=300,
        env_vars={"DEBUG": "true"},
        api_key=API_KEY,
        base_url=CP_URL,
        transport=TRANSPORT,
    )
    (request,) = fake.calls("POST", "/v1/sandboxes")
    assert body_of(request) == {
        "template_name": "code-interpreter",
        "timeout_seconds": 300,
        "env_vars": {"DEBUG": "true"},
    }
    assert request.headers["X-API-Key"] == API_KEY
    assert [r.url.path for r in fake.requests] == ["/v1/sandboxes"]
    assert sb.sandbox_id == SANDBOX_ID
    assert sb.agent_url == AGENT_URL


def test_create_by_template_id(fake: Router) -> None:
    serve_create(fake)
    Sandbox.create(
        template_id="291",
        internet_access=False,
        api_key=API_KEY,
        base_url=CP_URL,
        transport=TRANSPORT,
    )
    assert body_of(fake.requests[-1]) == {"template_id": "291", "internet_access": False}


def test_create_without_a_template_names_the_field(fake: Router) -> None:
    with pytest.raises(errors.ValidationError) as raised:
        Sandbox.create(api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    assert raised.value.field == "template"
    assert fake.requests == []


def test_create_with_an_unknown_template_suggests_one(fake: Router) -> None:
    fake.on("POST", "/v1/sandboxes", cp_error(404, "not_found", "template not found"))
    fake.on(
        "GET",
        "/v1/templates",
        {"object": "list", "has_more": False, "data": [{"id": "1", "name": "code-interpreter"}]},
    )
    with pytest.raises(errors.TemplateNotFoundError) as raised:
        Sandbox.create(
            template="code-interpeter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
        )
    assert raised.value.suggested_template == "code-interpreter"
    assert raised.value.request_id == "req_cp"


def test_context_manager_kills_and_closes(fake: Router) -> None:
    serve_create(fake)
    fake.on("DELETE", INFO, sandbox_json(status="stopped"))
    with create() as sandbox:
        assert sandbox.sandbox_id == SANDBOX_ID
    assert fake.count("DELETE", INFO) == 1


def test_context_manager_keeps_the_original_error_when_kill_fails(fake: Router) -> None:
    serve_create(fake)
    fake.on("DELETE", INFO, cp_error(500, "internal_error", "boom"))
    with pytest.raises(RuntimeError, match="user code"), create():
        raise RuntimeError("user code")


@pytest.mark.anyio
async def test_async_create_works_as_await_and_as_async_with(fake: Router) -> None:
    serve_create(fake)
    fake.on("DELETE", INFO, sandbox_json())
    sandbox = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert sandbox.agent_url == AGENT_URL
    await sandbox.close()
    async with AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    ) as sandbox:
        assert sandbox.sandbox_id == SANDBOX_ID
    assert fake.count("DELETE", INFO) == 1


def test_kill_works_on_the_class_and_on_an_instance(fake: Router, sb: Sandbox) -> None:
    fake.on("DELETE", INFO, sandbox_json())
    Sandbox.kill(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    sb.kill()
    assert fake.count("DELETE", INFO) == 2


@pytest.mark.anyio
async def test_async_kill_on_the_class(fake: Router) -> None:
    fake.on("DELETE", INFO, sandbox_json())
    await AsyncSandbox.kill(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    assert fake.count("DELETE", INFO) == 1


def test_connect_resumes_a_paused_sandbox_and_refreshes_the_token(fake: Router) -> None:
    fake.on("GET", INFO, sandbox_json(status="paused"))
    fake.on("POST", f"{INFO}/resume", sandbox_json(status="running"))
    fake.on("POST", REFRESH, TOKEN_FIELDS)
    sb = Sandbox.connect(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    assert [f"{r.method} {r.url.path}" for r in fake.requests] == [
        f"GET {INFO}",
        f"POST {INFO}/resume",
        f"POST {REFRESH}",
    ]
    assert sb.get_token() == "jwt-1"


def test_connect_to_a_stopped_sandbox_says_what_to_do(fake: Router) -> None:
    fake.on("GET", INFO, sandbox_json(status="stopped"))
    with pytest.raises(errors.HopxError, match="start it first"):
        Sandbox.connect(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)


def test_connect_to_a_missing_sandbox(fake: Router) -> None:
    fake.on("GET", INFO, cp_error(404, "not_found", "no such sandbox"))
    with pytest.raises(errors.NotFoundError):
        Sandbox.connect(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)


def test_lifecycle_calls(fake: Router, sb: Sandbox) -> None:
    for action in ("pause", "resume", "start", "stop"):
        fake.on("POST", f"{INFO}/{action}", sandbox_json(status="x-" + action))
        getattr(sb, action)()
        assert fake.count("POST", f"{INFO}/{action}") == 1
    fake.on("PUT", f"{INFO}/timeout", sandbox_json())
    sb.set_timeout(600)
    assert body_of(fake.calls("PUT", f"{INFO}/timeout")[0]) == {"timeout_seconds": 600}


def test_expiry_info_fetches_once(fake: Router, sb: Sandbox, clock: Clock) -> None:
    from datetime import UTC, datetime

    expires = datetime.fromtimestamp(clock.now + 120, tz=UTC).isoformat().replace("+00:00", "Z")
    fake.on("GET", INFO, sandbox_json(expires_at=expires))
    info = sb.get_expiry_info()
    assert fake.count("GET", INFO) == 1
    assert (info.time_to_expiry, info.is_expiring_soon, info.is_expired) == (120, True, False)
    assert info.has_timeout


def test_ensure_healthy_raises_sandbox_expired(fake: Router, sb: Sandbox) -> None:
    fake.on("GET", INFO, sandbox_json(expires_at="2020-01-01T00:00:00Z"))
    with pytest.raises(errors.SandboxExpiredError) as raised:
        sb.ensure_healthy()
    assert raised.value.sandbox_id == SANDBOX_ID


def test_is_healthy(fake: Router, sb: Sandbox) -> None:
    fake.agent("GET", "/health", {"status": "healthy"})
    assert sb.is_healthy() is True
    fake.agent("GET", "/health", httpx.ConnectError("down"))
    assert sb.is_healthy() is False


# ----------------------------------------------------------------------------- preview URLs


@pytest.mark.parametrize(
    ("info", "port", "expected"),
    [
        (
            {"public_host": "https://7777-sbx_1.eu-1001.vms.hopx.dev"},
            8000,
            "https://8000-sbx_1.eu-1001.vms.hopx.dev/",
        ),
        (
            {"public_host": "https://7777-abc.sandboxes.example.org/"},
            3000,
            "https://3000-abc.sandboxes.example.org/",
        ),
        (
            {
                "public_host": "http://127.0.0.1:40123",
                "preview_url": "http://127.0.0.1:8080/preview/sbx_1/{port}/",
            },
            5000,
            "http://127.0.0.1:8080/preview/sbx_1/5000/",
        ),
    ],
    ids=["hopx.dev", "custom-domain", "hopx-local-template"],
)
def test_preview_url(fake: Router, info: dict[str, str], port: int, expected: str) -> None:
    serve_create(fake, **info)
    sb = create()
    count = len(fake.requests)
    assert sb.get_preview_url(port) == expected
    assert len(fake.requests) == count


def test_preview_url_without_a_port_prefix_or_template_is_a_clear_error(fake: Router) -> None:
    serve_create(fake, public_host="https://sbx-1.example.org")
    with pytest.raises(errors.HopxError, match="preview_url"):
        create().get_preview_url(8000)


def test_agent_url_is_a_property_without_network(fake: Router) -> None:
    sb = Sandbox(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    with pytest.raises(errors.HopxError, match="get_info"):
        _ = sb.agent_url
    _ = (sb.files, sb.commands, sb.env, sb.cache, sb.desktop, sb.terminal, repr(sb), str(sb))
    assert fake.requests == []
    fake.on("GET", INFO, sandbox_json())
    sb.get_info()
    assert sb.agent_url == AGENT_URL


@pytest.mark.anyio
async def test_async_agent_url_is_a_str_that_can_also_be_awaited(fake: Router) -> None:
    serve_create(fake)
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    requests_before = len(fake.requests)
    assert sb.agent_url == AGENT_URL and isinstance(sb.agent_url, str)
    assert await sb.agent_url == AGENT_URL  # the published 0.5.0 form
    assert type(await sb.agent_url) is str
    assert len(fake.requests) == requests_before
    assert await sb.get_preview_url(8080) == AGENT_URL.replace("7777", "8080") + "/"
    await sb.close()


# ----------------------------------------------------------------------------- execution

EXECUTED = {
    "stdout": "hi\n",
    "stderr": "",
    "exit_code": 0,
    "execution_time": 0.01,
    "success": True,
    "language": "python",
    "timestamp": "2025-01-01T00:00:00Z",
    "rich_outputs": [],
}


def test_run_code_sends_the_request_and_waits_for_the_execution(fake: Router, sb: Sandbox) -> None:
    seen: dict[str, Any] = {}

    def execute(request: httpx.Request) -> httpx.Response:
        seen["timeout"] = request.extensions["timeout"]
        return json_response(200, EXECUTED)

    fake.agent("POST", "/execute", execute)
    result = sb.run_code("print('hi')", timeout=45, env={"A": "1"}, working_dir="/tmp")
    assert result.stdout == "hi\n"
    assert result.success and result.exit_code == 0
    (request,) = fake.calls("POST", "/execute")
    assert body_of(request) == {
        "code": "print('hi')",
        "language": "python",
        "timeout": 45,
        "workdir": "/tmp",
        "env": {"A": "1"},
    }
    assert request.headers["Authorization"] == "Bearer jwt-1"
    assert seen["timeout"]["read"] == 75  # execution timeout + 30 s


def test_run_code_rich_outputs_from_every_field(fake: Router, sb: Sandbox) -> None:
    png = base64.b64encode(b"\x89PNG fake").decode()
    fake.agent(
        "POST",
        "/execute",
        {
            **EXECUTED,
            "png": png,
            "html": "<b>x</b>",
            "svg": "<svg/>",
            "json": {"a": 1},
            "markdown": "# t",
            "result": "42",
        },
    )
    result = sb.run_code("display()")
    assert [o.type for o in result.rich_outputs] == [
        "image/png",
        "text/html",
        "image/svg+xml",
        "application/json",
        "text/markdown",
        "text/plain",
    ]
    assert result.rich_outputs[0].data == {"image/png": png}
    assert (result.png, result.html, result.json_output) == (png, "<b>x</b>", {"a": 1})
    assert result.rich_count == 6 and result.has_rich_output
    assert result._repr_png_() == b"\x89PNG fake"
    assert result._repr_html_() == "<b>x</b>"
    assert result._repr_svg_() == "<svg/>"
    assert result._repr_markdown_() == "# t"
    assert result._repr_json_() == {"a": 1}
    assert "rich=" in repr(result)


def test_failed_code_is_a_result_not_an_exception(fake: Router, sb: Sandbox) -> None:
    fake.agent(
        "POST",
        "/execute",
        {**EXECUTED, "stdout": "", "stderr": "ZeroDivisionError", "exit_code": 1, "success": False},
    )
    result = sb.run_code("1/0")
    assert not result.success
    assert result.exit_code == 1


def test_missing_success_is_derived_from_the_exit_code() -> None:
    assert ExecutionResult.from_dict({"exit_code": 2}).success is False
    assert ExecutionResult.from_dict({"exit_code": 0}).success is True
    assert ExecutionResult.from_dict({}).success is False


def test_execution_timeout_says_which_timeout_and_how_to_raise_it(
    fake: Router, sb: Sandbox
) -> None:
    fake.agent(
        "POST",
        "/execute",
        agent_error(408, "EXECUTION_TIMEOUT", "timed out", timeout=5, stdout="partial", stderr=""),
    )
    with pytest.raises(errors.ExecutionTimeoutError) as raised:
        sb.run_code("while True: pass", timeout=5)
    error = raised.value
    assert "run_code timed out after 5 s (execution timeout); pass timeout= to raise it" in str(
        error
    )
    assert error.details["stdout"] == "partial"
    assert isinstance(error, errors.CodeExecutionError)
    assert isinstance(error, TimeoutError)


@pytest.mark.anyio
async def test_async_run_code_accepts_timeout_seconds(fake: Router) -> None:
    serve_create(fake)
    fake.agent("POST", "/execute", EXECUTED)
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    await sb.run_code("x", timeout_seconds=7)
    await sb.run_code("x", timeout=8)
    await sb.close()
    assert [body_of(r)["timeout"] for r in fake.calls("POST", "/execute")] == [7, 8]


def test_run_code_rejects_an_unknown_language_before_sending(fake: Router, sb: Sandbox) -> None:
    with pytest.raises(errors.ValidationError) as raised:
        sb.run_code("x", language="cobol")
    assert raised.value.field == "language"
    assert fake.count("POST", "/execute") == 0


def test_background_execution_result_reads_like_the_published_dict(
    fake: Router, sb: Sandbox
) -> None:
    fake.agent(
        "POST",
        "/execute/background",
        {"process_id": "proc_1", "execution_id": "ex_1", "status": "running", "language": "python",
         "start_time": "2025-01-01T00:00:00Z", "message": "started"},
    )  # fmt: skip
    proc = sb.run_code_background("import time", name="job", working_dir="/tmp")
    assert proc["process_id"] == proc.process_id == "proc_1"
    assert proc.get("status") == "running"
    assert body_of(fake.requests[-1])["workdir"] == "/tmp"
    assert body_of(fake.requests[-1])["name"] == "job"


def test_list_and_kill_processes_use_the_execute_endpoints(fake: Router, sb: Sandbox) -> None:
    fake.agent(
        "GET",
        "/execute/processes",
        {"processes": [{"process_id": "proc_1", "status": "running"}], "count": 1},
    )
    fake.agent("DELETE", "/execute/kill", {"success": True, "process_id": "proc_1"})
    processes = sb.list_processes()
    assert [p["process_id"] for p in processes] == ["proc_1"]
    assert processes[0].status == "running"
    result = sb.kill_process("proc_1")
    assert result["success"] is True
    assert fake.calls("DELETE", "/execute/kill")[0].url.params["process_id"] == "proc_1"


@pytest.mark.anyio
async def test_async_list_and_kill_processes_use_the_same_endpoints(fake: Router) -> None:
    serve_create(fake)
    fake.agent("GET", "/execute/processes", {"processes": [], "count": 0})
    fake.agent("DELETE", "/execute/kill", {"success": False})
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert await sb.list_processes() == []
    await sb.kill_process("proc_9")
    await sb.close()
    assert fake.count("GET", "/execute/processes") == 1
    assert fake.count("DELETE", "/execute/kill") == 1


def test_agent_info_metrics_and_sessions(fake: Router, sb: Sandbox) -> None:
    fake.agent("GET", "/info", {"agent": "hopx-local", "version": "3.2.8", "os": "linux"})
    snapshot = {"total_executions": 42, "active_executions": 2, "cpu_percent": 1.5}
    fake.agent("GET", "/metrics/snapshot", snapshot)
    fake.agent("GET", "/jupyter/sessions", {"available": True, "sessions": [{"kernel_id": "k"}]})
    fake.agent("GET", "/processes", {"processes": [{"pid": 1, "name": "init"}]})
    info = sb.get_agent_info()
    assert (info["version"], info.os) == ("3.2.8", "linux")
    metrics = sb.get_agent_metrics()
    assert (metrics["total_executions"], metrics.active_executions) == (42, 2)
    assert sb.get_metrics_snapshot().get("cpu_percent") == 1.5
    assert sb.get_jupyter_sessions()[0]["kernel_id"] == "k"
    assert sb.list_system_processes()[0].pid == 1


# ----------------------------------------------------------------------------- resources


def test_files_read_and_write(fake: Router, sb: Sandbox) -> None:
    fake.agent("POST", "/files/write", {"success": True})
    fake.agent("GET", "/files/read", {"path": "/w/a", "content": "hello", "size": 5})
    sb.files.write("/w/a", "hello")
    assert sb.files.read("/w/a") == "hello"
    assert body_of(fake.calls("POST", "/files/write")[0]) == {
        "path": "/w/a",
        "content": "hello",
        "encoding": "utf-8",
        "mode": "0644",
        "overwrite": True,
    }
    assert fake.calls("GET", "/files/read")[0].url.params["path"] == "/w/a"


def test_files_bytes_are_never_guessed(fake: Router, sb: Sandbox) -> None:
    fake.agent("GET", "/files/download", httpx.Response(200, content=b"abcd"))
    fake.agent("POST", "/files/upload", {"success": True})
    assert sb.files.read_bytes("/w/text-that-looks-like-base64") == b"abcd"
    payload = bytes(range(256)) + b"--boundary--\r\n"
    sb.files.write_bytes("/w/b", payload, mode="0600")
    request = fake.calls("POST", "/files/upload")[0]
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    # The bytes travel unchanged in the part, behind a boundary httpx chose at random.
    raw = request.read()
    assert payload in raw
    assert b'name="path"' in raw and b"\r\n\r\n/w/b\r\n" in raw
    assert b'name="mode"' in raw and b"\r\n\r\n0600\r\n" in raw


def test_files_list_and_missing_file(fake: Router, sb: Sandbox) -> None:
    fake.agent(
        "GET",
        "/files/list",
        {"path": "/w", "count": 1, "files": [{"name": "a", "path": "/w/a", "size": 2048,
                                               "is_directory": False}]},
    )  # fmt: skip
    (info,) = sb.files.list("/w")
    assert (info.name, info.is_file, info.size_kb) == ("a", True, 2.0)
    fake.agent("GET", "/files/read", agent_error(404, "FILE_NOT_FOUND", "no such file"))
    with pytest.raises(FileNotFoundError):
        sb.files.read("/w/missing")


def test_files_exists_answers_and_raises_on_auth_or_network_errors(
    fake: Router, sb: Sandbox
) -> None:
    fake.agent("GET", "/files/exists", {"path": "/w/a", "exists": True})
    assert sb.files.exists("/w/a") is True
    fake.agent("GET", "/files/exists", {"path": "/w/a", "exists": False})
    assert sb.files.exists("/w/a") is False
    fake.on("POST", REFRESH, TOKEN_FIELDS)
    fake.agent("GET", "/files/exists", agent_error(401, "UNAUTHORIZED", "no"))
    with pytest.raises(errors.AuthenticationError):
        sb.files.exists("/w/a")
    fake.agent("GET", "/files/exists", httpx.ConnectError("down"))
    with pytest.raises(errors.NetworkError):
        sb.files.exists("/w/a")


def test_files_upload_and_download(fake: Router, sb: Sandbox, tmp_path: Path) -> None:
    local = tmp_path / "data.bin"
    local.write_bytes(b"payload")
    fake.agent("POST", "/files/upload", {"success": True})
    sb.files.upload(str(local), "/w/data.bin")
    request = fake.calls("POST", "/files/upload")[0]
    assert request.headers["Content-Type"].startswith("multipart/form-data")
    assert b"payload" in request.content and b"/w/data.bin" in request.content
    fake.agent("GET", "/files/download", httpx.Response(200, content=b"\x00\x01"))
    target = tmp_path / "out.bin"
    sb.files.download("/w/data.bin", str(target))
    assert target.read_bytes() == b"\x00\x01"


def test_commands_run_and_background(fake: Router, sb: Sandbox) -> None:
    fake.agent("POST", "/commands/run", {"stdout": "x\n", "stderr": "", "exit_code": 0,
                                          "execution_time": 0.1, "success": True,
                                          "command": "echo x"})  # fmt: skip
    result = sb.commands.run("echo x")
    assert (result.stdout, result.is_success) == ("x\n", True)
    assert body_of(fake.calls("POST", "/commands/run")[0]) == {
        "command": "echo x",
        "timeout": 120,
        "workdir": "/workspace",
    }
    fake.agent(
        "POST",
        "/commands/background",
        {"process_id": "proc_7", "pid": 42, "status": "running", "command": "sleep 9"},
    )
    started = sb.commands.run("sleep 9", background=True)
    assert started.process_id == "proc_7"
    assert started.pid == 42
    assert "proc_7" in started.stdout


def test_env_resource(fake: Router, sb: Sandbox) -> None:
    fake.agent("GET", "/env", {"env_vars": {"A": "1"}, "count": 1})
    fake.agent("PATCH", "/env", {"env_vars": {"A": "1", "B": "2"}, "count": 2})
    fake.agent("PUT", "/env", {"env_vars": {"C": "3"}, "count": 1})
    fake.agent("DELETE", "/env", {"env_vars": {}, "count": 0})
    assert sb.env.get_all() == {"A": "1"}
    assert sb.env.get("A") == "1" and sb.env.get("Z", "d") == "d"
    assert sb.env.set("B", "2") == {"A": "1", "B": "2"}
    assert body_of(fake.calls("PATCH", "/env")[0]) == {"env_vars": {"B": "2"}}
    assert sb.env.set_all({"C": "3"}) == {"C": "3"}
    sb.env.delete("C")
    (delete,) = fake.calls("DELETE", "/env")
    assert delete.url.params["key"] == "C"
    with pytest.raises(errors.ValidationError) as raised:
        sb.env.update({"A": 1})  # type: ignore[dict-item]
    assert raised.value.field == "env_vars.A"


def test_cache_resource(fake: Router, sb: Sandbox) -> None:
    fake.agent("GET", "/cache/stats", {"cache": {"size": 5, "hits": 1}})
    fake.agent("POST", "/cache/clear", {"success": True, "message": "cleared", "cleared": 5})
    stats = sb.cache.stats()
    assert stats["cache"]["size"] == 5 and stats.cache == {"size": 5, "hits": 1}
    assert sb.cache.clear().success is True


def test_desktop_resource(fake: Router, sb: Sandbox) -> None:
    png = base64.b64encode(b"PNGDATA").decode()
    fake.agent("GET", "/desktop/screenshot", httpx.Response(200, content=b"\x89PNG"))
    fake.agent("POST", "/desktop/screenshot/region", {"image": png, "format": "png"})
    fake.agent("POST", "/desktop/mouse/click", {"success": True})
    fake.agent("GET", "/desktop/windows/list", {"windows": [{"id": 7, "title": "xterm"}]})
    fake.agent("GET", "/desktop/display/available",
               {"resolutions": [{"width": 1024, "height": 768}]})  # fmt: skip
    assert sb.desktop.screenshot() == b"\x89PNG"
    assert sb.desktop.screenshot_region(0, 0, 10, 10) == b"PNGDATA"
    sb.desktop.click(10, 20, button="right")
    assert body_of(fake.calls("POST", "/desktop/mouse/click")[0]) == {
        "x": 10, "y": 20, "button": "right", "clicks": 1,
    }  # fmt: skip
    (window,) = sb.desktop.get_windows()
    assert (window.id, window.title) == (7, "xterm")  # an X11 window id (int in the YAML)
    assert sb.desktop.get_available_resolutions() == [(1024, 768)]
    with pytest.raises(errors.ValidationError):
        sb.desktop.click(1, 1, button="sideways")


def test_close_releases_the_connections(fake: Router, sb: Sandbox) -> None:
    fake.agent("GET", "/health", {"status": "healthy"})
    sb.is_healthy()
    agent_http = sb._agent._http
    cp_http = sb._cp()._http
    assert agent_http is not None and cp_http is not None
    sb.close()
    assert agent_http.is_closed and cp_http.is_closed


def test_answers_with_missing_or_unknown_fields_are_accepted(fake: Router, sb: Sandbox) -> None:
    # the generated parser requires fields a real server may omit; results are built from
    # the raw JSON instead, and unknown fields stay reachable
    fake.agent("POST", "/execute", {"stdout": "ok\n", "exit_code": 0, "future_field": 1})
    result = sb.run_code("print('ok')")
    assert (result.stdout, result.success, result["future_field"]) == ("ok\n", True, 1)


def test_run_code_async_queues_with_a_callback(fake: Router, sb: Sandbox) -> None:
    fake.agent(
        "POST",
        "/execute/async",
        {"execution_id": "ex_1", "status": "queued", "callback_url": "https://cb.test/x"},
    )
    queued = sb.run_code_async(
        "work()",
        "https://cb.test/x",
        callback_headers={"X-Token": "t"},
        callback_signature_secret="s",
    )
    assert queued["execution_id"] == queued.execution_id == "ex_1"
    assert body_of(fake.requests[-1]) == {
        "code": "work()",
        "callback_url": "https://cb.test/x",
        "language": "python",
        "timeout": 1800,
        "workdir": "/workspace",
        "callback_headers": {"X-Token": "t"},
        "callback_signature_secret": "s",
    }


def test_proxies_come_from_the_environment_per_server(monkeypatch: pytest.MonkeyPatch) -> None:
    from hopx_ai._http_common import proxy_for

    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:3128")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    assert proxy_for("https://api.hopx.dev") == "http://proxy.test:3128"
    assert proxy_for("http://127.0.0.1:8100") is None
    monkeypatch.delenv("HTTPS_PROXY")
    monkeypatch.delenv("NO_PROXY")
    assert proxy_for("https://api.hopx.dev") is None


def test_per_call_timeout_applies_under_a_proxy_too(
    fake: Router, sb: Sandbox, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.test:3128")
    seen: dict[str, Any] = {}

    def execute(request: httpx.Request) -> httpx.Response:
        seen.update(request.extensions["timeout"])
        return json_response(200, EXECUTED)

    fake.agent("POST", "/execute", execute)
    sb.run_code("x", timeout=600)
    assert seen["read"] == 630


def test_a_sandbox_built_from_its_id_loads_what_it_needs_on_first_use(fake: Router) -> None:
    fake.on("GET", INFO, sandbox_json())
    fake.on("POST", REFRESH, TOKEN_FIELDS)
    fake.agent("GET", "/files/read", {"path": "/w/a", "content": "x", "size": 1})
    sb = Sandbox(SANDBOX_ID, api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    assert sb.files.read("/w/a") == "x"
    assert [f"{r.method} {r.url.path}" for r in fake.requests] == [
        f"GET {INFO}",
        f"POST {REFRESH}",
        "GET /files/read",
    ]
    assert fake.requests[-1].headers["Authorization"] == "Bearer jwt-1"


def test_debug_talks_to_the_agent_directly(fake: Router) -> None:
    fake.agent("GET", "/files/read", {"path": "/w/a", "content": "x", "size": 1})
    sb = Sandbox.debug(AGENT_URL.replace("https://", "wss://"), "jwt-debug", transport=TRANSPORT)
    assert sb.agent_url == AGENT_URL
    assert sb.files.read("/w/a") == "x"
    assert fake.requests[-1].headers["Authorization"] == "Bearer jwt-debug"
    with pytest.raises(errors.HopxError, match="no control plane"):
        sb.get_info()
