"""The reusable progress of long transfers (hopx_ai._progress): callback and rich bar."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from hopx_ai import Sandbox
from hopx_ai._progress import (
    AUTO_SHOW_MIN_TOTAL,
    ProgressReader,
    iter_with_progress,
    maybe,
    progress_for,
)

from .conftest import API_KEY, CP_URL, TRANSPORT, Router, json_response, sandbox_json


def test_nobody_watching_costs_nothing() -> None:
    # no callback, stderr of pytest is not a terminal: no progress object at all
    assert progress_for("upload", 10**9) is None
    assert progress_for("upload", 10, show=None) is None
    with maybe(None) as nothing:
        assert nothing is None


def test_callback_sees_every_chunk_and_the_total() -> None:
    seen: list[tuple[int, int | None]] = []
    progress = progress_for("download", 10, on_progress=lambda d, t: seen.append((d, t)))
    assert progress is not None
    with progress:
        chunks = list(iter_with_progress(iter([b"abc", b"", b"defgh", b"ij"]), progress))
    assert b"".join(chunks) == b"abcdefghij"
    assert seen == [(0, 10), (3, 10), (8, 10), (10, 10)]


def test_reader_counts_what_is_read() -> None:
    seen: list[int] = []
    progress = progress_for("upload", 5, on_progress=lambda d, _t: seen.append(d))
    assert progress is not None
    reader = ProgressReader(io.BytesIO(b"12345"), progress)
    assert reader.read(2) == b"12"
    assert reader.read() == b"345"
    assert reader.tell() == 5  # the file's own methods pass through
    assert seen == [2, 5]


def test_bar_renders_on_a_terminal() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True, width=100)
    progress = progress_for("upload big.bin", 2 * AUTO_SHOW_MIN_TOTAL, console=console)
    assert progress is not None
    with progress:
        progress.advance(AUTO_SHOW_MIN_TOTAL)
        progress.advance(AUTO_SHOW_MIN_TOTAL)
    text = out.getvalue()
    assert "upload big.bin" in text
    assert "16.8/16.8 MB" in text  # DownloadColumn: done/total in bytes


def test_show_false_draws_nothing_even_on_a_console() -> None:
    out = io.StringIO()
    console = Console(file=out, force_terminal=True)
    assert progress_for("x", 10**9, show=False, console=console) is None
    assert out.getvalue() == ""


def test_progress_true_draws_a_bar_on_stderr(
    fake: Router, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fake.on("POST", "/v1/sandboxes", json_response(201, sandbox_json(auth_token="jwt")))
    sb = Sandbox.create(template="base", api_key=API_KEY, base_url=CP_URL, transport=TRANSPORT)
    fake.agent("POST", "/files/upload", {"path": "/workspace/f.bin", "size": 3})
    local = tmp_path / "f.bin"
    local.write_bytes(b"abc")
    sb.files.upload(str(local), "/workspace/f.bin", progress=True)
    assert "upload f.bin" in capsys.readouterr().err
