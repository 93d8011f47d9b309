"""Shell commands, background processes (run, list, kill) and asynchronous executions."""

from __future__ import annotations

import hashlib
import hmac
import http.server
import json
import queue
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from .conftest import RunningAgent


def wait_for_status(api: httpx.Client, process_id: str, wanted: set[str]) -> dict[str, Any]:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        listing = api.get("/execute/processes").json()["processes"]
        [entry] = [p for p in listing if p["process_id"] == process_id]
        if entry["status"] in wanted:
            return entry  # type: ignore[no-any-return]
        time.sleep(0.05)
    raise AssertionError(f"{process_id} never reached {wanted}")


# --------------------------------------------------------------------------- commands
def test_shell_command(api: httpx.Client, conforms: Any) -> None:
    response = api.post("/commands/run", json={"command": "echo out; echo err >&2; exit 4"})
    assert response.status_code == 200
    body = response.json()
    conforms("CommandResponse", body)
    assert (body["stdout"], body["stderr"], body["exit_code"], body["success"]) == (
        "out\n",
        "err\n",
        4,
        False,
    )
    assert body["command"] == "echo out; echo err >&2; exit 4"


def test_published_sdk_form_bash_c(api: httpx.Client) -> None:
    body = api.post(
        "/commands/run", json={"command": "bash", "args": ["-c", "echo $((1 + 2)) | tr 3 x"]}
    ).json()
    assert (body["stdout"], body["command"]) == ("x\n", "echo $((1 + 2)) | tr 3 x")


def test_args_form_runs_the_program_without_a_shell(api: httpx.Client) -> None:
    body = api.post("/commands/run", json={"command": "echo", "args": ["$HOME", "*"]}).json()
    assert body["stdout"] == "$HOME *\n"


@pytest.mark.parametrize(
    ("command", "status", "reason"),
    [
        ("no-such-program-x", 127, "command not found"),
        ("/workspace/no-such-program-x", 127, "command not found"),
        ("/etc/passwd", 126, "Permission denied"),
    ],
)
def test_a_program_that_cannot_run_fails_as_in_a_shell(
    api: httpx.Client, command: str, status: int, reason: str
) -> None:
    # Found by the contract suite: {"command": "0", "args": []} answered 500 COMMAND_FAILED,
    # a server error for a typo (which the published SDK retries three times).
    response = api.post("/commands/run", json={"command": command, "args": ["x"]})
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["exit_code"], body["success"]) == (status, False)
    assert body["stderr"] == f"{command}: {reason}\n"
    shell = api.post("/commands/run", json={"command": f"{command} x"}).json()
    assert shell["exit_code"] == status


def test_a_background_program_that_cannot_run_ends_failed(api: httpx.Client) -> None:
    response = api.post("/commands/background", json={"command": "no-such-x", "args": []})
    assert response.status_code == 200, response.text
    entry = wait_for_status(api, response.json()["process_id"], {"failed"})
    assert (entry["exit_code"], entry["stderr"]) == (127, "no-such-x: command not found\n")


def test_command_env_and_workdir(api: httpx.Client, agent: RunningAgent) -> None:
    (agent.workspace / "cmdwd").mkdir(exist_ok=True)
    body = api.post(
        "/commands/run",
        json={
            "command": "echo $ANSWER; pwd",
            "env": {"ANSWER": "42"},
            "workdir": "/workspace/cmdwd",
        },
    ).json()
    assert body["stdout"] == f"42\n{agent.workspace / 'cmdwd'}\n"


def test_command_timeout_kills_the_group(api: httpx.Client, expect_error: Any) -> None:
    started = time.monotonic()
    response = api.post(
        "/commands/run", json={"command": "echo first; sleep 20; echo never", "timeout": 1}
    )
    error = expect_error(response, 408, "EXECUTION_TIMEOUT")
    assert time.monotonic() - started < 10
    assert error["details"] == {"timeout": 1, "stdout": "first\n", "stderr": ""}


