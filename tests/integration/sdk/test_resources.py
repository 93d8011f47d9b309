"""Every resource method end to end, through ``Sandbox`` and ``AsyncSandbox`` alike.

Each test runs twice (``sbx`` is a ``Sandbox``, then an ``AsyncSandbox``, each a code-interpreter
sandbox shared by the module); calls are wrapped in ``await aw(...)``.
"""

from __future__ import annotations

import base64
import builtins
import hashlib
import hmac
import io
import json
import os
import time
from pathlib import Path
from typing import Any

import pytest
from PIL import Image

import hopx_ai
from hopx_ai import (
    AsyncSandbox,
    AuthenticationError,
    CodeExecutionError,
    CommandResult,
    ExecutionResult,
    FileInfo,
    NotFoundError,
    Sandbox,
    ValidationError,
)
from tests.integration.sdk.support import UNKNOWN_SANDBOX_ID, aw, poll, take_until

pytestmark = [pytest.mark.integration, pytest.mark.anyio, pytest.mark.timeout(120)]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def kind(sbx: Any) -> str:
    """A per-client name, so the two runs of a test do not share files or variables."""
    return "async" if isinstance(sbx, AsyncSandbox) else "sync"


def debug_client(sbx: Any, agent_url: str, token: str) -> Any:
    """``Sandbox.debug`` / ``AsyncSandbox.debug``: the agent directly, with a given token."""
    return type(sbx).debug(agent_url, token)


# --------------------------------------------------------------------------- files


async def test_files_write_and_read_text(sbx: Any) -> None:
    path = f"/workspace/{kind(sbx)}-text.txt"
    text = "Grüße, 世界!\nsecond line\n"

    await aw(sbx.files.write(path, text))

    assert await aw(sbx.files.read(path)) == text


async def test_files_relative_paths_resolve_against_workspace(sbx: Any) -> None:
    await aw(sbx.files.write(f"{kind(sbx)}-relative.txt", "here"))

    assert await aw(sbx.files.read(f"/workspace/{kind(sbx)}-relative.txt")) == "here"


@pytest.mark.parametrize(
    "content",
    [
        bytes(range(256)) * 4 + os.urandom(4096),
        b"abcd",  # valid base64 text: must not be "decoded"
        base64.b64encode(b"hello world"),
        b"",
    ],
    ids=["every-byte-and-random", "looks-like-base64", "base64-text", "empty"],
)
async def test_files_write_bytes_and_read_bytes_exactly(sbx: Any, content: bytes) -> None:
    path = f"/workspace/{kind(sbx)}-binary.bin"

    await aw(sbx.files.write_bytes(path, content))

    assert await aw(sbx.files.read_bytes(path)) == content


async def test_files_read_bytes_of_a_file_written_by_code(sbx: Any) -> None:
    path = f"/workspace/{kind(sbx)}-from-code.bin"
    await aw(sbx.commands.run(f"printf 'abcd' > {path}"))

    assert await aw(sbx.files.read_bytes(path)) == b"abcd"


async def test_files_list_gives_typed_entries(sbx: Any) -> None:
    folder = f"/workspace/{kind(sbx)}-listing"
    await aw(sbx.files.mkdir(f"{folder}/sub"))
    await aw(sbx.files.write(f"{folder}/five.txt", "12345"))

    entries = {entry.name: entry for entry in await aw(sbx.files.list(folder))}

    assert set(entries) == {"sub", "five.txt"}
    five, sub = entries["five.txt"], entries["sub"]
    assert isinstance(five, FileInfo)
    assert (five.path, five.size, five.is_directory, five.is_file) == (
        f"{folder}/five.txt",
        5,
        False,
        True,
    )
    assert five.permissions == "0644" and five.modified_time is not None
    assert abs(five.modified_time.timestamp() - time.time()) < 300
    assert (sub.is_directory, sub.is_dir, sub.path) == (True, True, f"{folder}/sub")


