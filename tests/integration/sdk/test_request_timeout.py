"""``request_timeout=`` against a real hopx-local: a call slower than it raises the SDK's
``TimeoutError`` naming it; a generous one lets the same call finish."""

from __future__ import annotations

import time
from typing import Any

import pytest

from hopx_ai import errors
from tests.integration.sdk.support import aw

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


@pytest.mark.anyio
async def test_a_too_short_request_timeout_raises_the_typed_timeout_error(sbx: Any) -> None:
    started = time.monotonic()
    with pytest.raises(errors.TimeoutError, match=r"commands.run: .*\(request_timeout\)"):
        await aw(sbx.commands.run("sleep 2", request_timeout=0.5))
    assert time.monotonic() - started < 1.8
    with pytest.raises(errors.TimeoutError, match=r"run_code: .*\(request_timeout\)"):
        await aw(sbx.run_code("import time; time.sleep(2)", request_timeout=0.5))


@pytest.mark.anyio
async def test_a_generous_request_timeout_lets_the_call_finish(sbx: Any) -> None:
    result = await aw(sbx.commands.run("sleep 1; echo done", request_timeout=10))
    assert (result.exit_code, result.stdout) == (0, "done\n")
    await aw(sbx.files.write("/workspace/rt.txt", "x", request_timeout=10))
    assert await aw(sbx.files.read("/workspace/rt.txt", request_timeout=10)) == "x"
    assert (await aw(sbx.get_info(request_timeout=10))).status == "running"