def test_big_output_is_capped_in_the_middle(api: httpx.Client) -> None:
    body = api.post(
        "/commands/run", json={"command": "head -c 12000000 /dev/zero | tr '\\0' a; echo END"}
    ).json()
    dropped = 12_000_004 - 10 * 1024 * 1024  # 12 MB of 'a', "END\n"; 10 MiB kept
    assert f"\n\u2026[truncated {dropped} bytes]\u2026\n" in body["stdout"]
    assert body["stdout"].startswith("aaaa") and body["stdout"].endswith("aEND\n")
    assert len(body["stdout"].encode()) <= 10 * 1024 * 1024 + 64


# ----------------------------------------------------------------------- background
def test_background_execution_lifecycle(api: httpx.Client, conforms: Any) -> None:
    response = api.post(
        "/execute/background",
        json={"code": "print('tick', flush=True)", "language": "python", "name": "ticker"},
    )
    assert response.status_code == 200
    started = response.json()
    conforms("BackgroundExecutionResponse", started)
    assert started["process_id"].startswith("proc_") and started["name"] == "ticker"
    entry = wait_for_status(api, started["process_id"], {"completed", "failed"})
    assert (entry["status"], entry["exit_code"], entry["stdout"]) == ("completed", 0, "tick\n")
    assert entry["kind"] == "execution" and entry["end_time"] is not None
    conforms("ProcessList", api.get("/execute/processes").json())


def test_background_failure_and_timeout(api: httpx.Client) -> None:
    failing = api.post("/execute/background", json={"code": "exit 2", "language": "bash"}).json()
    slow = api.post(
        "/execute/background", json={"code": "sleep 30", "language": "bash", "timeout": 1}
    ).json()
    assert wait_for_status(api, failing["process_id"], {"failed"})["exit_code"] == 2
    timed_out = wait_for_status(api, slow["process_id"], {"timeout"})
    assert timed_out["exit_code"] is None  # ended by a signal


@pytest.mark.parametrize(
    ("kill", "code"),
    [
        (
            lambda api, pid: api.delete("/execute/kill", params={"process_id": pid}),
            "trap '' TERM; echo up; sleep 60",  # ignores SIGTERM: SIGKILL follows after 2 s
        ),
        (lambda api, pid: api.post(f"/execute/kill/{pid}"), "sleep 60"),
        (lambda api, pid: api.post(f"/processes/{pid}/kill"), "sleep 60"),
    ],
    ids=["canonical", "sync-sdk-alias", "async-sdk-alias"],
)
def test_kill_a_background_process(api: httpx.Client, conforms: Any, kill: Any, code: str) -> None:
    started = api.post("/execute/background", json={"code": code, "language": "bash"}).json()
    wait_for_status(api, started["process_id"], {"running"})
    response = kill(api, started["process_id"])
    assert response.status_code == 200
    body = response.json()
    conforms("KillProcessResponse", body)
    assert (body["success"], body["status"]) == (True, "killed")
    entry = wait_for_status(api, started["process_id"], {"killed"})
    assert entry["exit_code"] is None
    again = kill(api, started["process_id"]).json()
    assert (again["success"], again["status"]) == (False, "killed")


def test_kill_unknown_process(api: httpx.Client, expect_error: Any) -> None:
    body = expect_error(
        api.delete("/execute/kill", params={"process_id": "proc_nope"}), 404, "PROCESS_NOT_FOUND"
    )
    assert body["details"]["process_id"] == "proc_nope"
    expect_error(api.post("/execute/kill/proc_nope"), 404, "PROCESS_NOT_FOUND")
    expect_error(api.delete("/execute/kill"), 400, "MISSING_PARAMETER")


def test_background_command(api: httpx.Client, conforms: Any) -> None:
    response = api.post("/commands/background", json={"command": "echo bg; exit 0", "name": "c"})
    body = response.json()
    conforms("CommandBackgroundResponse", body)
    assert body["message"] == f"Background process started: {body['process_id']}"
    entry = wait_for_status(api, body["process_id"], {"completed"})
    assert (entry["kind"], entry["command"], entry["stdout"]) == (
        "command",
        "echo bg; exit 0",
        "bg\n",
    )


def test_process_list_is_newest_first(api: httpx.Client) -> None:
    first = api.post("/commands/background", json={"command": "true"}).json()["process_id"]
    second = api.post("/commands/background", json={"command": "true"}).json()["process_id"]
    ids = [p["process_id"] for p in api.get("/execute/processes").json()["processes"]]
    assert ids.index(second) < ids.index(first)


