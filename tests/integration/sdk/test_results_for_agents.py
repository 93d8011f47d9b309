"""Results an agent can use, as a user meets them: ``commands.run`` output streamed to
callbacks while the command runs, on both clients."""

from __future__ import annotations

import time
from typing import Any

import pytest

from tests.integration.sdk.support import aw

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


@pytest.mark.anyio
async def test_commands_run_streams_output_to_callbacks_while_it_runs(sbx: Any) -> None:
    arrivals: list[tuple[float, str]] = []
    errors: list[str] = []
    started = time.monotonic()
    result = await aw(
        sbx.commands.run(
            "echo a; sleep 1; echo b; echo oops >&2",
            on_stdout=lambda data: arrivals.append((time.monotonic() - started, data)),
            on_stderr=errors.append,
        )
    )
    finished = time.monotonic() - started
    assert "".join(data for _, data in arrivals) == "a\nb\n"
    first_at, first = arrivals[0]
    assert first.startswith("a")
    # "a" arrived while the command still slept, not with its end
    assert first_at < finished - 0.5, (arrivals, finished)
    assert "".join(errors) == "oops\n"
    # the result is the usual CommandResult, with all of the output
    assert (result.exit_code, result.stdout, result.stderr) == (0, "a\nb\n", "oops\n")
    assert result.success is True


@pytest.mark.anyio
async def test_commands_run_with_callbacks_passes_the_exit_code(sbx: Any) -> None:
    seen: list[str] = []
    result = await aw(sbx.commands.run("echo x; exit 3", on_stdout=seen.append))
    assert (result.exit_code, result.success, "".join(seen)) == (3, False, "x\n")


@pytest.mark.anyio
async def test_an_exception_in_run_code_is_a_structured_error(sbx: Any) -> None:
    result = await aw(sbx.run_code("x = 1\n1/0"))
    error = result.error
    assert (error.name, error.value) == ("ZeroDivisionError", "division by zero")
    assert "1/0" in error.traceback and "\x1b[" not in error.traceback
    # still the published string form
    assert error == "ZeroDivisionError: division by zero"
    assert result.success is False


@pytest.mark.anyio
async def test_code_that_raises_nothing_has_no_error(sbx: Any) -> None:
    result = await aw(sbx.run_code("1 + 1"))
    assert result.error is None and result.success is True