async def test_files_upload_and_download(sbx: Any, tmp_path: Path) -> None:
    content = bytes(range(256)) + os.urandom(70_000) + b"abcd"
    local = tmp_path / "upload.bin"
    local.write_bytes(content)
    remote = f"/workspace/{kind(sbx)}-uploaded.bin"

    await aw(sbx.files.upload(str(local), remote))
    back = tmp_path / "download.bin"
    await aw(sbx.files.download(remote, str(back)))

    assert back.read_bytes() == content
    listed = await aw(sbx.commands.run(f"sha256sum {remote}"))
    assert listed.stdout.split()[0] == hashlib.sha256(content).hexdigest()


async def test_a_failed_download_keeps_the_local_file(sbx: Any, tmp_path: Path) -> None:
    local = tmp_path / "keep.txt"
    local.write_text("mine")

    with pytest.raises(hopx_ai.FileNotFoundError):
        await aw(sbx.files.download(f"/workspace/{kind(sbx)}-missing.bin", str(local)))

    assert local.read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.txt"]


async def test_files_exists_remove_and_mkdir(sbx: Any) -> None:
    folder = f"/workspace/{kind(sbx)}-tree/a/b"
    await aw(sbx.files.mkdir(folder))
    await aw(sbx.files.write(f"{folder}/f.txt", "x"))

    assert await aw(sbx.files.exists(folder)) is True
    assert await aw(sbx.files.exists(f"{folder}/f.txt")) is True
    assert await aw(sbx.files.exists(f"{folder}/missing.txt")) is False

    await aw(sbx.files.remove(f"{folder}/f.txt"))
    assert await aw(sbx.files.exists(f"{folder}/f.txt")) is False

    await aw(sbx.files.remove(f"/workspace/{kind(sbx)}-tree"))
    assert await aw(sbx.files.exists(f"/workspace/{kind(sbx)}-tree")) is False


async def test_files_exists_raises_on_a_bad_token(sbx: Any) -> None:
    intruder = debug_client(sbx, sbx.agent_url, "bad-token")

    with pytest.raises(AuthenticationError) as raised:
        await aw(intruder.files.exists("/workspace"))

    assert raised.value.status_code == 401
    await aw(intruder.close())


async def test_a_token_of_another_sandbox_is_rejected(
    sandbox: Sandbox, async_sandbox: AsyncSandbox, sbx: Any
) -> None:
    other = async_sandbox if sbx is sandbox else sandbox
    foreign_token = await aw(other.get_token())
    intruder = debug_client(sbx, sbx.agent_url, foreign_token)

    with pytest.raises(AuthenticationError):
        await aw(intruder.files.read("/workspace/anything.txt"))
    with pytest.raises(AuthenticationError):
        await aw(intruder.run_code("print('no')"))

    own = debug_client(sbx, sbx.agent_url, await aw(sbx.get_token()))
    assert await aw(own.files.exists("/workspace")) is True
    await aw(intruder.close())
    await aw(own.close())


async def test_files_watch_reports_changes(sbx: Any) -> None:
    folder = f"/workspace/{kind(sbx)}-watched"
    await aw(sbx.files.mkdir(folder))
    # Keeps creating files until the watch has seen one (whenever it is connected).
    writer = await aw(
        sbx.commands.run(
            f"for i in $(seq 1 100); do echo $i > {folder}/f$i.txt; sleep 0.1; done",
            background=True,
        )
    )
    try:
        changes = await take_until(
            sbx.files.watch(folder),
            lambda seen: any(
                c.path and c.path.startswith(f"{folder}/f") and c.event == "created" for c in seen
            ),
            limit=200,
        )
    finally:
        await aw(sbx.kill_process(writer.process_id))

    created = [c for c in changes if c.event == "created"]
    assert created, changes
    assert created[-1]["type"] == "change"
    assert created[-1].timestamp is not None


async def test_files_paths_with_special_characters(sbx: Any) -> None:
    path = f"/workspace/{kind(sbx)} odd name #1 ?x=y&z=ü.txt"

    await aw(sbx.files.write(path, "special"))

    assert await aw(sbx.files.read(path)) == "special"
    assert await aw(sbx.files.read_bytes(path)) == b"special"
    assert await aw(sbx.files.exists(path)) is True
    names = [entry.name for entry in await aw(sbx.files.list("/workspace"))]
    assert path.rsplit("/", 1)[1] in names
    await aw(sbx.files.remove(path))
    assert await aw(sbx.files.exists(path)) is False


