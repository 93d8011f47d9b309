"""``pip install hopx-ai`` without an extra, then its command: a message naming the extra.

The modules of the extra are hidden from a fresh interpreter (an import hook raises
``ModuleNotFoundError`` for them, as a bare ``pip install .`` leaves it), then the console
script's entry point runs as pip's wrapper would run it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HIDE_AND_RUN = """
import importlib.abc, sys
HIDDEN = set(sys.argv[1].split(","))

class Hide(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in HIDDEN:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Hide())
module, function = sys.argv[2].split(":")
sys.argv = [sys.argv[2], *sys.argv[3:]]
sys.exit(getattr(__import__(module, fromlist=[function]), function)())
"""


def _run(hidden: str, entry_point: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", HIDE_AND_RUN, hidden, entry_point, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("hidden", ["starlette", "uvicorn", "yaml"])
def test_hopx_local_serve_without_the_local_extra(hidden: str, tmp_path: Path) -> None:
    result = _run(hidden, "hopx_local.cli:main", "serve", "--data-dir", str(tmp_path))

    assert result.returncode == 2, result.stderr
    assert "install hopx-ai[local]" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("hidden", ["click", "rich"])
def test_hopx_without_the_cli_extra(hidden: str) -> None:
    result = _run(hidden, "hopx_ai.cli:main", "sandbox", "list")

    assert result.returncode == 2, result.stderr
    assert "install hopx-ai[cli]" in result.stderr
    assert "Traceback" not in result.stderr
