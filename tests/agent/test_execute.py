"""POST /execute: the four languages, the Jupyter kernel's state and rich outputs, timeouts."""

from __future__ import annotations

import base64
import io
from typing import Any

import httpx
import pytest
from PIL import Image

from .conftest import RunningAgent


def run(api: httpx.Client, code: str, **fields: Any) -> dict[str, Any]:
    response = api.post("/execute", json={"code": code, **fields})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


@pytest.mark.parametrize(
    ("language", "code"),
    [
        ("python", "print(6 * 7)"),
        ("javascript", "console.log(6 * 7)"),
        ("bash", "echo $((6 * 7))"),
        ("sh", "expr 6 \\* 7"),
        ("go", 'import "fmt"\n\nfunc main() { fmt.Println(6 * 7) }'),
    ],
)
def test_each_language_runs(api: httpx.Client, conforms: Any, language: str, code: str) -> None:
    body = run(api, code, language=language, timeout=120)
    conforms("ExecuteResponse", body)
    assert (body["stdout"], body["exit_code"], body["success"]) == ("42\n", 0, True)
    assert body["language"] == language


def test_a_failing_program_is_a_200_with_its_exit_code(api: httpx.Client) -> None:
    body = run(api, "echo oops >&2; exit 3", language="bash")
    assert (body["exit_code"], body["success"], body["stderr"]) == (3, False, "oops\n")


def test_go_compile_errors_are_reported(api: httpx.Client) -> None:
    body = run(api, "func main() { undefined() }", language="go", timeout=120)
    assert body["success"] is False and "undefined" in body["stderr"]


def test_kernel_keeps_state_between_calls(api: httpx.Client) -> None:
    run(api, "counter = 41")
    body = run(api, "counter += 1\ncounter")
    assert body["result"] == "42"
    assert body["rich_outputs"] == [
        {"type": "text/plain", "data": "42", "format": "text", "metadata": {"size": 2}}
    ]


def test_kernel_exception(api: httpx.Client, conforms: Any) -> None:
    body = run(api, "def f():\n    raise ValueError('bad value')\nf()")
    conforms("ExecuteResponse", body)
    assert (body["success"], body["exit_code"]) == (False, 1)
    assert body["error"] == "ValueError: bad value"
    assert "Traceback" in body["stderr"] and "\x1b[" not in body["stderr"]


def test_matplotlib_figure_is_a_real_png(api: httpx.Client, conforms: Any) -> None:
    code = (
        "import matplotlib.pyplot as plt\n"
        "fig, ax = plt.subplots(figsize=(4, 3), dpi=50)\n"
        "ax.plot([1, 2, 3], [3, 1, 2])\n"
        "plt.show()"
    )
    body = run(api, code, timeout=120)
    conforms("ExecuteResponse", body)
    image = Image.open(io.BytesIO(base64.b64decode(body["png"])))
    image.load()
    assert image.format == "PNG"
    assert 100 < image.width <= 200 and 75 < image.height <= 150  # 4x3 in at 50 dpi, trimmed
    assert len(image.getcolors(maxcolors=100_000) or []) > 2  # a drawing, not a blank image
    [output] = [o for o in body["rich_outputs"] if o["type"] == "image/png"]
    assert output["format"] == "base64" and output["data"] == body["png"]
    assert (output["metadata"]["width"], output["metadata"]["height"]) == image.size
    assert output["metadata"]["source"] == "matplotlib"


def test_pandas_dataframe_is_an_html_table(api: httpx.Client) -> None:
    code = "import pandas as pd\npd.DataFrame({'city': ['Oslo', 'Lima'], 'temp': [3, 19]})"
    body = run(api, code, timeout=120)
    html = body["html"]
    assert "<table" in html and "<td>Oslo</td>" in html and "<td>19</td>" in html
    assert body["rich_outputs"][0]["metadata"]["source"] == "pandas"
    assert "city" in body["result"]  # the text/plain form too


def test_other_rich_types(api: httpx.Client) -> None:
    code = (
        "from IPython.display import display, SVG, Markdown, JSON\n"
        "display(Markdown('# Title'))\n"
        'display(SVG(\'<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>\'))\n'
        "display(JSON({'a': 1}))"
    )
    body = run(api, code)
    assert body["markdown"] == "# Title"
    assert body["svg"].startswith("<svg")
    assert body["json"] == {"a": 1}
    assert [o["type"] for o in body["rich_outputs"]] == [
        "text/markdown",
        "image/svg+xml",
        "application/json",
    ]


def test_timeout_keeps_partial_output_and_the_kernel(api: httpx.Client, expect_error: Any) -> None:
    run(api, "survivor = 'still here'")
    # The kernel's peak memory from here on (writing 5 to clear_refs resets VmHWM).
    baseline = run(
        api,
        "open('/proc/self/clear_refs', 'w').write('5')\n"
        "import re; print(re.search(r'VmRSS:\\s+(\\d+)', open('/proc/self/status').read())[1])",
    )
    rss_kib = int(baseline["stdout"])
    response = api.post(
        "/execute",
        json={"code": "import time\nprint('started', flush=True)\ntime.sleep(30)", "timeout": 1},
    )
    error = expect_error(response, 408, "EXECUTION_TIMEOUT")
    assert error["details"]["timeout"] == 1
    assert error["details"]["stdout"] == "started\n"
    peak = run(
        api,
        "import re; print(re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())[1])",
    )
    print("peak growth MiB", (int(peak["stdout"]) - rss_kib) / 1024)
    # The 64 MiB string itself, and not the copies ipykernel made of all it was given.
    assert int(peak["stdout"]) - rss_kib < 100 * 1024
    assert run(api, "survivor")["result"] == "'still here'"