async def test_files_write_with_mode(sbx: Any) -> None:
    path = f"/workspace/{kind(sbx)}-tool.sh"

    await aw(sbx.files.write(path, "#!/bin/sh\necho tool ran\n", mode="0755"))

    assert (await aw(sbx.commands.run(path))).stdout == "tool ran\n"
    entry = next(e for e in await aw(sbx.files.list("/workspace")) if e.path == path)
    assert entry.permissions == "0755"


async def test_files_large_binary_round_trip(sbx: Any) -> None:
    content = os.urandom(6 * 1024 * 1024)
    path = f"/workspace/{kind(sbx)}-large.bin"

    await aw(sbx.files.write_bytes(path, content))

    assert await aw(sbx.files.read_bytes(path)) == content


async def test_listing_a_missing_directory_raises_file_not_found(sbx: Any) -> None:
    with pytest.raises(builtins.FileNotFoundError):
        await aw(sbx.files.list(f"/workspace/{kind(sbx)}-no-such-dir"))


async def test_reading_a_missing_file_raises_file_not_found(sbx: Any) -> None:
    missing = f"/workspace/{kind(sbx)}-does-not-exist.txt"

    with pytest.raises(hopx_ai.FileNotFoundError) as raised:
        await aw(sbx.files.read(missing))

    assert isinstance(raised.value, builtins.FileNotFoundError)
    assert isinstance(raised.value, hopx_ai.AgentError)
    assert raised.value.status_code == 404
    assert missing in str(raised.value) or raised.value.path == missing
    with pytest.raises(builtins.FileNotFoundError):
        await aw(sbx.files.read_bytes(missing))


async def test_writing_outside_the_allowed_directories_is_refused(sbx: Any) -> None:
    with pytest.raises(hopx_ai.FileOperationError) as raised:
        await aw(sbx.files.write("/run/hopx/forbidden.txt", "no"))  # hopx-local's own

    assert not isinstance(raised.value, builtins.FileNotFoundError)
    assert (raised.value.status_code, raised.value.code) == (403, "PATH_NOT_ALLOWED")
    assert "/run/hopx" in str(raised.value)


# --------------------------------------------------------------------------- commands


async def test_commands_run(sbx: Any) -> None:
    result = await aw(sbx.commands.run("echo out; echo err >&2; exit 3"))

    assert isinstance(result, CommandResult)
    assert (result.stdout, result.stderr, result.exit_code) == ("out\n", "err\n", 3)
    assert result.success is False
    assert (await aw(sbx.commands.run("true"))).exit_code == 0


async def test_commands_large_output_arrives_whole(sbx: Any) -> None:
    result = await aw(sbx.commands.run("head -c 2000000 /dev/zero | tr '\\0' 'x'"))

    assert result.stdout == "x" * 2_000_000


async def test_commands_env_and_working_dir(sbx: Any) -> None:
    result = await aw(
        sbx.commands.run("echo $GREETING; pwd", env={"GREETING": "hi there"}, working_dir="/tmp")
    )

    assert result.stdout == "hi there\n/tmp\n"
    assert (await aw(sbx.commands.run("pwd"))).stdout == "/workspace\n"


async def test_commands_background_returns_the_process_id(sbx: Any) -> None:
    marker = f"/workspace/{kind(sbx)}-background.txt"

    started = await aw(
        sbx.commands.run(f"sleep 0.2; echo done > {marker}; sleep 30", background=True)
    )

    assert started.process_id
    listed = {p["process_id"]: p for p in await aw(sbx.list_processes())}
    assert listed[started.process_id]["status"] == "running"
    await poll(lambda: sbx.files.exists(marker), timeout=10, what="the background command")
    await aw(sbx.kill_process(started.process_id))


async def test_commands_timeout_says_which_timeout(sbx: Any) -> None:
    with pytest.raises(hopx_ai.TimeoutError) as raised:
        await aw(sbx.commands.run("echo started; sleep 30", timeout=1))

    error = raised.value
    assert isinstance(error, builtins.TimeoutError)
    message = str(error)
    assert "1 s" in message and "execution timeout" in message, message
    assert "timeout=" in message, message
    assert error.details.get("stdout") == "started\n"


