"""Every example of the ``Sandbox`` reference page, run against hopx-local.

Each test runs the page's code as written (no ``api_key=``: it comes from ``HOPX_API_KEY``)
and checks what it prints against the page's "Expected Output". Where that output is specific
to the cloud (sandbox ids, hostnames, versions, live figures) the test checks its shape instead:
hosts are ``http://127.0.0.1:<port>``, ids ``sbx_...``.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime

import httpx
import pytest

from hopx_ai import (
    AsyncSandbox,
    DesktopNotAvailableError,
    ExecutionResult,
    HopxError,
    NotFoundError,
    Sandbox,
    SandboxInfo,
)
from tests.integration.sdk.support import UNKNOWN_SANDBOX_ID, poll_sync

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

LOCAL_HOST = r"http://127\.0\.0\.1:\d+"
SANDBOX_ID = r"sbx_[0-9a-z]{16}"


@pytest.fixture(scope="module")
def other_sandbox(hopx_environment: dict[str, str]) -> Iterator[Sandbox]:
    """A second sandbox of this module (base template) for the listing examples."""
    sandbox = Sandbox.create(template="base")
    try:
        yield sandbox
    finally:
        with contextlib.suppress(NotFoundError):
            sandbox.kill()
        sandbox.close()


# --------------------------------------------------------------------------- class methods


def test_create_prints_the_public_host(capsys: pytest.CaptureFixture[str]) -> None:
    # Create from template name
    sandbox = Sandbox.create(template="code-interpreter")
    try:
        print(sandbox.get_info().public_host)
    finally:
        sandbox.kill()

    assert re.fullmatch(LOCAL_HOST + r"\n", capsys.readouterr().out)


def test_create_with_timeout_and_env_vars_visible_to_code() -> None:
    # Create with timeout and environment variables
    sandbox = Sandbox.create(
        template="code-interpreter",
        timeout_seconds=300,
        env_vars={"DEBUG": "true", "API_KEY": "secret"},
    )
    try:
        seen = sandbox.run_code("import os; print(os.environ['DEBUG'], os.environ['API_KEY'])")
        assert (seen.stdout, seen.exit_code) == ("true secret\n", 0)
        assert sandbox.commands.run("echo $DEBUG-$API_KEY").stdout == "true-secret\n"
        info = sandbox.get_info()
        assert info.timeout_seconds == 300
        assert info.expires_at is not None
        left = (info.expires_at - datetime.now(UTC)).total_seconds()
        assert 200 < left <= 300
    finally:
        sandbox.kill()


def test_connect_prints_the_status(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    connected = Sandbox.connect(sandbox.sandbox_id)
    info = connected.get_info()
    print(f"Status: {info.status}")
    connected.close()

    assert capsys.readouterr().out == "Status: running\n"


def test_connect_resumes_a_paused_sandbox(sandbox: Sandbox) -> None:
    sandbox.pause()
    assert sandbox.get_info().status == "paused"

    connected = Sandbox.connect(sandbox.sandbox_id)

    assert connected.get_info().status == "running"
    assert connected.run_code("print('back')").stdout == "back\n"
    connected.close()


def test_connect_to_an_unknown_sandbox_raises_not_found() -> None:
    with pytest.raises(NotFoundError):
        Sandbox.connect(UNKNOWN_SANDBOX_ID)


def test_list_running_sandboxes(
    sandbox: Sandbox, other_sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    # List all running sandboxes
    running = Sandbox.list(status="running")
    for sb in running:
        print(f"{sb.sandbox_id}: {sb.get_info().status}")

    lines = capsys.readouterr().out.splitlines()
    assert f"{sandbox.sandbox_id}: running" in lines
    assert f"{other_sandbox.sandbox_id}: running" in lines
    assert all(re.fullmatch(SANDBOX_ID + ": running", line) for line in lines), lines


def test_list_filters_by_status(sandbox: Sandbox, other_sandbox: Sandbox) -> None:
    other_sandbox.pause()
    try:
        paused = {sb.sandbox_id for sb in Sandbox.list(status="paused")}
        running = {sb.sandbox_id for sb in Sandbox.list(status="running")}
    finally:
        other_sandbox.resume()

    assert other_sandbox.sandbox_id in paused
    assert other_sandbox.sandbox_id not in running
    assert sandbox.sandbox_id in running
    assert sandbox.sandbox_id not in paused


def test_list_filters_by_region_and_limits(sandbox: Sandbox, other_sandbox: Sandbox) -> None:
    region = sandbox.get_info().region
    assert region

    # List sandboxes in specific region
    sandboxes = Sandbox.list(region="us-east", limit=50)
    mine = Sandbox.list(region=region, limit=50)

    assert all(sb.get_info().region == "us-east" for sb in sandboxes)
    assert {sandbox.sandbox_id, other_sandbox.sandbox_id} <= {sb.sandbox_id for sb in mine}
    assert len(Sandbox.list(limit=1)) == 1


def test_iter_running_sandboxes(
    sandbox: Sandbox, other_sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    # Iterate over all sandboxes (memory-efficient)
    for sandbox_ in Sandbox.iter(status="running"):
        info = sandbox_.get_info()
        print(f"{info.sandbox_id}: {info.status}")

    lines = capsys.readouterr().out.splitlines()
    assert f"{sandbox.sandbox_id}: running" in lines
    assert f"{other_sandbox.sandbox_id}: running" in lines
    assert all(re.fullmatch(SANDBOX_ID + ": running", line) for line in lines), lines


def test_list_templates_for_python(capsys: pytest.CaptureFixture[str]) -> None:
    # List all Python templates
    python_templates = Sandbox.list_templates(language="python")
    for template in python_templates:
        print(f"{template.name}: {template.description}")

    lines = capsys.readouterr().out.splitlines()
    assert any(re.fullmatch(r"code-interpreter: \S.*", line) for line in lines), lines
    assert all(template.language == "python" for template in python_templates)


def test_get_template_resources(capsys: pytest.CaptureFixture[str]) -> None:
    template = Sandbox.get_template("code-interpreter")
    print(f"Resources: {template.resources.vcpu} vCPU, {template.resources.memory_mb}MB RAM")

    out = capsys.readouterr().out
    match = re.fullmatch(r"Resources: (\d+) vCPU, (\d+)MB RAM\n", out)
    assert match, out
    assert int(match[1]) >= 1 and int(match[2]) >= 256


def test_get_unknown_template_raises_not_found() -> None:
    with pytest.raises(NotFoundError):
        Sandbox.get_template("no-such-template")


def test_health_check(capsys: pytest.CaptureFixture[str]) -> None:
    health = Sandbox.health_check()
    print(f"API Status: {health.get('status')}")

    assert capsys.readouterr().out == "API Status: healthy\n"


# --------------------------------------------------------------------------- lifecycle


def test_get_info(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    info = sandbox.get_info()
    print(f"ID: {info.sandbox_id}")
    print(f"Status: {info.status}")
    print(f"Host: {info.public_host}")

    out = capsys.readouterr().out
    assert isinstance(info, SandboxInfo)
    assert re.fullmatch(f"ID: {SANDBOX_ID}\nStatus: running\nHost: {LOCAL_HOST}\n", out), out
    assert info.sandbox_id == sandbox.sandbox_id


def test_stop_start_pause_resume_kill(capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox.create(template="base")
    try:
        sandbox.files.write("/workspace/kept.txt", "kept")

        sandbox.stop()
        print("Sandbox stopped")
        assert sandbox.get_info().status == "stopped"
        with pytest.raises(HopxError, match="start it"):
            Sandbox.connect(sandbox.sandbox_id)

        sandbox.start()
        print("Sandbox started")
        assert sandbox.get_info().status == "running"
        assert sandbox.files.read("/workspace/kept.txt") == "kept"

        sandbox.pause()
        print("Sandbox paused")
        assert sandbox.get_info().status == "paused"

        sandbox.resume()
        print("Sandbox resumed")
        assert sandbox.get_info().status == "running"
        assert sandbox.commands.run("echo alive").stdout == "alive\n"
    finally:
        sandbox.kill()
        print("Sandbox destroyed")

    assert capsys.readouterr().out == (
        "Sandbox stopped\nSandbox started\nSandbox paused\nSandbox resumed\nSandbox destroyed\n"
    )
    with pytest.raises(NotFoundError):
        sandbox.get_info()


def test_kill_by_id_as_a_class_call() -> None:
    sandbox = Sandbox.create(template="base")
    Sandbox.kill(sandbox.sandbox_id)

    with pytest.raises(NotFoundError):
        sandbox.get_info()
    sandbox.close()


# --------------------------------------------------------------------------- execution


def test_run_code(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    result = sandbox.run_code("print('Hello, HopX!')")
    print(result.stdout)  # "Hello, HopX!\n"
    print(result.exit_code)  # 0

    assert isinstance(result, ExecutionResult)
    assert result.stdout == "Hello, HopX!\n"
    assert result.exit_code == 0
    assert capsys.readouterr().out == "Hello, HopX!\n\n0\n"


def test_run_code_background_list_processes_and_kill_process(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    proc = sandbox.run_code_background(
        "import time; time.sleep(300); print('Done')",
        name="long-task",
    )
    print(f"Process ID: {proc['process_id']}")

    # Check status later
    processes = sandbox.list_processes()
    for p in processes:
        print(f"{p['process_id']}: {p['status']}")

    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"Process ID: {proc['process_id']}"
    assert proc["process_id"]
    assert f"{proc['process_id']}: running" in lines[1:]
    listed = next(p for p in processes if p["process_id"] == proc["process_id"])
    assert listed["name"] == "long-task"

    killed = sandbox.kill_process(proc["process_id"])

    assert killed.get("success", True) is not False
    poll_sync(
        lambda: next(
            p["status"] != "running"
            for p in sandbox.list_processes()
            if p["process_id"] == proc["process_id"]
        ),
        timeout=10,
        what="the killed process to stop running",
    )


def test_get_agent_metrics(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox.run_code("1 + 1")
    metrics = sandbox.get_agent_metrics()
    print(f"Total executions: {metrics['total_executions']}")
    print(f"Active: {metrics['active_executions']}")

    out = capsys.readouterr().out
    match = re.fullmatch(r"Total executions: (\d+)\nActive: (\d+)\n", out)
    assert match, out
    assert int(match[1]) >= 1
    assert "error_count" in metrics


def test_get_agent_info(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    info = sandbox.get_agent_info()
    print(f"Agent version: {info['version']}")
    print(f"OS: {info['os']}")

    out = capsys.readouterr().out
    assert re.fullmatch(r"Agent version: \d+\.\d+\.\d+\S*\nOS: linux\n", out), out


def test_get_preview_url_reaches_a_web_server_in_the_sandbox(
    sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    # The page starts it with run_code("python -m http.server 8000", background=True), which
    # is not Python code (and run_code has no background=); a background command does it.
    sandbox.files.write("/workspace/preview-marker.txt", "marker")
    server = sandbox.commands.run(
        "python3 -m http.server 8000 --directory /workspace", background=True
    )

    # Get preview URL
    url = sandbox.get_preview_url(port=8000)
    print(f"Access at: {url}")

    out = capsys.readouterr().out
    assert re.fullmatch(f"Access at: {LOCAL_HOST}/\\S+\n", out), out

    def listing() -> str | None:
        try:
            response = httpx.get(url, timeout=5)
        except httpx.TransportError:
            return None
        return response.text if response.status_code == 200 else None

    try:
        page = poll_sync(listing, timeout=20, what=f"the web server behind {url}")
        assert "Directory listing" in page
        assert "preview-marker.txt" in page
    finally:
        if server.process_id:
            sandbox.kill_process(server.process_id)


def test_get_metrics_snapshot(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    metrics = sandbox.get_metrics_snapshot()
    print(f"CPU: {metrics.get('cpu_percent')}%")
    print(f"Memory: {metrics.get('memory_percent')}%")

    out = capsys.readouterr().out
    assert re.fullmatch(r"CPU: \d+(\.\d+)?%\nMemory: \d+(\.\d+)?%\n", out), out


# --------------------------------------------------------------------------- utilities


def test_set_timeout(sandbox: Sandbox) -> None:
    sandbox.set_timeout(3600)  # Extend to 1 hour

    left = sandbox.get_time_to_expiry()
    assert left is not None and 3500 < left <= 3600
    assert sandbox.get_info().timeout_seconds == 3600


def test_refresh_token_and_get_token(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox.refresh_token()
    token = sandbox.get_token()
    print(f"Token: {token[:20]}...")

    assert re.fullmatch(r"Token: eyJ[A-Za-z0-9_-]{17}\.\.\.\n", capsys.readouterr().out)
    header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
    assert header["alg"] == "HS256"
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["sub"] == sandbox.sandbox_id
    # The new token is the one in use.
    assert sandbox.files.exists("/workspace")


# --------------------------------------------------------------------------- properties


def test_files_read_and_write(sandbox: Sandbox) -> None:
    sandbox.files.write("/workspace/script.py", "print('from a file')")
    # Read a file
    content = sandbox.files.read("/workspace/script.py")

    # Write a file
    sandbox.files.write("/workspace/data.txt", "Hello, World!")

    assert content == "print('from a file')"
    assert sandbox.files.read("/workspace/data.txt") == "Hello, World!"


def test_commands_run_ls(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    sandbox.files.write("/workspace/data.txt", "Hello, World!")
    result = sandbox.commands.run("ls -la /workspace")
    print(result.stdout)

    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"total \d+", lines[0]), lines
    assert any(re.fullmatch(r"d[rwx-]{9}\s.*\s\.", line) for line in lines), lines
    assert any(re.fullmatch(r"-rw-r--r--\s.*\s13 .*data\.txt", line) for line in lines), lines
    assert result.exit_code == 0


def test_env_set_and_get_all(sandbox: Sandbox) -> None:
    # Set environment variable
    sandbox.env.set("API_KEY", "secret123")

    # Get all environment variables
    all_vars = sandbox.env.get_all()

    assert all_vars["API_KEY"] == "secret123"
    assert sandbox.run_code("import os; print(os.environ['API_KEY'])").stdout == "secret123\n"


def test_desktop_on_a_sandbox_without_one(sandbox: Sandbox) -> None:
    # Take a screenshot
    with pytest.raises(DesktopNotAvailableError) as raised:
        sandbox.desktop.screenshot()

    error = raised.value
    assert error.code == "DESKTOP_NOT_AVAILABLE"
    # Either the packages this system lacks, or (all installed on this host) the way out.
    assert error.missing_dependencies or "'desktop' template" in str(error), str(error)
    assert error.install_command.startswith("apt-get")

    # Click at position
    with pytest.raises(DesktopNotAvailableError):
        sandbox.desktop.click(100, 200)


def test_cache_stats_and_clear(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    # Get cache statistics
    stats = sandbox.cache.stats()
    print(f"Cache size: {stats['cache']['size']}")

    # Clear cache
    sandbox.cache.clear()

    assert re.fullmatch(r"Cache size: \d+\n", capsys.readouterr().out)
    assert sandbox.cache.stats()["cache"]["size"] == 0


def test_terminal_as_on_the_page(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    """The page's own code: ``await`` on the terminal of a (blocking) ``Sandbox``."""

    async def use_terminal() -> None:
        ws = await sandbox.terminal.connect()
        print("Terminal connected")
        await sandbox.terminal.send_input(ws, "echo 'Hello'\n")
        # ... handle output: the shell echoes the command line, then prints its output
        seen = ""
        async for message in sandbox.terminal.iter_output(ws):
            seen += message.get("data") or ""
            if "Hello" in seen.splitlines():
                print("Hello")
                break
        await ws.close()
        print("Terminal closed")

    asyncio.run(asyncio.wait_for(use_terminal(), 30))

    assert capsys.readouterr().out == "Terminal connected\nHello\nTerminal closed\n"


