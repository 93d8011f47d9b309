"""``examples/``: each script runs as a user would run it (a subprocess with HOPX_API_KEY and
HOPX_BASE_URL in its environment) against the session's hopx-local, and prints what it should.

The scripts are started together (they mostly wait on the network), then each test checks one.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
SCRIPTS = [
    "01_basic_usage.py",
    "02_context_manager.py",
    "03_file_operations.py",
    "04_background_execution.py",
    "async_quickstart.py",
    "rich_outputs.py",
]
TIMEOUT_SECONDS = 150


class Run:
    """One example script running in its own directory."""

    def __init__(self, script: str, workdir: Path, env: dict[str, str]) -> None:
        self.workdir = workdir
        self.process = subprocess.Popen(
            [sys.executable, str(EXAMPLES / script)],
            cwd=workdir,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )

    def output(self) -> str:
        """The script's stdout once it exited successfully (fails the test otherwise)."""
        try:
            out, err = self.process.communicate(timeout=TIMEOUT_SECONDS)
        except subprocess.TimeoutExpired:
            self.process.kill()
            out, err = self.process.communicate()
            pytest.fail(f"still running after {TIMEOUT_SECONDS} s; stderr:\n{err}")
        assert self.process.returncode == 0, f"exit {self.process.returncode}; stderr:\n{err}"
        return out


@pytest.fixture(scope="module")
def runs(
    hopx_environment: dict[str, str], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, Run]]:
    env = {**os.environ, **hopx_environment}
    started = {
        script: Run(script, tmp_path_factory.mktemp(script.removesuffix(".py")), env)
        for script in SCRIPTS
    }
    try:
        yield started
    finally:
        for run in started.values():
            if run.process.poll() is None:
                run.process.kill()
                run.process.communicate()


def test_every_example_is_covered() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.py") if p.name != "demo.py") == sorted(SCRIPTS)


def test_01_basic_usage(runs: dict[str, Run]) -> None:
    assert runs["01_basic_usage.py"].output() == "Hello, HopX!\n\n"


def test_02_context_manager(runs: dict[str, Run]) -> None:
    out = runs["02_context_manager.py"].output()

    assert re.fullmatch(r"3\.\d+\.\d+\S* \(.*\)\s*\[.+\]\n\n", out), out


def test_03_file_operations(runs: dict[str, Run]) -> None:
    assert runs["03_file_operations.py"].output() == "Hello\n\n"


def test_04_background_execution(runs: dict[str, Run]) -> None:
    assert runs["04_background_execution.py"].output() == "Status: running\n"


def test_async_quickstart(runs: dict[str, Run]) -> None:
    out = runs["async_quickstart.py"].output()

    assert out == (
        "Hello, HopX!\n"
        "Hello from a file\n"
        "ls -> ['hello.txt']\n"
        "streamed:\n"
        "tick 0\ntick 1\ntick 2\n"
        "squares: ['4', '9']\n"
    )


def test_rich_outputs(runs: dict[str, Run]) -> None:
    run = runs["rich_outputs.py"]
    out = run.output()

    assert re.fullmatch(
        r"chart\.png: \d+ bytes of image/png\ntable\.html: 3 rows of text/html\n", out
    ), out
    assert (run.workdir / "chart.png").read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    html = (run.workdir / "table.html").read_text()
    assert "<table" in html and "coffee" in html
