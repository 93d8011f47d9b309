"""WebSocket endpoints: streamed execution and commands, the terminal, file watching, events."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from websockets.asyncio.client import ClientConnection, unix_connect
from websockets.exceptions import InvalidStatus

from .conftest import RunningAgent

Frames = list[dict[str, Any]]


def ws_session(
    agent: RunningAgent, path: str, script: Callable[[ClientConnection], Awaitable[Any]]
) -> Any:
    async def main() -> Any:
        async with unix_connect(
            agent.socket,
            uri=f"ws://agent{path}",
            additional_headers=agent.auth_headers(),
            max_size=None,
        ) as ws:
            return await asyncio.wait_for(script(ws), 60)

    return asyncio.run(main())


async def frames_until_complete(ws: ClientConnection) -> Frames:
    frames: Frames = []
    async for raw in ws:
        frames.append(json.loads(raw))
        if frames[-1]["type"] == "complete":
            break
    return frames


async def next_frame(ws: ClientConnection, wanted: Callable[[dict[str, Any]], bool]) -> Any:
    while True:
        frame = json.loads(await ws.recv())
        if wanted(frame):
            return frame


def test_execute_stream_sends_output_as_it_happens(agent: RunningAgent, conforms: Any) -> None:
    async def script(ws: ClientConnection) -> Frames:
        await ws.send(
            json.dumps(
                {
                    "type": "execute",
                    "language": "bash",
                    "code": "echo first; sleep 0.3; echo second",
                }
            )
        )
        return await frames_until_complete(ws)

    frames = ws_session(agent, "/execute/stream", script)
    assert [f["type"] for f in frames] == ["stdout", "stdout", "result", "complete"]
    assert [f["data"] for f in frames[:2]] == ["first\n", "second\n"]  # two separate chunks
    conforms("WsStdoutMessage", frames[0])
    conforms("WsResultMessage", frames[2])
    conforms("WsCompleteMessage", frames[3])
    assert frames[2]["exit_code"] == 0 and frames[3]["success"] is True


def test_execute_stream_in_the_kernel(agent: RunningAgent) -> None:
    code = "import time\nprint('a', flush=True)\ntime.sleep(0.3)\nprint('b')\n40 + 2"

    async def script(ws: ClientConnection) -> Frames:
        await ws.send(json.dumps({"type": "execute", "code": code}))
        return await frames_until_complete(ws)

    frames = ws_session(agent, "/execute/stream", script)
    assert [f["data"] for f in frames if f["type"] == "stdout"] == ["a\n", "b\n"]
    result = next(f for f in frames if f["type"] == "result")
    assert result["result"] == "42"


def test_execute_stream_errors_end_with_complete(agent: RunningAgent, conforms: Any) -> None:
    async def bad_frame(ws: ClientConnection) -> Frames:
        await ws.send(json.dumps({"type": "execute"}))
        return await frames_until_complete(ws)

    frames = ws_session(agent, "/execute/stream", bad_frame)
    assert [f["type"] for f in frames] == ["error", "complete"]
    conforms("WsErrorMessage", frames[0])
    assert frames[0]["code"] == "INVALID_REQUEST" and frames[1]["success"] is False

    async def too_slow(ws: ClientConnection) -> Frames:
        await ws.send(
            json.dumps(
                {"type": "execute", "language": "bash", "code": "echo x; sleep 9", "timeout": 1}
            )
        )
        return await frames_until_complete(ws)

    frames = ws_session(agent, "/execute/stream", too_slow)
    assert [f["type"] for f in frames] == ["stdout", "error", "complete"]
    assert frames[1]["code"] == "EXECUTION_TIMEOUT"


def test_closing_the_stream_kills_the_execution(agent: RunningAgent, api: httpx.Client) -> None:
    async def script(ws: ClientConnection) -> None:
        await ws.send(
            json.dumps({"type": "execute", "language": "bash", "code": "echo up; sleep 41.5"})
        )
        await next_frame(ws, lambda f: f["type"] == "stdout")

    ws_session(agent, "/execute/stream", script)
    for _ in range(100):
        alive = api.post("/commands/run", json={"command": "pgrep -f '^sleep 41.5' || true"})
        if alive.json()["stdout"] == "":
            break
        asyncio.run(asyncio.sleep(0.05))
    assert alive.json()["stdout"] == ""


def test_command_stream(agent: RunningAgent) -> None:
    async def script(ws: ClientConnection) -> Frames:
        await ws.send(json.dumps({"type": "command", "command": "echo out; echo err >&2; exit 3"}))
        return await frames_until_complete(ws)

    frames = ws_session(agent, "/commands/stream", script)
    by_type = {f["type"]: f for f in frames}
    assert by_type["stdout"]["data"] == "out\n" and by_type["stderr"]["data"] == "err\n"
    assert by_type["result"]["exit_code"] == 3 and by_type["complete"]["success"] is False


def test_terminal_round_trip(agent: RunningAgent, conforms: Any) -> None:
    async def script(ws: ClientConnection) -> tuple[str, str, dict[str, Any]]:
        output = ""

        async def read_until(text: str) -> str:
            nonlocal output
            while text not in output:
                frame = json.loads(await ws.recv())
                conforms("WsTerminalOutputMessage", frame)
                output += frame["data"]
            return output

        await ws.send(json.dumps({"type": "input", "data": "echo $((40 + 2))-$TERM\n"}))
        first = await read_until("42-xterm-256color")
        await ws.send(json.dumps({"type": "resize", "cols": 100, "rows": 30}))
        await ws.send(json.dumps({"type": "input", "data": "tty; stty size\n"}))
        second = await read_until("30 100")
        await ws.send(json.dumps({"type": "input", "data": "exit 7\n"}))
        exit_frame = await next_frame(ws, lambda f: f["type"] == "exit")
        return first, second, exit_frame

    first, second, exit_frame = ws_session(agent, "/terminal", script)
    assert "42-xterm-256color" in first
    assert "/dev/pts/" in second  # a real pseudo-terminal
    conforms("WsTerminalExitMessage", exit_frame)
    assert exit_frame["code"] == 7


def test_file_watch(agent: RunningAgent, api: httpx.Client, conforms: Any) -> None:
    api.post("/files/mkdir", json={"path": "/workspace/watched"})

    async def script(ws: ClientConnection) -> Frames:
        await ws.send(json.dumps({"action": "watch", "path": "/workspace/missing-dir"}))
        error = json.loads(await ws.recv())
        await ws.send(json.dumps({"action": "watch", "path": "/workspace/watched"}))
        await asyncio.sleep(0.2)  # let the watch be installed before changing things
        async with httpx.AsyncClient(
            transport=httpx.AsyncHTTPTransport(uds=agent.socket),
            base_url="http://agent",
            headers=agent.auth_headers(),
        ) as client:
            await client.post("/files/write", json={"path": "watched/sub/new.txt", "content": "1"})
            await client.post(
                "/commands/run",
                json={"command": "echo more >> watched/sub/new.txt; mv watched/sub/new.txt "
                      "watched/sub/moved.txt; rm watched/sub/moved.txt"},
            )  # fmt: skip
        frames = [error]
        while not (
            frames[-1].get("event") == "deleted" and frames[-1]["path"].endswith("moved.txt")
        ):
            frames.append(json.loads(await ws.recv()))
        return frames

    frames = ws_session(agent, "/files/watch", script)
    conforms("WsErrorMessage", frames[0])
    assert frames[0]["code"] == "FILE_NOT_FOUND"
    for frame in frames[1:]:
        conforms("WsFileChangeMessage", frame)
    events = [(f["event"], f["path"].removeprefix("/workspace/watched/")) for f in frames[1:]]
    assert ("created", "sub") in events
    assert ("created", "sub/new.txt") in events  # the write's rename into place
    assert not [p for _, p in events if ".hopx-" in p]  # never the write's temporary file
    assert ("modified", "sub/new.txt") in events
    renamed = next(f for f in frames if f.get("event") == "renamed")
    assert renamed["old_path"] == "/workspace/watched/sub/new.txt"
    assert renamed["path"] == "/workspace/watched/sub/moved.txt"
    assert events[-1] == ("deleted", "sub/moved.txt")


def test_event_feed(agent: RunningAgent, conforms: Any) -> None:
    kinds = ["process.started", "process.output", "process.exited"]

    async def script(ws: ClientConnection) -> Frames:
        await ws.send(json.dumps({"type": "subscribe", "events": kinds}))
        await asyncio.sleep(0.1)
        async with httpx.AsyncClient(
            transport=httpx.AsyncHTTPTransport(uds=agent.socket),
            base_url="http://agent",
            headers=agent.auth_headers(),
        ) as client:
            started = await client.post(
                "/commands/background", json={"command": "echo hello-events; exit 5"}
            )
        process_id = started.json()["process_id"]
        frames = []
        while not frames or frames[-1]["event"] != "process.exited":
            frame = json.loads(await ws.recv())
            if frame["data"].get("process_id") == process_id:
                frames.append(frame)
        return frames

    frames = ws_session(agent, "/stream", script)
    for frame in frames:
        conforms("WsEventMessage", frame)
    assert [f["event"] for f in frames] == kinds
    assert (frames[1]["data"]["stream"], frames[1]["data"]["data"]) == ("stdout", "hello-events\n")
    assert (frames[2]["data"]["status"], frames[2]["data"]["exit_code"]) == ("failed", 5)


def test_ipython_stream_runs_cells_in_order(agent: RunningAgent, conforms: Any) -> None:
    async def script(ws: ClientConnection) -> Frames:
        await ws.send(
            json.dumps({"type": "execute", "code": "streamed = 20", "execution_id": "c1"})
        )
        await ws.send(
            json.dumps(
                {
                    "type": "execute",
                    "code": "from IPython.display import HTML, display\n"
                    "display(HTML('<b>hi</b>'))\nstreamed * 2 + 2",
                    "execution_id": "c2",
                }
            )
        )
        frames: Frames = []
        while len([f for f in frames if f["type"] == "complete"]) < 2:
            frames.append(json.loads(await ws.recv()))
        return frames

    frames = ws_session(agent, "/stream/ipython", script)
    assert [(f["type"], f["execution_id"]) for f in frames] == [
        ("result", "c1"),
        ("complete", "c1"),
        ("display_data", "c2"),
        ("result", "c2"),
        ("complete", "c2"),
    ]
    conforms("WsDisplayDataMessage", frames[2])
    assert frames[2]["output"]["data"] == "<b>hi</b>"
    assert frames[3]["result"] == "42" and frames[3]["html"] == "<b>hi</b>"


def test_ipython_stream_without_a_kernel(base_agent: RunningAgent) -> None:
    async def script(ws: ClientConnection) -> Frames:
        return [json.loads(raw) async for raw in ws]

    frames = ws_session(base_agent, "/stream/ipython", script)
    assert [(f["type"], f["code"]) for f in frames] == [("error", "EXECUTION_FAILED")]


@pytest.mark.parametrize("path", ["/execute/stream", "/terminal", "/files/watch", "/stream"])
def test_websockets_need_a_token(agent: RunningAgent, path: str) -> None:
    async def main() -> None:
        async with unix_connect(agent.socket, uri=f"ws://agent{path}"):
            pass

    with pytest.raises(InvalidStatus) as caught:
        asyncio.run(main())
    assert caught.value.response.status_code == 401
    assert json.loads(caught.value.response.body)["code"] == "UNAUTHORIZED"