# --------------------------------------------------------------------------- env


async def test_env_set_all_update_delete_get_set(sbx: Any) -> None:
    replaced = await aw(sbx.env.set_all({"ALPHA": "1", "BETA": "two words", "GAMMA": "3"}))
    assert replaced == {"ALPHA": "1", "BETA": "two words", "GAMMA": "3"}

    updated = await aw(sbx.env.update({"DELTA": "4", "ALPHA": "one"}))
    assert updated == {"ALPHA": "one", "BETA": "two words", "GAMMA": "3", "DELTA": "4"}

    await aw(sbx.env.delete("GAMMA"))
    assert await aw(sbx.env.get_all()) == {"ALPHA": "one", "BETA": "two words", "DELTA": "4"}

    await aw(sbx.env.set("EPSILON", "5"))
    assert await aw(sbx.env.get("EPSILON")) == "5"
    assert await aw(sbx.env.get("NOPE", "fallback")) == "fallback"
    assert await aw(sbx.env.get("NOPE")) is None

    seen = await aw(sbx.run_code("import os; print(os.environ['BETA'], os.environ['EPSILON'])"))
    assert seen.stdout == "two words 5\n"
    assert (await aw(sbx.commands.run("echo $DELTA"))).stdout == "4\n"

    await aw(sbx.env.set_all({}))
    assert await aw(sbx.env.get_all()) == {}


# --------------------------------------------------------------------------- cache


async def test_cache_stats_and_clear(sbx: Any) -> None:
    stats = await aw(sbx.cache.stats())
    assert isinstance(stats["cache"]["size"], int)

    cleared = await aw(sbx.cache.clear())

    assert cleared.get("success", True) is not False
    assert (await aw(sbx.cache.stats()))["cache"]["size"] == 0


# --------------------------------------------------------------------------- run_code


async def test_run_code_matplotlib_gives_a_png(sbx: Any) -> None:
    result = await aw(
        sbx.run_code(
            "import matplotlib.pyplot as plt\n"
            "plt.figure(figsize=(3, 2))\n"
            "plt.plot([1, 2, 3], [3, 1, 2])\n"
            "plt.show()\n"
        )
    )

    assert isinstance(result, ExecutionResult)
    assert result.success and result.png, result
    image = Image.open(io.BytesIO(base64.b64decode(result.png)))
    assert image.format == "PNG"
    assert image.size[0] > 100 and image.size[1] > 50
    assert result._repr_png_().startswith(PNG_SIGNATURE)
    pngs = [o for o in result.rich_outputs if o.type == "image/png"]
    assert len(pngs) == 1
    assert base64.b64decode(pngs[0].data["image/png"]).startswith(PNG_SIGNATURE)


async def test_run_code_dataframe_gives_an_html_table(sbx: Any) -> None:
    result = await aw(
        sbx.run_code("import pandas as pd\npd.DataFrame({'name': ['a', 'b'], 'n': [1, 2]})")
    )

    assert result.html and "<table" in result.html, result
    assert "<td>a</td>" in result.html.replace(" ", "")
    assert result._repr_html_() == result.html
    assert "text/html" in [o.type for o in result.rich_outputs]
    assert result.has_rich_output


async def test_run_code_keeps_python_state(sbx: Any) -> None:
    await aw(sbx.run_code("counter = 41"))

    result = await aw(sbx.run_code("counter += 1\nprint(counter)"))

    assert result.stdout == "42\n"


@pytest.mark.parametrize(
    ("language", "code", "expected"),
    [
        ("javascript", "console.log('js', 1 + 1)", "js 2\n"),
        ("bash", "echo bash $((1 + 1))", "bash 2\n"),
        (
            "go",
            'package main\nimport "fmt"\nfunc main() { fmt.Println("go", 1+1) }\n',
            "go 2\n",
        ),
    ],
)
async def test_run_code_other_languages(sbx: Any, language: str, code: str, expected: str) -> None:
    result = await aw(sbx.run_code(code, language=language, timeout=120))

    assert (result.stdout, result.exit_code) == (expected, 0), result.stderr


