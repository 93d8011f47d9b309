"""``hopx files ls|cat|put|get``."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.integration.cli.conftest import HOPX, Hopx

pytestmark = pytest.mark.integration

CONTENT = bytes(range(256)) * 64 + "é\n".encode()


def test_put_ls_cat_get_round_trip(hopx: Hopx, sandbox_id: str, tmp_path: Path) -> None:
    local = tmp_path / "data.bin"
    local.write_bytes(CONTENT)

    put = hopx.ok("files", "put", sandbox_id, str(local), "/workspace/data.bin")
    assert f"({len(CONTENT)} bytes)" in put.stderr

    listed = hopx.json("files", "ls", sandbox_id)
    entry = next(item for item in listed if item["name"] == "data.bin")
    assert entry["size"] == len(CONTENT)
    table = hopx.ok("files", "ls", sandbox_id, "/workspace").stdout
    assert "data.bin" in table and str(len(CONTENT)) in table

    cat = subprocess.run(
        [str(HOPX), "files", "cat", sandbox_id, "/workspace/data.bin"],
        env=hopx.env(),
        capture_output=True,
        timeout=60,
    )
    assert cat.returncode == 0
    assert cat.stdout == CONTENT

    target = tmp_path / "downloads"
    target.mkdir()
    hopx.ok("files", "get", sandbox_id, "/workspace/data.bin", str(target))
    assert (target / "data.bin").read_bytes() == CONTENT


def test_cat_of_a_missing_file_says_so(hopx: Hopx, sandbox_id: str) -> None:
    result = hopx("files", "cat", sandbox_id, "/workspace/nothing-here.txt")

    assert result.returncode == 1
    assert "nothing-here.txt" in result.stderr
    assert result.stdout == ""
    assert "Traceback" not in result.stderr


def test_ls_of_a_directory_marks_subdirectories(hopx: Hopx, sandbox_id: str) -> None:
    hopx.ok("exec", sandbox_id, "--", "mkdir -p /workspace/sub && touch /workspace/a.txt")

    table = hopx.ok("files", "ls", sandbox_id).stdout

    assert "sub/" in table
    assert table.index("sub/") < table.index("a.txt")
