"""``hopx terminal ID`` in a real terminal: tmux runs it, send-keys types, capture-pane reads.

The shell in the sandbox sees the local terminal's size at start and after a resize
(SIGWINCH), keys go through in raw mode (Ctrl-C reaches the sandbox, not hopx), and the
shell's exit status is hopx's.
"""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.integration.cli.conftest import HOPX, Hopx

pytestmark = [pytest.mark.integration, pytest.mark.timeout(180)]


class Tmux:
    def __init__(self, socket: str, status_file: Path) -> None:
        self.socket = socket
        self.status_file = status_file
        """Where the shell around hopx writes hopx's exit status."""

    def __call__(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, timeout=30
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def screen(self) -> str:
        return self("capture-pane", "-p", "-t", "cli")

    def type(self, keys: str) -> None:
        self("send-keys", "-t", "cli", "-l", keys)
        self("send-keys", "-t", "cli", "Enter")

    def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                pytest.fail(f"{text!r} did not appear on the screen:\n{screen}")
            time.sleep(0.1)


@pytest.fixture
def tmux(hopx: Hopx, sandbox_id: str, tmp_path: Path) -> Iterator[Tmux]:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed (scripts/sysdeps.sh installs it)")
    status_file = tmp_path / "status"
    session = Tmux(f"hopx-cli-{uuid.uuid4().hex[:8]}", status_file)
    env = " ".join(f"{k}={shlex.quote(v)}" for k, v in hopx.env().items() if k.startswith("HOPX_"))
    command = (
        f"env {env} {shlex.quote(str(HOPX))} terminal {sandbox_id}; "
        f"echo $? > {shlex.quote(str(status_file))}; sleep 600"
    )
    session("new-session", "-d", "-s", "cli", "-x", "100", "-y", "30", command)
    try:
        yield session
    finally:
        subprocess.run(["tmux", "-L", session.socket, "kill-server"], capture_output=True)


def test_terminal_runs_commands_follows_resizes_and_passes_the_exit_code(tmux: Tmux) -> None:
    tmux.wait_for("/workspace#")  # root of its own machine
    tmux.type("echo answer-$((6*7)); stty size")
    tmux.wait_for("answer-42")
    tmux.wait_for("30 100")  # the size of the tmux window hopx runs in

    tmux("resize-window", "-t", "cli", "-x", "120", "-y", "40")
    tmux.type("clear; stty size")
    tmux.wait_for("40 120")

    tmux.type("sleep 300")
    time.sleep(0.5)
    tmux("send-keys", "-t", "cli", "C-c")
    tmux.type("echo after-$((1+1))")
    tmux.wait_for("after-2")

    tmux.type("exit 5")
    status_file = tmux.status_file
    deadline = time.monotonic() + 30
    while not status_file.exists() or not status_file.read_text().strip():
        assert time.monotonic() < deadline, tmux.screen()
        time.sleep(0.1)
    assert status_file.read_text().strip() == "5"