async def test_run_code_unknown_language_names_the_field(sbx: Any) -> None:
    with pytest.raises(ValidationError) as raised:
        await aw(sbx.run_code("x", language="cobol"))

    assert raised.value.field == "language" or "language" in str(raised.value)


async def test_run_code_error_is_a_result_not_an_exception(sbx: Any) -> None:
    result = await aw(sbx.run_code("1 / 0"))

    assert result.success is False
    assert "ZeroDivisionError" in result.stderr + str(result.to_dict())


async def test_run_code_timeout_gives_partial_output_and_the_kernel_survives(sbx: Any) -> None:
    with pytest.raises(hopx_ai.ExecutionTimeoutError) as raised:
        await aw(
            sbx.run_code("print('partial', flush=True)\nimport time\ntime.sleep(30)", timeout=1)
        )

    error = raised.value
    assert isinstance(error, hopx_ai.TimeoutError)
    assert isinstance(error, CodeExecutionError)
    assert error.code == "EXECUTION_TIMEOUT"
    assert "execution timeout" in str(error) and "timeout=" in str(error), str(error)
    assert "partial" in error.details.get("stdout", ""), error.details

    assert (await aw(sbx.run_code("print('still alive')"))).stdout == "still alive\n"


async def test_run_code_stream_delivers_output_as_it_comes(sbx: Any) -> None:
    arrivals: list[tuple[float, Any]] = []

    def record(events: list[Any]) -> bool:
        arrivals.append((time.monotonic(), events[-1]))
        return events[-1].type == "complete"

    events = await take_until(
        sbx.run_code_stream(
            "import time\nprint('first', flush=True)\ntime.sleep(0.5)\nprint('second')"
        ),
        record,
    )

    types = [e.type for e in events]
    assert types[-2:] == ["result", "complete"], types
    stdout = [(at, e.data) for at, e in arrivals if e.type == "stdout"]
    assert "".join(data for _, data in stdout) == "first\nsecond\n"
    first_at = next(at for at, data in stdout if "first" in data)
    second_at = next(at for at, data in stdout if "second" in data)
    # "first" arrived while the code was still sleeping, not with the rest at the end.
    assert second_at - first_at >= 0.3
    result = events[-2]
    assert result.exit_code == 0
    assert events[-1].success is True


async def test_sandbox_streams_also_work_with_async_for_as_published(sandbox: Sandbox) -> None:
    """The published blocking ``Sandbox`` made its streams async generators; that code runs."""
    events = []
    async for event in sandbox.run_code_stream("print('published style')"):
        events.append(event)

    assert [e["type"] for e in events][-2:] == ["result", "complete"]
    assert "".join(e["data"] for e in events if e["type"] == "stdout") == "published style\n"


async def test_run_code_async_posts_the_result_to_the_callback(sbx: Any) -> None:
    """The callback server listens on the sandbox's own loopback (the agent POSTs from inside
    the sandbox, which cannot reach the host's loopback services)."""
    name = kind(sbx)
    port = 8700 if name == "sync" else 8701
    received = f"/tmp/{name}-callback.json"
    ready = f"/tmp/{name}-callback.ready"
    await aw(
        sbx.files.write(
            f"/tmp/{name}-receiver.py",
            "import json, http.server\n"
            "class Receiver(http.server.BaseHTTPRequestHandler):\n"
            "    def do_POST(self):\n"
            "        body = self.rfile.read(int(self.headers['Content-Length']))\n"
            f"        with open({received!r}, 'w') as out:\n"
            "            json.dump({'headers': dict(self.headers), 'body': body.decode()}, out)\n"
            "        self.send_response(200)\n"
            "        self.end_headers()\n"
            f"server = http.server.HTTPServer(('127.0.0.1', {port}), Receiver)\n"
            f"open({ready!r}, 'w').close()\n"
            "server.handle_request()\n",
        )
    )
    receiver = await aw(
        sbx.commands.run(f"/usr/bin/python3 /tmp/{name}-receiver.py", background=True)
    )
    await poll(lambda: sbx.files.exists(ready), timeout=15, what="the callback receiver")

    queued = await aw(
        sbx.run_code_async(
            "print('done async')",
            f"http://127.0.0.1:{port}/hook",
            callback_headers={"X-Custom": "yes"},
            callback_signature_secret="s3cret",
        )
    )

    assert queued["status"] == "queued" and queued.execution_id
    await poll(lambda: sbx.files.exists(received), timeout=30, what="the callback POST")
    delivery = json.loads(await aw(sbx.files.read(received)))
    payload = json.loads(delivery["body"])
    assert payload["execution_id"] == queued.execution_id
    assert (payload["status"], payload["stdout"]) == ("completed", "done async\n")
    headers = {k.lower(): v for k, v in delivery["headers"].items()}
    assert headers["x-custom"] == "yes"
    signature = hmac.new(b"s3cret", delivery["body"].encode(), hashlib.sha256).hexdigest()
    assert headers["x-hopx-signature"] == "sha256=" + signature
    assert receiver.process_id  # (it exits after this one request)


