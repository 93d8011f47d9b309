"""Preview URLs: the control plane proxies /preview/<id>/<port>/... to that port in the sandbox."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus
from websockets.sync.client import connect

from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes, error_of, run, wait_for

pytestmark = pytest.mark.integration

# A service that answers every request with what it received (method, path, headers, body).
ECHO_SERVER = r"""
import json, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

class Echo(BaseHTTPRequestHandler):
    def answer(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length).decode() if length else ""
        data = json.dumps({"method": self.command, "path": self.path,
                           "headers": {k.lower(): v for k, v in self.headers.items()},
                           "body": body}).encode()
        self.send_response(201 if self.command == "POST" else 200)
        self.send_header("Content-Type", "application/json")
        self.send_header("X-Echo", "yes")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
    do_GET = do_POST = do_PUT = do_DELETE = answer

ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Echo).serve_forever()
"""


# A WebSocket service: echoes messages (text prefixed with the request path), closes on "bye".
WS_ECHO_SERVER = r"""
import sys
from websockets.sync.server import serve

def echo(connection):
    for message in connection:
        if message == "bye":
            connection.close(4001, "bye to you")
            return
        if isinstance(message, str):
            message = connection.request.path + " " + message
        connection.send(message)

with serve(echo, "127.0.0.1", int(sys.argv[1]), subprotocols=["chat.v1"]) as server:
    server.serve_forever()
