"""``hopx run FILE|-`` and ``hopx exec ID -- CMD``: output as it comes, exit codes passed."""

from __future__ import annotations

import os
import select
import subprocess
import time
from pathlib import Path

import pytest

from tests.integration.cli.conftest import HOPX, Hopx

pytestmark = pytest.mark.integration


def test_exec_passes_exit_code_and_both_streams(hopx: Hopx, sandbox_id: str) -> None:
    result = hopx("exec", sandbox_id, "--", "echo out; echo err >&2; exit 7")

    assert result.returncode == 7
    assert result.stdout == "out\n"
    assert result.stderr == "err\n"


def test_exec_quotes_several_words(hopx: Hopx, sandbox_id: str) -> None:
    result = hopx.ok("exec", sandbox_id, "--", "printf", "%s|", "two words", "$HOME")

    assert result.stdout == "two words|$HOME|"


def test_exec_streams_output_while_the_command_runs(hopx: Hopx, sandbox_id: str) -> None:
    process = subprocess.Popen(
        [str(HOPX), "exec", sandbox_id, "--", "echo first; sleep 4; echo second"],
        env=hopx.env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        ready, _, _ = select.select([process.stdout], [], [], 30)
        assert ready, "no output within 30 s"
        first = os.read(process.stdout.fileno(), 100)
        still_running = process.poll() is None
        rest, _ = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    assert first == b"first\n"
    assert still_running, "the first line came only once the command had ended"
    assert rest == b"second\n"
    assert process.returncode == 0


def test_run_a_file_in_a_new_sandbox_that_is_killed_after(hopx: Hopx, tmp_path: Path) -> None:
    before = {item["id"] for item in hopx.json("sandbox", "list")}
    script = tmp_path / "hello.py"
    script.write_text("print('hello', 6 * 7)\n")

    result = hopx("run", str(script))

    assert result.returncode == 0, result.stderr
    assert result.stdout == "hello 42\n"
    assert {item["id"] for item in hopx.json("sandbox", "list")} == before


def test_run_stdin_in_a_sandbox_reports_the_exception(hopx: Hopx, sandbox_id: str) -> None:
    result = hopx("run", "--sandbox", sandbox_id, "-", input="x = 1\nraise ValueError('bad')\n")

    assert result.returncode == 1
    assert "ValueError: bad" in result.stderr


def test_run_picks_the_language_from_the_extension(
    hopx: Hopx, sandbox_id: str, tmp_path: Path
) -> None:
    script = tmp_path / "count.sh"
    script.write_text("for i in 1 2 3; do echo $i; done\nexit 4\n")

    result = hopx("run", "--sandbox", sandbox_id, str(script))

    assert result.returncode == 4
    assert result.stdout == "1\n2\n3\n"


def test_exec_in_an_unknown_sandbox_fails_with_a_message(hopx: Hopx) -> None:
    started = time.monotonic()
    result = hopx("exec", "sbx_0000000000000000", "--", "true")

    assert result.returncode == 1
    assert "sbx_0000000000000000" in result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 30
