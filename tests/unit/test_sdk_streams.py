"""WebSocket features (streamed execution, file watching, terminal) against a loopback server."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from websockets.http11 import Request, Response
from websockets.sync.server import ServerConnection, serve

from hopx_ai import AsyncSandbox, Sandbox, errors

from .conftest import API_KEY, CP_URL, SANDBOX_ID, TRANSPORT, Router, json_response, sandbox_json

REFRESH = f"/v1/sandboxes/{SANDBOX_ID}/token/refresh"


class AgentWs:
    """A loopback WebSocket server; ``behaviour`` plays one connection."""

    def __init__(self) -> None:
        self.behaviour: Callable[[ServerConnection], None] = lambda ws: None
        self.accepted_tokens: set[str] = {"jwt-1"}
        self.seen: list[dict[str, Any]] = []
        self.auth_headers: list[str] = []

    def check(self, connection: ServerConnection, request: Request) -> Response | None:
        header = request.headers.get("Authorization", "")
        self.auth_headers.append(header)
        if header.removeprefix("Bearer ") not in self.accepted_tokens:
            return connection.respond(401, "bad token\n")
        return None

    def handle(self, connection: ServerConnection) -> None:
        self.path = connection.request.path if connection.request else ""
        self.behaviour(connection)

    def receive(self, connection: ServerConnection) -> dict[str, Any]:
        frame = json.loads(connection.recv())
        self.seen.append(frame)
        return frame  # type: ignore[no-any-return]


@pytest.fixture
def agent_ws() -> Iterator[tuple[AgentWs, int]]:
    agent = AgentWs()
    with serve(agent.handle, "127.0.0.1", 0, process_request=agent.check) as server:
        port = server.socket.getsockname()[1]
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        yield agent, port
        server.shutdown()
    thread.join(timeout=5)


def serve_create(fake: Router, port: int) -> None:
    fake.on(
        "POST",
        "/v1/sandboxes",
        json_response(
            201,
            sandbox_json(
                public_host=f"http://127.0.0.1:{port}",
                auth_token="jwt-1",
                token_expires_at="2100-01-01T00:00:00Z",
            ),
        ),
    )


def execution(agent: AgentWs) -> Callable[[ServerConnection], None]:
    def play(ws: ServerConnection) -> None:
        agent.receive(ws)
        for frame in (
            {"type": "stdout", "data": "a\n", "timestamp": "2025-01-01T00:00:00Z"},
            {"type": "stderr", "data": "b\n", "timestamp": "2025-01-01T00:00:00Z"},
            {"type": "result", "exit_code": 0, "execution_time": 0.5},
            {"type": "complete", "success": True},
        ):
            ws.send(json.dumps(frame))

    return play


def test_run_code_stream_yields_typed_events(fake: Router, agent_ws: tuple[AgentWs, int]) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    agent.behaviour = execution(agent)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    events = list(sb.run_code_stream("print('a')", timeout=30, env={"X": "1"}))
    assert [e.type for e in events] == ["stdout", "stderr", "result", "complete"]
    assert events[0]["data"] == "a\n" and events[0].data == "a\n"
    assert events[2].exit_code == 0 and events[3].success is True
    assert agent.seen[0] == {
        "type": "execute",
        "code": "print('a')",
        "language": "python",
        "timeout": 30,
        "workdir": "/workspace",
        "env": {"X": "1"},
    }
    assert agent.path == "/execute/stream"
    assert agent.auth_headers == ["Bearer jwt-1"]


@pytest.mark.anyio
async def test_async_run_code_stream(fake: Router, agent_ws: tuple[AgentWs, int]) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    agent.behaviour = execution(agent)
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    events = [event async for event in sb.run_code_stream("print('a')")]
    await sb.close()
    assert [e.type for e in events] == ["stdout", "stderr", "result", "complete"]


def test_stream_error_frame_raises_the_mapped_error(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    agent, port = agent_ws
    serve_create(fake, port)

    def play(ws: ServerConnection) -> None:
        agent.receive(ws)
        ws.send(json.dumps({"type": "stdout", "data": "partial"}))
        ws.send(
            json.dumps({"type": "error", "error": "took too long", "code": "EXECUTION_TIMEOUT"})
        )
        ws.send(json.dumps({"type": "complete", "success": False}))

    agent.behaviour = play
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    seen = []
    with pytest.raises(errors.ExecutionTimeoutError):
        for event in sb.run_code_stream("while True: pass", timeout=1):
            seen.append(event.type)
    assert seen == ["stdout"]


def test_websocket_handshake_401_refreshes_the_token_once(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    fake.on("POST", REFRESH, {"auth_token": "jwt-2", "token_expires_at": "2100-01-01T00:00:00Z"})
    agent.accepted_tokens = {"jwt-2"}
    agent.behaviour = execution(agent)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    assert [e.type for e in sb.run_code_stream("x")][-1] == "complete"
    assert agent.auth_headers == ["Bearer jwt-1", "Bearer jwt-2"]
    assert fake.count("POST", REFRESH) == 1


def test_websocket_rejected_twice_is_an_authentication_error(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    fake.on("POST", REFRESH, {"auth_token": "jwt-2", "token_expires_at": "2100-01-01T00:00:00Z"})
    agent.accepted_tokens = set()
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.AuthenticationError):
        list(sb.run_code_stream("x"))
    assert fake.count("POST", REFRESH) == 1


def test_files_watch_yields_changes_until_the_caller_stops(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    agent, port = agent_ws
    serve_create(fake, port)

    def play(ws: ServerConnection) -> None:
        agent.receive(ws)
        for name in ("a", "b", "c"):
            ws.send(json.dumps({"type": "change", "path": f"/w/{name}", "event": "created"}))
        ws.recv()  # wait until the client closes

    agent.behaviour = play
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    changes = []
    for change in sb.files.watch("/w"):
        changes.append(change.path)
        if len(changes) == 2:
            break
    assert changes == ["/w/a", "/w/b"]
    assert agent.seen == [{"action": "watch", "path": "/w"}]


def terminal_play(agent: AgentWs) -> Callable[[ServerConnection], None]:
    def play(ws: ServerConnection) -> None:
        agent.receive(ws)
        agent.receive(ws)
        ws.send(json.dumps({"type": "output", "data": "hello\r\n"}))
        ws.send("")  # empty frames are skipped
        ws.send(json.dumps({"type": "exit", "code": 0}))

    return play


TERMINAL_MESSAGES = [("output", "hello\r\n", None), ("exit", None, 0)]
TERMINAL_FRAMES = [
    {"type": "input", "data": "echo hello\n"},
    {"type": "resize", "cols": 120, "rows": 40},
]


def test_blocking_terminal_session(fake: Router, agent_ws: tuple[AgentWs, int]) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    agent.behaviour = terminal_play(agent)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with sb.terminal.open() as term:
        term.send_input("echo hello\n")
        term.resize(cols=120, rows=40)
        messages = list(term)
    assert [(m.type, m.get("data"), m.get("code")) for m in messages] == TERMINAL_MESSAGES
    assert agent.seen == TERMINAL_FRAMES
    assert agent.path == "/terminal"


def test_published_terminal_example_runs_on_the_blocking_sandbox(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    """The reference page's example, verbatim: coroutines on ``Sandbox.terminal``."""
    agent, port = agent_ws
    serve_create(fake, port)
    agent.behaviour = terminal_play(agent)
    sandbox = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    messages = []

    async def use_terminal() -> None:
        ws = await sandbox.terminal.connect()
        await sandbox.terminal.send_input(ws, "echo hello\n")
        await sandbox.terminal.resize(ws, 120, 40)
        async for msg in sandbox.terminal.iter_output(ws):
            messages.append(msg)
        await ws.close()

    asyncio.run(use_terminal())
    assert [(m.type, m.get("data"), m.get("code")) for m in messages] == TERMINAL_MESSAGES
    assert agent.seen == TERMINAL_FRAMES
    assert agent.auth_headers == ["Bearer jwt-1"]