"""


def _preview(sandbox: dict[str, Any], port: int) -> str:
    url: str = sandbox["preview_url"].replace("{port}", str(port))
    return url


@pytest.fixture(scope="module")
def served(cp: httpx.Client) -> Any:
    """A sandbox running http.server on 8000, the echo service on 8080, a WebSocket one on 8090."""
    sandboxes = Sandboxes(cp)
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        agent.post("/files/write", json={"path": "/workspace/echo.py", "content": ECHO_SERVER})
        agent.post("/files/write", json={"path": "/workspace/ws.py", "content": WS_ECHO_SERVER})
        run(agent, "mkdir -p /workspace/site && echo '<h1>hello</h1>' > /workspace/site/index.html")
        for command in (
            "/usr/bin/python3 -m http.server 8000 --bind 127.0.0.1 --directory /workspace/site",
            "/usr/bin/python3 /workspace/echo.py 8080",
            "/usr/bin/python3 /workspace/ws.py 8090",
        ):
            started = agent.post("/commands/background", json={"command": command})
            assert started.status_code == 200, started.text
    with httpx.Client(timeout=30) as browser:
        for port in (8000, 8080, 8090):
            url = _preview(sandbox, port)

            def answers(url: str = url) -> bool:
                return browser.get(url).status_code != 502

            wait_for(answers, timeout=20, what=f"the service on port {port}")
    try:
        yield sandbox
    finally:
        sandboxes.cleanup()


def test_preview_url_serves_a_page_from_inside_the_sandbox(served: dict[str, Any]) -> None:
    response = httpx.get(_preview(served, 8000) + "index.html")

    assert response.status_code == 200
    assert response.text == "<h1>hello</h1>\n"


def test_preview_root_serves_the_index(served: dict[str, Any]) -> None:
    assert "<h1>hello</h1>" in httpx.get(_preview(served, 8000)).text


def test_preview_without_trailing_slash_redirects(served: dict[str, Any]) -> None:
    bare = _preview(served, 8000).rstrip("/")

    response = httpx.get(bare, follow_redirects=True)

    assert response.status_code == 200
    assert str(response.url) == _preview(served, 8000)


def test_service_errors_pass_through_unchanged(served: dict[str, Any]) -> None:
    response = httpx.get(_preview(served, 8000) + "missing.html")

    assert response.status_code == 404
    assert "error" not in response.headers.get("content-type", "") or "html" in response.text


def test_method_path_query_headers_and_body_are_forwarded(served: dict[str, Any]) -> None:
    response = httpx.post(
        _preview(served, 8080) + "api/items?x=1&y=two",
        content=b'{"name": "thing"}',
        headers={"Content-Type": "application/json", "X-Custom": "kept"},
    )

    assert response.status_code == 201
    assert response.headers["x-echo"] == "yes"
    echoed = response.json()
    assert echoed["method"] == "POST"
    assert echoed["path"] == "/api/items?x=1&y=two"
    assert echoed["body"] == '{"name": "thing"}'
    assert echoed["headers"]["x-custom"] == "kept"
    assert echoed["headers"]["x-forwarded-prefix"] == f"/preview/{served['id']}/8080"


def test_chunked_request_body_is_forwarded(served: dict[str, Any]) -> None:
    def chunks() -> Any:
        yield b"part one, "
        yield b"part two"

    response = httpx.put(_preview(served, 8080) + "upload", content=chunks())

    assert response.status_code == 200
    assert response.json()["body"] == "part one, part two"


def test_api_key_is_not_passed_into_the_sandbox(
    served: dict[str, Any], hopx_server: RunningServer
) -> None:
    response = httpx.get(
        _preview(served, 8080),
        headers={
            "X-API-Key": hopx_server.api_key,
            "Authorization": f"Bearer {hopx_server.api_key}",
        },
    )

    headers = response.json()["headers"]
    assert "x-api-key" not in headers
    assert "authorization" not in headers


def test_app_authorization_header_is_passed_on(served: dict[str, Any]) -> None:
    response = httpx.get(_preview(served, 8080), headers={"Authorization": "Basic dXNlcjpwdw=="})

    assert response.json()["headers"]["authorization"] == "Basic dXNlcjpwdw=="


def test_keep_alive_connection_serves_many_requests(served: dict[str, Any]) -> None:
    with httpx.Client() as browser:
        bodies = [browser.get(_preview(served, 8080) + f"n/{i}").json()["path"] for i in range(5)]

    assert bodies == [f"/n/{i}" for i in range(5)]


def test_port_without_a_service_is_502(served: dict[str, Any]) -> None:
    response = httpx.get(_preview(served, 8999))

    assert response.status_code == 502
    error = error_of(response)
    assert error["code"] == "bad_gateway"
    assert "8999" in error["message"]


def test_unknown_sandbox_is_404(hopx_server: RunningServer) -> None:
    response = httpx.get(f"{hopx_server.base_url}/preview/sbx_0000000000000000/8000/")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_preview_of_a_stopped_sandbox_is_409(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    assert cp.post(f"/v1/sandboxes/{sandbox['id']}/stop").status_code == 200

    response = httpx.get(_preview(sandbox, 8000))

    assert response.status_code == 409
    assert json.loads(response.text)["error"]["details"]["status"] == "stopped"


def test_websocket_through_a_preview_url(served: dict[str, Any]) -> None:
    url = _preview(served, 8090).replace("http://", "ws://") + "chat?room=1"

    with connect(url, subprotocols=["chat.v1"], open_timeout=20) as websocket:  # type: ignore[list-item]
        assert websocket.subprotocol == "chat.v1"
        websocket.send("hello")
        assert websocket.recv(timeout=10) == "/chat?room=1 hello"
        websocket.send(bytes(range(256)))
        assert websocket.recv(timeout=10) == bytes(range(256))
        websocket.send("bye")
        with pytest.raises(ConnectionClosed) as closed:
            websocket.recv(timeout=10)

    assert closed.value.rcvd is not None
    assert (closed.value.rcvd.code, closed.value.rcvd.reason) == (4001, "bye to you")


def test_websocket_to_a_port_without_a_service_is_refused_with_502(
    served: dict[str, Any],
) -> None:
    url = _preview(served, 8999).replace("http://", "ws://")

    with pytest.raises(InvalidStatus) as refused:
        connect(url, open_timeout=20)

    assert refused.value.response.status_code == 502
    assert b"bad_gateway" in refused.value.response.body
