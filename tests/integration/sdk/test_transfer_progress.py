"""Long transfers report progress: ``on_progress(done, total)`` sees increasing byte counts that
end at the size, for uploads and downloads of 5 MB through a real hopx-local."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from tests.integration.sdk.support import aw

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]

SIZE = 5 * 1024 * 1024


def assert_reports_the_transfer(seen: list[tuple[int, int | None]]) -> None:
    done = [d for d, _ in seen]
    assert done[0] == 0 and done[-1] == SIZE, seen[-3:]
    assert done == sorted(done) and len(set(done)) > 4  # many steps, never backwards
    assert {total for _, total in seen} == {SIZE}


@pytest.mark.anyio
async def test_a_5_mb_upload_and_download_report_their_bytes(sbx: Any, tmp_path: Path) -> None:
    content = os.urandom(SIZE)
    local = tmp_path / "big.bin"
    local.write_bytes(content)
    uploaded: list[tuple[int, int | None]] = []
    await aw(sbx.files.upload(str(local), "/workspace/big.bin", on_progress=_add(uploaded)))
    assert_reports_the_transfer(uploaded)

    downloaded: list[tuple[int, int | None]] = []
    back = tmp_path / "back.bin"
    await aw(sbx.files.download("/workspace/big.bin", str(back), on_progress=_add(downloaded)))
    assert_reports_the_transfer(downloaded)
    assert back.read_bytes() == content


@pytest.mark.anyio
async def test_write_bytes_and_read_bytes_report_their_bytes(sbx: Any) -> None:
    content = os.urandom(SIZE)
    written: list[tuple[int, int | None]] = []
    await aw(sbx.files.write_bytes("/workspace/big2.bin", content, on_progress=_add(written)))
    assert_reports_the_transfer(written)
    read: list[tuple[int, int | None]] = []
    assert await aw(sbx.files.read_bytes("/workspace/big2.bin", on_progress=_add(read))) == content
    assert_reports_the_transfer(read)


def _add(seen: list[tuple[int, int | None]]) -> Any:
    return lambda done, total: seen.append((done, total))