@pytest.mark.anyio
async def test_async_terminal_published_form_and_session(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    agent.behaviour = terminal_play(agent)
    sb = await AsyncSandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    ws = await sb.terminal.connect()
    await sb.terminal.send_input(ws, "echo hello\n")
    await sb.terminal.resize(ws, cols=120, rows=40)
    published = [(m.type, m.get("data"), m.get("code")) async for m in sb.terminal.iter_output(ws)]
    await ws.close()
    async with await sb.terminal.open() as term:
        await term.send_input("echo hello\n")
        await term.resize(120, 40)
        session = [(m.type, m.get("data"), m.get("code")) async for m in term]
    await sb.close()
    assert published == session == TERMINAL_MESSAGES
    assert agent.seen == TERMINAL_FRAMES * 2


def test_published_async_for_on_the_blocking_sandbox_streams(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    """Published 0.5.0 made run_code_stream and files.watch async generators on Sandbox too."""
    agent, port = agent_ws
    serve_create(fake, port)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )

    async def consume() -> tuple[list[str], list[str | None]]:
        agent.behaviour = execution(agent)
        events = [event.type async for event in sb.run_code_stream("print('a')")]

        def watch(ws: ServerConnection) -> None:
            agent.receive(ws)
            for name in ("a", "b"):
                ws.send(json.dumps({"type": "change", "path": f"/w/{name}", "event": "created"}))
            ws.recv()  # until the client closes

        agent.behaviour = watch
        stream = sb.files.watch("/w")
        changes = []
        async for change in stream:
            changes.append(change.path)
            if len(changes) == 2:
                break
        await stream.aclose()
        return events, changes

    events, changes = asyncio.run(consume())
    assert events == ["stdout", "stderr", "result", "complete"]
    assert changes == ["/w/a", "/w/b"]
    assert agent.seen[-1] == {"action": "watch", "path": "/w"}


def test_published_async_stream_on_the_blocking_sandbox_refreshes_a_rejected_token(
    fake: Router, agent_ws: tuple[AgentWs, int]
) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    fake.on("POST", REFRESH, {"auth_token": "jwt-2", "token_expires_at": "2100-01-01T00:00:00Z"})
    agent.accepted_tokens = {"jwt-2"}
    agent.behaviour = execution(agent)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )

    async def consume() -> list[str]:
        return [event.type async for event in sb.run_code_stream("x")]

    assert asyncio.run(consume())[-1] == "complete"
    assert agent.auth_headers == ["Bearer jwt-1", "Bearer jwt-2"]
    assert fake.count("POST", REFRESH) == 1


def test_a_stream_is_read_one_way_only(fake: Router, agent_ws: tuple[AgentWs, int]) -> None:
    agent, port = agent_ws
    serve_create(fake, port)
    agent.behaviour = execution(agent)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    stream = sb.run_code_stream("x")
    assert next(stream).type == "stdout"

    async def then_async() -> None:
        await stream.__anext__()

    with pytest.raises(RuntimeError, match="already being read"):
        asyncio.run(then_async())
    stream.close()


def test_stream_arguments_are_checked_when_called(fake: Router) -> None:
    serve_create(fake, 1)
    sb = Sandbox.create(
        template="code-interpreter", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT
    )
    with pytest.raises(errors.ValidationError, match="language"):
        sb.run_code_stream("x", language="cobol")
    with pytest.raises(errors.ValidationError, match="path"):
        sb.files.watch("")
