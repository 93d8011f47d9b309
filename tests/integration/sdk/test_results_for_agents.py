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


@pytest.mark.anyio
async def test_the_cells_main_result_is_its_text(sbx: Any) -> None:
    result = await aw(sbx.run_code("x = 6\nprint('working')\nx * 7"))
    assert (result.text, result.stdout) == ("42", "working\n")
    # a dataframe's main result is its plain-text table (the HTML is a rich output)
    frame = await aw(sbx.run_code("import pandas as pd\npd.DataFrame({'n': [1, 2]})"))
    assert frame.text is not None and frame.text.split() == ["n", "0", "1", "1", "2"]
    # code that ends in a statement, or fails, has no main result
    assert (await aw(sbx.run_code("y = 1"))).text is None
    assert (await aw(sbx.run_code("1/0"))).text is None


@pytest.mark.anyio
async def test_each_rich_output_renders_itself_in_jupyter(sbx: Any) -> None:
    result = await aw(
        sbx.run_code(
            "from IPython.display import HTML, Markdown, display\n"
            "import matplotlib.pyplot as plt\n"
            "display(HTML('<b>bold</b>'))\n"
            "display(Markdown('# title'))\n"
            "plt.figure(figsize=(2, 2)); plt.plot([1, 2]); plt.show()\n"
        )
    )
    by_type = {output.type: output for output in result.rich_outputs}
    # what IPython's display() calls on an object put alone in a cell
    assert by_type["text/html"]._repr_html_() == "<b>bold</b>"
    assert by_type["text/markdown"]._repr_markdown_() == "# title"
    assert by_type["image/png"]._repr_png_().startswith(b"\x89PNG\r\n\x1a\n")
    assert by_type["text/html"]._repr_png_() is None


@pytest.mark.anyio
async def test_exit_code_is_an_int_wherever_the_call_finished(sbx: Any) -> None:
    finished = [
        await aw(sbx.run_code("print(1)")),
        await aw(sbx.run_code("1/0")),
        await aw(sbx.run_code("echo hi; exit 4", language="bash")),
        await aw(sbx.commands.run("exit 5")),
        await aw(sbx.commands.run("echo x", on_stdout=lambda _: None)),
    ]
    codes = [result.exit_code for result in finished]
    assert [type(code) for code in codes] == [int] * 5, codes
    assert codes == [0, 1, 4, 5, 0]