async def test_run_code_background_and_processes(sbx: Any) -> None:
    started = await aw(sbx.run_code_background("import time; time.sleep(60)", name="sleeper"))

    assert started["process_id"] and started.status == "running"
    listed = {p.process_id: p for p in await aw(sbx.list_processes())}
    assert listed[started.process_id].name == "sleeper"

    await aw(sbx.kill_process(started.process_id))

    async def stopped() -> bool:
        found = {p.process_id: p for p in await aw(sbx.list_processes())}
        return found[started.process_id].status != "running"

    await poll(stopped, timeout=10, what="the killed background execution")
    system = await aw(sbx.list_system_processes())
    assert system and all(p.pid for p in system)


async def test_jupyter_sessions_and_health(sbx: Any) -> None:
    await aw(sbx.run_code("1"))

    sessions = await aw(sbx.get_jupyter_sessions())

    assert sessions and sessions[0].kernel_id
    assert await aw(sbx.is_healthy()) is True
    await aw(sbx.ensure_healthy())


async def test_terminal_session(sbx: Any) -> None:
    def answered(messages: list[Any]) -> bool:
        text = "".join(m.get("data") or "" for m in messages)
        return any(line.strip() == "42" for line in text.splitlines())

    ws = await aw(sbx.terminal.connect())
    try:
        await aw(sbx.terminal.send_input(ws, "echo $((6 * 7))\n"))
        messages = await take_until(sbx.terminal.iter_output(ws), answered)
    finally:
        await aw(ws.close())

    assert answered(messages), messages
    assert all(m["type"] == "output" for m in messages)


# --------------------------------------------------------------------------- errors


async def test_unknown_sandbox_raises_not_found(sbx: Any) -> None:
    with pytest.raises(NotFoundError) as raised:
        await aw(type(sbx).connect(UNKNOWN_SANDBOX_ID))

    assert raised.value.status_code == 404
    assert raised.value.request_id


async def test_wrong_api_key_raises_authentication_error(sbx: Any) -> None:
    with pytest.raises(AuthenticationError) as raised:
        await aw(type(sbx).list(api_key="hopx_wrong_key"))

    assert raised.value.status_code == 401
    assert "api_key" in str(raised.value) or "HOPX_API_KEY" in str(raised.value)


async def test_bad_create_input_raises_validation_error_naming_the_field(sbx: Any) -> None:
    with pytest.raises(ValidationError) as raised:
        await aw(type(sbx).create(template="code-interpreter", timeout_seconds=-5))

    error = raised.value
    assert error.field == "timeout_seconds", str(error)
    assert "timeout_seconds" in str(error) and error.status_code == 400


async def test_misspelt_template_suggests_the_right_one(sbx: Any) -> None:
    with pytest.raises(hopx_ai.TemplateNotFoundError) as raised:
        await aw(type(sbx).create(template="code-interpretr"))

    assert raised.value.suggested_template == "code-interpreter"
    assert "Did you mean 'code-interpreter'?" in str(raised.value)
    assert isinstance(raised.value, NotFoundError)


# --------------------------------------------------------------------------- sandbox methods


