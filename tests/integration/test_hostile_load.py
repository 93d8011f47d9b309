"""Unauthenticated load on the control plane, secrets in its log, one server per data dir.

Every attack is bounded (a few large headers, a few hundred connections) and aimed at this
module's own server on loopback; each test asserts what a client sees and that the server
still serves.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hopx_local import launcher
from hopx_local.launcher import RunningServer
from tests.integration.control_plane import Sandboxes

pytestmark = pytest.mark.integration

HEADER_TIMEOUT = 1.0
MAX_CONNECTIONS = 64
QUICK = 2.0
"""Seconds an answer may take on a shared machine (a hang, or 3 s under attack, is more)."""


@pytest.fixture(scope="module")
def server(
    hopx_server: RunningServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    """A server of this module (hopx_server: the host was checked already)."""
    running = launcher.start(
        tmp_path_factory.mktemp("hostile-load"),
        extra_args=[
            "--warm-pool",
            "0",
            "--access-log",
            "--header-timeout",
            str(HEADER_TIMEOUT),
            "--max-connections",
            str(MAX_CONNECTIONS),
        ],
    )
    try:
        yield running
    finally:
        launcher.stop(running.process)


def _address(server: RunningServer) -> tuple[str, int]:
    host, port = server.base_url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def _rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def _health_seconds(server: RunningServer) -> float:
    started = time.monotonic()
    response = httpx.get(f"{server.base_url}/health", timeout=10)
    assert response.status_code == 200
    return time.monotonic() - started


def _answer(sock: socket.socket) -> bytes:
    """One answer: until its Content-Length is complete, the server closed, or 10 s passed."""
    sock.settimeout(10)
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
            head, separator, body = received.partition(b"\r\n\r\n")
            length = re.search(rb"(?im)^content-length:\s*(\d+)", head)
            if separator and length and len(body) >= int(length[1]):
                break
    except (ConnectionResetError, TimeoutError):
        pass
    return received


def _send_until_refused(sock: socket.socket, data: bytes) -> None:
    # The server may answer and close before the whole header is sent.
    with contextlib.suppress(BrokenPipeError, ConnectionResetError):
        sock.sendall(data)


def test_huge_headers_get_431_and_memory_stays_bounded(server: RunningServer) -> None:
    before = _rss_kib(server.process.pid)
    header = b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (32 * 1024 * 1024)
    for _ in range(4):
        with socket.create_connection(_address(server)) as sock:
            _send_until_refused(sock, header)
            answer = _answer(sock)
        assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    assert _rss_kib(server.process.pid) - before < 64 * 1024
    assert _health_seconds(server) < QUICK


def test_too_many_headers_get_431(server: RunningServer) -> None:
    lines = b"".join(b"X-H%d: v\r\n" % n for n in range(500))
    with socket.create_connection(_address(server)) as sock:
        _send_until_refused(sock, b"GET /health HTTP/1.1\r\nHost: x\r\n" + lines + b"\r\n")
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]


def test_headers_that_never_finish_are_timed_out_with_408(server: RunningServer) -> None:
    with socket.create_connection(_address(server)) as sock:
        sock.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
        started = time.monotonic()
        answer = _answer(sock)
        waited = time.monotonic() - started
    assert answer.startswith(b"HTTP/1.1 408 "), answer[:200]
    assert HEADER_TIMEOUT * 0.5 < waited < HEADER_TIMEOUT + 3


def test_half_open_connections_do_not_lock_out_clients(server: RunningServer) -> None:
    idle: list[socket.socket] = []
    try:
        for _ in range(300):  # many more than --max-connections
            sock = socket.create_connection(_address(server))
            sock.sendall(b"GET /health HTTP/1.1\r\n")
            idle.append(sock)
        headers = {"X-API-Key": server.api_key}
        with httpx.Client(base_url=server.base_url, headers=headers, timeout=10) as client:
            for _ in range(10):
                started = time.monotonic()
                assert client.get("/v1/templates").status_code == 200
                assert time.monotonic() - started < QUICK + 1
        open_fds = len(os.listdir(f"/proc/{server.process.pid}/fd"))
        assert open_fds < MAX_CONNECTIONS + 100
    finally:
        for sock in idle:
            sock.close()
    assert _health_seconds(server) < QUICK


def test_the_log_holds_no_api_key_and_no_flood(server: RunningServer) -> None:
    with httpx.Client(base_url=server.base_url, timeout=10) as client:
        assert client.get("/v1/templates", params={"api_key": server.api_key}).status_code in (
            200,
            401,
        )
        client.get("/v1/templates", headers={"Authorization": f"Bearer {server.api_key}"})
    for _ in range(200):  # malformed requests: a warning each, rate-limited
        with socket.create_connection(_address(server)) as sock:
            sock.sendall(b"\x00\x01 not http\r\n\r\n")
            _answer(sock)
    time.sleep(0.2)
    log = (server.data_dir / "server.log").read_text(errors="replace")
    assert server.api_key not in log
    assert "api_key=***" in log  # the access log line is there, redacted
    assert log.count("Invalid HTTP request received.") <= 20
    assert _health_seconds(server) < QUICK


def test_a_second_server_on_the_same_data_dir_is_refused(server: RunningServer) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "hopx_local.cli",
            "serve",
            "--port",
            "0",
            "--data-dir",
            str(server.data_dir),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 4, result.stderr
    assert f"pid {server.process.pid}" in result.stderr
    assert server.base_url in result.stderr
    assert _health_seconds(server) < QUICK


def test_api_key_command_prints_the_stored_key(server: RunningServer) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "hopx_local.cli", "api-key", "--data-dir", str(server.data_dir)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == server.api_key


def test_no_sandbox_id_on_any_command_line(hopx_server: RunningServer) -> None:
    headers = {"X-API-Key": hopx_server.api_key}
    with httpx.Client(base_url=hopx_server.base_url, headers=headers, timeout=60) as cp:
        created = cp.post("/v1/sandboxes", json={"template_name": "base", "internet_access": True})
        assert created.status_code == 201, created.text
        sandbox_id = created.json()["id"]
        try:
            listing = subprocess.run(
                ["ps", "-ww", "-eo", "args"], capture_output=True, text=True, check=True
            ).stdout
            assert "hopx_local.agent" in listing or "runpy" in listing  # the agent is listed
            assert sandbox_id not in listing
        finally:
            cp.delete(f"/v1/sandboxes/{sandbox_id}")


def test_a_chunked_body_over_the_limit_is_refused_before_it_ends(server: RunningServer) -> None:
    """The documented 1 MiB JSON limit holds without a Content-Length: 413 while the client
    is still sending (the body never ends here), not after buffering all of it."""
    head = (
        "POST /v1/sandboxes HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        f"X-API-Key: {server.api_key}\r\nTransfer-Encoding: chunked\r\n\r\n"
    ).encode()
    chunk = b"%x\r\n%s\r\n" % (65536, b" " * 65536)
    with socket.create_connection(_address(server)) as sock:
        sock.sendall(head)
        for _ in range(20):  # 1.25 MiB, and no final chunk
            _send_until_refused(sock, chunk)
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 413 "), answer[:300]
    assert b'"payload_too_large"' in answer or b"too large" in answer.lower()
    assert _health_seconds(server) < QUICK


def test_the_agent_caps_headers_too(sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    host, port = sandbox["public_host"].removeprefix("http://").rsplit(":", 1)
    for attack in (
        b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * (4 * 1024 * 1024),
        b"GET /health HTTP/1.1\r\nHost: x\r\n" + b"X-H: v\r\n" * 500 + b"\r\n",
    ):
        with socket.create_connection((host, int(port))) as sock:
            _send_until_refused(sock, attack)
            answer = _answer(sock)
        assert answer.startswith(b"HTTP/1.1 431 "), answer[:200]
    with sandboxes.agent(sandbox) as agent:
        assert agent.get("/health").status_code == 200