def test_timeout_of_a_process_kills_it(api: httpx.Client, expect_error: Any) -> None:
    response = api.post(
        "/execute",
        json={"code": "echo begin; sleep 31.25 & wait", "language": "bash", "timeout": 1},
    )
    error = expect_error(response, 408, "EXECUTION_TIMEOUT")
    assert error["details"]["stdout"] == "begin\n"
    leftovers = api.post("/commands/run", json={"command": "pgrep -f '^sleep 31.25' || true"})
    assert leftovers.json()["stdout"] == ""


def test_env_and_workdir(api: httpx.Client, agent: RunningAgent) -> None:
    (agent.workspace / "sub").mkdir(exist_ok=True)
    body = run(
        api,
        "echo $GREETING; pwd",
        language="bash",
        env={"GREETING": "hello"},
        workdir="/workspace/sub",
    )
    assert body["stdout"] == f"hello\n{agent.workspace / 'sub'}\n"
    in_kernel = run(
        api, "import os; os.environ.get('GREETING'), os.getcwd()", env={"GREETING": "k"}
    )
    assert in_kernel["result"] == repr(("k", str(agent.workspace)))
    after = run(api, "import os; print(os.environ.get('GREETING'))")
    assert after["stdout"] == "None\n"  # per-call env does not stick


def test_missing_workdir_is_404(api: httpx.Client, expect_error: Any) -> None:
    response = api.post("/execute", json={"code": "1", "workdir": "/workspace/nope"})
    expect_error(response, 404, "DIRECTORY_NOT_FOUND")


@pytest.mark.parametrize(
    ("body", "code"),
    [
        ({"code": "1", "language": "cobol"}, "INVALID_REQUEST"),
        ({"code": "1", "timeout": 0}, "INVALID_REQUEST"),
        ({"language": "python"}, "INVALID_REQUEST"),
    ],
)
def test_bad_requests(api: httpx.Client, expect_error: Any, body: Any, code: str) -> None:
    expect_error(api.post("/execute", json=body), 400, code)


def test_body_that_is_not_json(api: httpx.Client, expect_error: Any) -> None:
    response = api.post(
        "/execute", content=b"{not json", headers={"Content-Type": "application/json"}
    )
    expect_error(response, 400, "INVALID_JSON")


def test_base_template_runs_python_as_a_process(base_agent: RunningAgent) -> None:
    with base_agent.client() as client:
        body = run(client, "import sys\nprint(sys.executable)\n1 + 1")
    assert body["stdout"] == "/usr/bin/python3\n" or body["stdout"].endswith("python3\n")
    assert body["rich_outputs"] == [] and "result" not in body


def test_a_kernel_ignoring_the_interrupt_is_restarted(api: httpx.Client, expect_error: Any) -> None:
    run(api, "lost = 1")
    stubborn = (
        "import time\n"
        "while True:\n"
        "    try:\n"
        "        time.sleep(0.05)\n"
        "    except KeyboardInterrupt:\n"
        "        pass\n"
    )
    response = api.post("/execute", json={"code": stubborn, "timeout": 1})
    error = expect_error(response, 408, "EXECUTION_TIMEOUT")
    assert error["details"]["kernel_restarted"] is True
    after = run(api, "'lost' in globals(), 2 + 2")
    assert after["result"] == "(False, 4)"  # a fresh, working kernel


def test_a_dead_kernel_is_replaced(api: httpx.Client) -> None:
    body = run(api, "import os\nos._exit(3)")
    assert body["success"] is False and body["error"].startswith("KernelDied")
    assert "restarted" in body["stderr"]
    assert run(api, "6 * 7")["result"] == "42"


def test_huge_output_is_capped_in_the_kernel_and_its_variables_survive(
    api: httpx.Client,
) -> None:
    run(api, "survivor = 'still here'\nhuge = 'a' * (64 * 2**20) + 'END'")
    # The kernel's peak memory from here on (writing 5 to clear_refs resets VmHWM).
    status = "__import__('re').search(r'{}:\\s+(\\d+)', open('/proc/self/status').read())[1]"
    rss_kib = int(
        run(api, f"open('/proc/self/clear_refs', 'w').write('5')\n{status.format('VmRSS')}")[
            "result"
        ].strip("'")
    )
    # 64 MiB in one string and 32 MiB in many lines: far over the 10 MiB cap.
    for code in ("print(huge)", "for n in range(32 * 1024):\n    print(str(n).rjust(1023, '.'))"):
        body = run(api, code, timeout=120)
        assert body["success"] is True, body["stderr"][-500:]
        assert len(body["stdout"].encode()) <= 10 * 2**20 + 200
        assert "\u2026[truncated " in body["stdout"]
        assert body["stdout"].rstrip().endswith(("END", "32767"))  # the last half is kept
    peak_kib = int(run(api, status.format("VmHWM"))["result"].strip("'"))
    # Not the copies ipykernel (and IPython's output history) made of all it was given.
    assert peak_kib - rss_kib < 128 * 1024
    assert run(api, "survivor")["result"] == "'still here'"
    small = run(api, "print('x' * 1000)")
    assert small["stdout"] == "x" * 1000 + "\n"  # the cap starts again with each execution