async def test_run_code_env_and_working_dir(sbx: Any) -> None:
    result = await aw(
        sbx.run_code(
            "import os\nprint(os.getcwd(), os.environ['RUN_ONLY'])",
            env={"RUN_ONLY": "yes"},
            working_dir="/tmp",
        )
    )

    assert result.stdout == "/tmp yes\n"


async def test_agent_info_and_metrics(sbx: Any) -> None:
    await aw(sbx.run_code("2 + 2"))

    info = await aw(sbx.get_agent_info())
    metrics = await aw(sbx.get_agent_metrics())
    snapshot = await aw(sbx.get_metrics_snapshot())

    assert info["version"] and info.version == info["version"] and info.os == "linux"
    assert "/execute" in info.endpoints  # typed attribute: a list of paths, as in the contract
    assert info.features["code_execution"] is True
    assert metrics["total_executions"] >= 1 and metrics["active_executions"] >= 0
    assert metrics.total_executions == metrics["total_executions"]
    assert "error_count" in metrics
    assert 0 <= snapshot.cpu_percent <= 100 * os.cpu_count()
    assert 0 < snapshot.memory_percent <= 100


async def test_class_methods(sbx: Any) -> None:
    cls = type(sbx)

    health = await aw(cls.health_check())
    templates = await aw(cls.list_templates(language="python"))
    template = await aw(cls.get_template("code-interpreter"))
    listed = await aw(cls.list(status="running", limit=100))
    iterated = await take_until(cls.iter(status="running"), lambda _: False)

    assert health["status"] == "healthy"
    assert "code-interpreter" in [t.name for t in templates]
    assert template.name == "code-interpreter" and template.resources.vcpu >= 1
    assert sbx.sandbox_id in [s.sandbox_id for s in listed]
    assert sbx.sandbox_id in [s.sandbox_id for s in iterated]
    assert all(isinstance(s, cls) for s in [*listed, *iterated])


async def test_connect_resumes_and_gets_a_working_token(sbx: Any) -> None:
    await aw(sbx.pause())
    assert (await aw(sbx.get_info())).status == "paused"

    connected = await aw(type(sbx).connect(sbx.sandbox_id))

    assert (await aw(connected.get_info())).status == "running"
    assert (await aw(connected.commands.run("echo resumed"))).stdout == "resumed\n"
    await aw(connected.close())


async def test_tokens_and_preview_url(sbx: Any) -> None:
    await aw(sbx.refresh_token())
    token = await aw(sbx.get_token())

    assert token.count(".") == 2
    assert await aw(sbx.files.exists("/workspace")) is True
    url = await aw(sbx.get_preview_url(8080))
    assert url.startswith(sbx.agent_url.split("://")[0] + "://127.0.0.1:")
    assert "8080" in url and sbx.sandbox_id in url


async def test_timeout_and_expiry_helpers(sbx: Any) -> None:
    await aw(sbx.set_timeout(600))

    left = await aw(sbx.get_time_to_expiry())
    expiry = await aw(sbx.get_expiry_info())

    assert left is not None and 500 < left <= 600
    assert expiry.has_timeout and not expiry.is_expired and not expiry.is_expiring_soon
    assert await aw(sbx.is_expiring_soon()) is False
    assert await aw(sbx.is_expiring_soon(threshold_seconds=1000)) is True


async def test_kill_as_a_class_call(sbx: Any) -> None:
    cls = type(sbx)
    doomed = await aw(cls.create(template="base"))

    await aw(cls.kill(doomed.sandbox_id))

    with pytest.raises(NotFoundError):
        await aw(doomed.get_info())
    await aw(doomed.close())


async def test_concurrent_calls_on_one_sandbox(sbx: Any) -> None:
    """Many calls at once (tasks for AsyncSandbox, threads for Sandbox) share one client."""
    import anyio

    outputs: dict[int, str] = {}

    async def echo(i: int) -> None:
        if isinstance(sbx, AsyncSandbox):
            result = await sbx.commands.run(f"echo {i}")
        else:
            result = await anyio.to_thread.run_sync(lambda: sbx.commands.run(f"echo {i}"))
        outputs[i] = result.stdout

    async with anyio.create_task_group() as tasks:
        for i in range(12):
            tasks.start_soon(echo, i)

    assert outputs == {i: f"{i}\n" for i in range(12)}
