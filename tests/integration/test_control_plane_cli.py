"""``hopx-local serve`` as a script uses it: flags, ready file, printed lines, SIGTERM."""

from __future__ import annotations

import json
import os
import pty
import re
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from hopx_local.launcher import RunningServer
from tests.integration.control_plane import error_of, wait_for

pytestmark = pytest.mark.integration

SERVE = [sys.executable, "-m", "hopx_local.cli", "serve"]


def _serve(data_dir: Path, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*SERVE, "--port", "0", "--data-dir", str(data_dir), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture
def server_dir(hopx_server: RunningServer, tmp_path: Path) -> Iterator[Path]:
    """A fresh data directory (hopx_server: the host was checked already)."""
    yield tmp_path


def _ready(ready_file: Path, process: subprocess.Popen[str]) -> dict[str, str]:
    def content() -> dict[str, str] | None:
        assert process.poll() is None, process.stdout.read() if process.stdout else ""
        try:
            loaded: dict[str, str] = json.loads(ready_file.read_text())
        except (OSError, ValueError):
            return None
        return loaded

    found: dict[str, str] = wait_for(content, timeout=60, what="the ready file")
    return found


def test_non_loopback_host_is_refused(tmp_path: Path) -> None:
    result = subprocess.run(
        [*SERVE, "--host", "0.0.0.0", "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert "--allow-remote" in result.stderr


def test_busy_port_is_refused_with_a_message(hopx_server: RunningServer, tmp_path: Path) -> None:
    port = hopx_server.base_url.rsplit(":", 1)[1]
    result = subprocess.run(
        [*SERVE, "--port", port, "--data-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr


def test_serve_with_given_keys_ready_file_and_sigterm(server_dir: Path) -> None:
    ready_file = server_dir / "ready.json"
    process = _serve(
        server_dir / "data",
        "--api-key",
        "first-key",
        "--api-key",
        "second-key",
        "--ready-file",
        str(ready_file),
    )
    try:
        ready = _ready(ready_file, process)
        base_url = ready["base_url"]
        assert ready["api_key"] == "first-key"
        with httpx.Client(base_url=base_url) as client:
            assert client.get("/health").status_code == 200
            for key in ("first-key", "second-key"):
                assert client.get("/v1/templates", headers={"X-API-Key": key}).status_code == 200
            assert client.get("/v1/templates", headers={"X-API-Key": "other"}).status_code == 401
    finally:
        process.send_signal(signal.SIGTERM)
        output, _ = process.communicate(timeout=60)

    assert process.returncode == 0
    assert f"export HOPX_BASE_URL={base_url}" in output
    assert "export HOPX_API_KEY=" in output
    assert "first-key" not in output  # stdout is a pipe here, not a terminal: no key
    assert not ready_file.exists()


def test_the_key_is_printed_on_a_terminal(server_dir: Path) -> None:
    ready_file = server_dir / "ready.json"
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [
            *SERVE,
            *("--port", "0", "--data-dir", str(server_dir / "data"), "--warm-pool", "0"),
            *("--api-key", "terminal-key", "--ready-file", str(ready_file)),
        ],
        stdout=terminal,
        stderr=subprocess.DEVNULL,
    )
    os.close(terminal)
    try:
        _ready(ready_file, process)
        output = b""
        while not re.search(rb"export HOPX_API_KEY=[^\r\n]*[\r\n]", output):
            output += os.read(controller, 4096)
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=60)
        os.close(controller)
    assert b"export HOPX_API_KEY=terminal-key" in output


def test_generated_key_is_stored_and_reused(server_dir: Path) -> None:
    keys = []
    for _ in range(2):
        ready_file = server_dir / "ready.json"
        process = _serve(server_dir / "data", "--ready-file", str(ready_file))
        try:
            keys.append(_ready(ready_file, process)["api_key"])
        finally:
            process.send_signal(signal.SIGTERM)
            process.communicate(timeout=60)

    assert keys[0].startswith("hopx_local_")
    assert keys[0] == keys[1]


def test_sandbox_limit_answers_403_resource_limit(server_dir: Path) -> None:
    ready_file = server_dir / "ready.json"
    process = _serve(server_dir / "data", "--max-sandboxes", "1", "--ready-file", str(ready_file))
    try:
        ready = _ready(ready_file, process)
        with httpx.Client(
            base_url=ready["base_url"], headers={"X-API-Key": ready["api_key"]}, timeout=60
        ) as cp:
            body = {"template_name": "base", "internet_access": False}
            first = cp.post("/v1/sandboxes", json=body)
            assert first.status_code == 201, first.text
            second = cp.post("/v1/sandboxes", json=body)
            assert second.status_code == 403
            error = error_of(second)
            assert error["code"] == "resource_limit"
            assert "limit" in error["message"].lower()
            assert error["details"]["limit"] == 1
            assert cp.delete(f"/v1/sandboxes/{first.json()['id']}").status_code == 200
            third = cp.post("/v1/sandboxes", json=body)
            assert third.status_code == 201
            assert cp.delete(f"/v1/sandboxes/{third.json()['id']}").status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        process.communicate(timeout=60)