# ---------------------------------------------------------------------------- async
class _Receiver(http.server.BaseHTTPRequestHandler):
    received: queue.Queue[tuple[dict[str, str], bytes]]

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        self.received.put((dict(self.headers), body))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture()
def callback_server() -> Iterator[tuple[str, queue.Queue[tuple[dict[str, str], bytes]]]]:
    received: queue.Queue[tuple[dict[str, str], bytes]] = queue.Queue()
    handler = type("Receiver", (_Receiver,), {"received": received})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/hook", received
    server.shutdown()
    server.server_close()


def test_async_execution_posts_a_signed_result(
    api: httpx.Client, conforms: Any, callback_server: Any
) -> None:
    url, received = callback_server
    response = api.post(
        "/execute/async",
        json={
            "code": "print('done async')",
            "callback_url": url,
            "callback_headers": {"X-Custom": "yes"},
            "callback_signature_secret": "s3cret",
        },
    )
    assert response.status_code == 202
    queued = response.json()
    conforms("ExecuteAsyncResponse", queued)
    headers, body = received.get(timeout=30)
    payload = json.loads(body)
    conforms("AsyncExecutionCallback", payload)
    assert payload["execution_id"] == queued["execution_id"]
    assert (payload["status"], payload["stdout"]) == ("completed", "done async\n")
    assert headers["X-Custom"] == "yes"
    expected = "sha256=" + hmac.new(b"s3cret", body, hashlib.sha256).hexdigest()
    assert headers["X-HopX-Signature"] == expected
    assert abs(int(headers["X-HopX-Timestamp"]) - time.time()) < 60


def test_async_execution_reports_a_timeout(api: httpx.Client, callback_server: Any) -> None:
    url, received = callback_server
    api.post(
        "/execute/async",
        json={"code": "sleep 20", "language": "bash", "timeout": 1, "callback_url": url},
    )
    headers, body = received.get(timeout=30)
    payload = json.loads(body)
    assert (payload["status"], payload["success"]) == ("timeout", False)
    assert "X-HopX-Signature" not in headers


def test_async_needs_an_http_callback(api: httpx.Client, expect_error: Any) -> None:
    response = api.post("/execute/async", json={"code": "1", "callback_url": "ftp://x/y"})
    expect_error(response, 400, "INVALID_REQUEST")


@pytest.mark.parametrize(
    "url",
    [
        "",
        "https://h\u00e9.example/x",
        "https://h/\x16",
        "http://a b/",
        "http://]hv",  # urlsplit raised ValueError: the agent answered 500
        "http://h:99999/",
        "http://:80/",
        "http://h/%zz",  # not percent-encoding: echoed back, it broke the response's format
        "http://h/#a]b",
    ],
)
def test_async_callback_must_be_a_uri(api: httpx.Client, expect_error: Any, url: str) -> None:
    # Found by the contract suite: a callback_url with control or non-ASCII characters was
    # queued and echoed back, breaking the response's own `format: uri`.
    response = api.post("/execute/async", json={"code": "1", "callback_url": url})
    expect_error(response, 400, "INVALID_REQUEST")
    assert response.json()["details"]["field"] == "callback_url"


def test_user_code_is_the_first_oom_victim(api: httpx.Client, agent: RunningAgent) -> None:
    command = api.post("/commands/run", json={"command": "cat /proc/self/oom_score_adj"}).json()
    assert command["stdout"] == "500\n"
    kernel = api.post("/execute", json={"code": "open('/proc/self/oom_score_adj').read()"}).json()
    assert kernel["result"] == "'500\\n'"
    with open(f"/proc/{agent.process.pid}/oom_score_adj") as handle:
        assert handle.read().strip() == "0"  # the agent itself is back to its own score


def test_async_with_a_missing_workdir_fails_at_once(api: httpx.Client, expect_error: Any) -> None:
    response = api.post(
        "/execute/async",
        json={"code": "1", "workdir": "/workspace/none", "callback_url": "http://127.0.0.1:9/x"},
    )
    expect_error(response, 404, "DIRECTORY_NOT_FOUND")
