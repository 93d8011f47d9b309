"""The standing battery of hostile inputs: each gets a documented 4xx naming the field, never a
500 or a hang, and the server keeps serving. Both servers, HTTP and WebSocket.

Add the next one found to the tables below (``CONTROL_PLANE``, ``AGENT``, ``FRAMES``): a raw
request body (JSON text as sent, so that escapes like ``\\ud800`` reach the server unchanged),
the status and the ``details.field`` expected.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from websockets.sync.client import connect

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, control_plane_client, error_of, run

pytestmark = pytest.mark.integration

DEEP = "[" * 100_000 + "]" * 100_000
"""JSON nested 100,000 levels deep (Python's parser gives up at about a thousand)."""


def _nested_in(field: str, prefix: str = "") -> str:
    return "{" + prefix + f'"{field}": ' + DEEP + "}"


def _big_env(count: int, size: int) -> str:
    return json.dumps({f"V{index}": "x" * size for index in range(count)})


# (id, method, path, raw JSON body, status, details.field or None)
CONTROL_PLANE: list[tuple[str, str, str, str, int, str | None]] = [
    (
        "surrogate in env_vars",
        "POST",
        "/v1/sandboxes",
        '{"template_name": "base", "env_vars": {"A": "\\ud800"}}',
        400,
        "env_vars.A",
    ),
    (
        "low surrogate in template_name",
        "POST",
        "/v1/sandboxes",
        '{"template_name": "base\\udcff"}',
        400,
        "template_name",
    ),
    (
        "surrogate in a key",
        "POST",
        "/v1/sandboxes",
        '{"template_name": "base", "env_vars": {"\\ud800": "x"}}',
        400,
        "env_vars.\ufffd",  # the answer carries no surrogate either
    ),
    ("nested 100,000 levels", "POST", "/v1/sandboxes", _nested_in("env_vars"), 400, None),
    (
        "NaN",
        "POST",
        "/v1/sandboxes",
        '{"template_name": "base", "timeout_seconds": NaN}',
        400,
        None,
    ),
    (
        "1e400",
        "POST",
        "/v1/sandboxes",
        '{"template_name": "base", "timeout_seconds": 1e400}',
        400,
        None,
    ),
    (
        "a 200 KB environment variable",
        "POST",
        "/v1/sandboxes",
        '{"template_name": "base", "env_vars": {"BIG": "' + "x" * 200_000 + '"}}',
        400,
        "env_vars.BIG",
    ),
    (
        "a 5 MB environment",
        "POST",
        "/v1/sandboxes",
        '{"template_name": "base", "env_vars": ' + _big_env(160, 32_000) + "}",
        413,
        None,
    ),
]

AGENT: list[tuple[str, str, str, str, int, str | None]] = [
    (
        "surrogate in a written path",
        "POST",
        "/files/write",
        '{"path": "/workspace/\\ud800", "content": "x"}',
        400,
        "path",
    ),
    (
        "surrogate in a directory",
        "POST",
        "/files/mkdir",
        '{"path": "/workspace/a\\udcff"}',
        400,
        "path",
    ),
    (
        "surrogate in a command",
        "POST",
        "/commands/run",
        '{"command": "echo \\ud800"}',
        400,
        "command",
    ),
    (
        "surrogate in code",
        "POST",
        "/execute",
        '{"code": "print(1)", "env": {"A": "\\udfff"}}',
        400,
        "env.A",
    ),
    ("surrogate in env", "PUT", "/env", '{"env_vars": {"A": "\\ud800"}}', 400, "env_vars.A"),
    (
        "nested 100,000 levels (execute)",
        "POST",
        "/execute",
        _nested_in("env", '"code": "1", '),
        400,
        None,
    ),
    ("nested 100,000 levels (files)", "POST", "/files/write", DEEP, 400, None),
    (
        "a 200 KB argument",
        "POST",
        "/commands/run",
        '{"command": "/bin/true", "args": ["' + "x" * 200_000 + '"]}',
        400,
        "args.0",
    ),
    (
        "a 200 KB shell command",
        "POST",
        "/commands/run",
        '{"command": "true ' + "x" * 200_000 + '"}',
        400,
        "command",
    ),
    (
        "a 5 MB environment",
        "POST",
        "/commands/run",
        '{"command": "true", "env": ' + _big_env(50, 100_000) + "}",
        400,
        "env",
    ),
    ("NaN", "POST", "/execute", '{"code": "1", "timeout": NaN}', 400, None),
]

# (id, WebSocket path, first frame as sent, details.field or None)
FRAMES: list[tuple[str, str, str, str | None]] = [
    ("PTY input nested 100,000 levels", "/terminal", DEEP, None),
    ("PTY input with a surrogate", "/terminal", '{"type": "input", "data": "\\ud800"}', "data"),
    (
        "streamed command with a surrogate",
        "/commands/stream",
        '{"type": "command", "command": "echo \\udcff"}',
        "command",
    ),
    ("streamed code nested 100,000 levels", "/execute/stream", DEEP, None),
]


def _error(response: httpx.Response) -> dict[str, Any]:
    body: dict[str, Any] = response.json()
    error = body.get("error")
    return error if isinstance(error, dict) else body  # nested (control plane) or flat (agent)


def _sent(client: httpx.Client, method: str, path: str, raw: str) -> httpx.Response:
    return client.request(
        method, path, content=raw.encode(), headers={"Content-Type": "application/json"}
    )


@pytest.fixture(scope="module")
def manager(cp: httpx.Client) -> Iterator[Sandboxes]:
    made = Sandboxes(cp)
    try:
        yield made
    finally:
        made.cleanup()


@pytest.fixture(scope="module")
def sandbox(manager: Sandboxes) -> dict[str, Any]:
    return manager.create()


@pytest.fixture(scope="module")
def agent(manager: Sandboxes, sandbox: dict[str, Any]) -> Iterator[httpx.Client]:
    with manager.agent(sandbox) as client:
        yield client


@pytest.mark.parametrize(
    ("method", "path", "raw", "status", "field"),
    [pytest.param(*case[1:], id=case[0]) for case in CONTROL_PLANE],
)
def test_the_control_plane_answers_a_4xx_naming_the_field(
    cp: httpx.Client, method: str, path: str, raw: str, status: int, field: str | None
) -> None:
    before = cp.get("/v1/sandboxes", params={"limit": 100}).json()["data"]

    response = _sent(cp, method, path, raw)

    assert response.status_code == status, response.text
    error = error_of(response)
    if field is not None:
        assert error["details"]["field"] == field
    assert cp.get("/health").status_code == 200
    assert cp.get("/v1/sandboxes", params={"limit": 100}).json()["data"] == before


@pytest.mark.parametrize(
    ("method", "path", "raw", "status", "field"),
    [pytest.param(*case[1:], id=case[0]) for case in AGENT],
)
def test_the_agent_answers_a_4xx_naming_the_field(
    agent: httpx.Client, method: str, path: str, raw: str, status: int, field: str | None
) -> None:
    response = _sent(agent, method, path, raw)

    assert response.status_code == status, response.text
    error = _error(response)
    assert error["code"] in ("INVALID_REQUEST", "INVALID_JSON", "PAYLOAD_TOO_LARGE")
    if field is not None:
        assert error["details"]["field"] == field
    assert run(agent, "echo alive")["stdout"] == "alive\n"


@pytest.mark.parametrize(
    ("path", "raw", "field"), [pytest.param(*case[1:], id=case[0]) for case in FRAMES]
)
def test_websocket_frames_get_an_error_frame_and_the_agent_keeps_serving(
    sandbox: dict[str, Any], agent: httpx.Client, path: str, raw: str, field: str | None
) -> None:
    url = sandbox["public_host"].replace("http://", "ws://", 1) + path
    headers = {"Authorization": f"Bearer {sandbox['auth_token']}"}
    with connect(url, additional_headers=headers, max_size=None, open_timeout=30) as ws:
        ws.send(raw)
        frames = []
        while True:
            frame = json.loads(ws.recv(timeout=30))
            frames.append(frame)
            if frame["type"] == "error":
                break
            assert frame["type"] == "output", frames  # a shell's prompt may come first
    assert frame["code"] in ("INVALID_REQUEST", "INVALID_JSON")
    if field is not None:
        assert frame["details"]["field"] == field
    assert run(agent, "echo alive")["stdout"] == "alive\n"


def test_a_name_that_is_not_utf8_is_answered_with_u_fffd(agent: httpx.Client) -> None:
    """A file name is bytes; one that does not decode must not make the answer a 500."""
    run(agent, "mkdir -p /workspace/odd && touch /workspace/odd/$(printf 'bad\\377name')")

    response = agent.get("/files/list", params={"path": "/workspace/odd"})

    assert response.status_code == 200, response.text
    names = [entry["name"] for entry in response.json()["files"]]
    assert names == ["bad\ufffdname"]


def _server_fds(server: RunningServer) -> set[str]:
    return set(os.listdir(f"/proc/{server.process.pid}/fd"))


def _cgroup_dirs(sandbox_id: str) -> list[Path]:
    return [path for path in Path("/sys/fs/cgroup").glob(f"*/**/{sandbox_id}") if path.is_dir()]


def test_a_create_that_fails_leaves_nothing_behind(
    tmp_path_factory: pytest.TempPathFactory, hopx_server: RunningServer
) -> None:
    """Failed creates are not counted toward --max-sandboxes, hold no descriptor (port), no
    cgroup and no directory. The failure here: the sandboxes directory is a file."""
    data_dir = tmp_path_factory.mktemp("hopx-failing-creates")
    server = launcher.start(data_dir, extra_args=["--warm-pool", "0", "--max-sandboxes", "2"])
    sandboxes_dir = data_dir / "sandboxes"
    try:
        with control_plane_client(server) as client:
            body = {"template_name": "base", "internet_access": False}
            assert client.get("/health").status_code == 200
            fds = _server_fds(server)
            shutil.rmtree(sandboxes_dir)
            sandboxes_dir.write_text("in the way")
            failed = []
            for _ in range(3):
                response = client.post("/v1/sandboxes", json=body)
                assert response.status_code == 500, response.text
                failed.append(error_of(response)["details"]["sandbox_id"])
            assert client.get("/v1/sandboxes").json()["data"] == []
            for sandbox_id in failed:
                assert client.get(f"/v1/sandboxes/{sandbox_id}").status_code == 404
                assert _cgroup_dirs(sandbox_id) == []
            assert _server_fds(server) <= fds
            sandboxes_dir.unlink()
            sandboxes_dir.mkdir(mode=0o700)

            made = [client.post("/v1/sandboxes", json=body) for _ in range(2)]

            assert [response.status_code for response in made] == [201, 201], made[-1].text
            for response in made:
                client.delete(f"/v1/sandboxes/{response.json()['id']}")
    finally:
        if sandboxes_dir.is_file():
            sandboxes_dir.unlink()
        launcher.stop(server.process)