def test_agent_url(sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    url = sandbox.agent_url
    print(f"Agent URL: {url}")

    out = capsys.readouterr().out
    assert re.fullmatch(f"Agent URL: {LOCAL_HOST}/?\n", out), out
    assert httpx.get(url.rstrip("/") + "/health", timeout=10).json()["status"] == "healthy"


def test_context_manager_kills_on_exit(capsys: pytest.CaptureFixture[str]) -> None:
    # Automatically calls kill() when exiting context
    with Sandbox.create(template="code-interpreter") as sandbox:
        result = sandbox.run_code("print('Hello')")
        print(result.stdout)
    # Sandbox is automatically destroyed here

    assert capsys.readouterr().out == "Hello\n\n"
    with pytest.raises(NotFoundError):
        Sandbox(sandbox.sandbox_id).get_info()


@pytest.mark.anyio
async def test_async_context_manager_kills_on_exit() -> None:
    async with AsyncSandbox.create(template="code-interpreter") as sandbox:
        result = await sandbox.run_code("print('Hello')")
        assert result.stdout == "Hello\n"

    with pytest.raises(NotFoundError):
        await AsyncSandbox(sandbox.sandbox_id).get_info()


# --------------------------------------------------------------------------- Examples 1-4


def test_example_1_basic_usage(capsys: pytest.CaptureFixture[str]) -> None:
    # Create sandbox
    sandbox = Sandbox.create(template="code-interpreter")

    # Execute code
    result = sandbox.run_code("print('Hello, HopX!')")
    print(result.stdout)

    # Cleanup
    sandbox.kill()

    assert capsys.readouterr().out == "Hello, HopX!\n\n"


def test_example_2_context_manager(capsys: pytest.CaptureFixture[str]) -> None:
    with Sandbox.create(template="code-interpreter") as sandbox:
        # Work with sandbox
        result = sandbox.run_code("import sys; print(sys.version)")
        print(result.stdout)
    # Automatically cleaned up

    out = capsys.readouterr().out
    assert re.fullmatch(r"3\.\d+\.\d+\S* \(.*\)\s*\[.+\]\n\n", out), out


def test_example_3_file_operations(capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox.create(template="code-interpreter")

    # Write a file
    sandbox.files.write("/workspace/script.py", "print('Hello')")

    # Execute it
    result = sandbox.run_code("exec(open('/workspace/script.py').read())")
    print(result.stdout)

    sandbox.kill()

    assert capsys.readouterr().out == "Hello\n\n"


def test_example_4_background_execution(capsys: pytest.CaptureFixture[str]) -> None:
    sandbox = Sandbox.create(template="code-interpreter")

    # Start long-running task
    proc = sandbox.run_code_background(
        "import time; time.sleep(60); print('Done')",
        name="long-task",
    )

    # (The page sleeps 5 s here, "doing other work"; the status is the same without it.)

    # Check status
    processes = sandbox.list_processes()
    for p in processes:
        if p["process_id"] == proc["process_id"]:
            print(f"Status: {p['status']}")

    sandbox.kill()

    assert capsys.readouterr().out == "Status: running\n"
