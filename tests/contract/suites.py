"""One schemathesis run of one contract document against one server: its settings and command.

Settings go into a generated ``schemathesis.toml`` (in the reports directory); secrets do not:
the configuration names them as ``${HOPX_CONTRACT_...}`` placeholders that schemathesis fills
from the environment of its process, so they appear neither in files nor in the process list.

Choices, and why:

* All phases (examples, coverage, fuzzing, stateful through the documents' ``links``), all
  checks, positive and negative data (``mode = all``).
* WebSocket operations (``x-websocket: true``) are not HTTP operations: excluded here, tested
  by their own tests.
* ``generation.with-security-parameters = false``: the suite sends real credentials. Schemathesis
  treats the alternatives of a ``security`` list (``X-API-Key`` OR ``Authorization: Bearer``) as
  all required; with generated security values it reports "missing Authorization not rejected"
  when the equally valid ``X-API-Key`` was sent. Authentication is still checked, by
  ``ignored_auth`` (each request that succeeds is repeated without credentials and with invalid
  ones, and must get 401).
* Header values: with security parameters not generated, no operation of either document has a
  header parameter, so schemathesis generates no header values at all. (The generated
  ``Authorization`` values were what carried control characters, which are not valid HTTP:
  uvicorn rejected those requests with a plain-text 400 before the application saw them.)
  Strings elsewhere keep the full Unicode range (file names, environment values, queries are
  percent-encoded or JSON).
* 5xx answers the documents promise for a reason are not server errors: ``501`` for the template
  builder on a server that does not provide it, ``503 DESKTOP_NOT_AVAILABLE`` for desktop
  operations outside the desktop template.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from tests.contract.profiles import Profile

ROOT = Path(__file__).resolve().parents[2]
NOT_A_SERVER_ERROR = ["2XX", "3XX", "4XX"]
POSITIVE_ACCEPTED = ["2XX", "401", "403", "404", "5XX"]


@attrs.frozen
class Suite:
    name: str
    """``control-plane`` or ``vm-agent``; names the junit file too."""
    spec: Path
    base_url: str
    headers: Mapping[str, str]
    """Header name -> environment variable holding its value."""
    env: Mapping[str, str] = attrs.field(repr=False)
    """Values of those environment variables and of the hooks' settings."""
    operations: Sequence[Mapping[str, Any]] = ()
    """Per-operation settings (schemathesis ``[[operations]]`` tables)."""
    exclude_operation_ids: Sequence[str] = ()


@attrs.frozen
class Outcome:
    suite: str
    returncode: int
    seconds: float
    junit: Path
    log: Path
    unreproduced_log: Path | None = None
    """The log of a first run whose only failure schemathesis could not reproduce."""


TEMPLATE_BUILDER = [
    "buildTemplate",
    "getTemplateBuildStatus",
    "getTemplateBuildLogs",
    "createTemplateUploadLink",
]


def control_plane_operations() -> list[dict[str, Any]]:
    return [
        {
            # Valid requests in a state the transition cannot start from get the documented 409
            # conflict (resuming a stopped sandbox); the stateful phase sends such sequences.
            "include-operation-id": [
                "pauseSandbox",
                "resumeSandbox",
                "startSandbox",
                "stopSandbox",
            ],
            "checks": {
                "positive_data_acceptance": {"expected-statuses": [*POSITIVE_ACCEPTED, "409"]}
            },
        },
        {
            # Documented: a server without the template builder answers 501 not_implemented.
            "include-operation-id": TEMPLATE_BUILDER,
            "checks": {"not_a_server_error": {"expected-statuses": [*NOT_A_SERVER_ERROR, "501"]}},
        },
    ]


def vm_agent_operations(*, desktop_coverage: bool = True) -> list[dict[str, Any]]:
    desktop: dict[str, Any] = {
        # Documented: 503 DESKTOP_NOT_AVAILABLE outside the desktop template.
        "include-operation-id-regex": "^desktop",
        "checks": {"not_a_server_error": {"expected-statuses": [*NOT_A_SERVER_ERROR, "503"]}},
    }
    if not desktop_coverage:
        desktop["phases"] = {"coverage": {"enabled": False}}
    return [
        {
            # The outcome of file operations depends on what earlier test cases left under the
            # generated names, not on the request's form: the wrong kind of object at a path
            # (reading or writing a directory, listing a file, removing a non-empty directory
            # without `recursive`) is the documented 400, and a name in the way (mkdir where a
            # file is, write without overwrite) the documented 409 FILE_ALREADY_EXISTS.
            "include-operation-id": [
                "listFiles",
                "readFile",
                "downloadFile",
                "writeFile",
                "removeFile",
                "makeDirectory",
                "uploadFile",
            ],
            "checks": {
                "positive_data_acceptance": {
                    "expected-statuses": [*POSITIVE_ACCEPTED, "400", "409"]
                }
            },
        },
        {
            # Documented: 408 EXECUTION_TIMEOUT when the code outlives the `timeout` the request
            # itself set (fuzzing sends `timeout: 1`; node starting on a loaded machine takes
            # longer): a valid request answered as documented, not a rejection.
            "include-operation-id": ["executeCode", "runCommand"],
            "checks": {
                "positive_data_acceptance": {"expected-statuses": [*POSITIVE_ACCEPTED, "408"]}
            },
        },
        {
            # DELETE /execute/kill ends a process; it does not delete its record (listed with
            # status `killed` afterwards), and killing it again is the documented idempotent 200.
            "include-operation-id": ["killExecuteProcess"],
            "checks": {"use_after_free": {"enabled": False}},
        },
        {
            # A file is named by the `path` query parameter, which schemathesis's use-after-free
            # check does not look at (it compares URL paths only): after one successful remove,
            # every later removeFile of any other path would count as a use of the freed one.
            # Reading a removed file answers 404 (tests/agent/test_files.py).
            "include-operation-id": ["removeFile"],
            "checks": {"use_after_free": {"enabled": False}},
        },
        desktop,
    ]


def _toml_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)  # a JSON string is a valid TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    raise TypeError(f"cannot write {value!r} as TOML")


def _toml_lines(table: Mapping[str, Any], prefix: str = "") -> list[str]:
    lines = []
    for key, value in table.items():
        dotted = f"{prefix}{json.dumps(key)}"
        if isinstance(value, Mapping):
            lines += _toml_lines(value, dotted + ".")
        else:
            lines.append(f"{dotted} = {_toml_value(value)}")
    return lines


def config_text(suite: Suite, profile: Profile, *, max_examples: int, seed: int) -> str:
    """The schemathesis.toml of ``suite`` under ``profile``."""
    root: dict[str, Any] = {
        "hooks": "tests.contract.hooks",
        "seed": seed,
        "continue-on-failure": True,
        # Hypothesis' stateful runner filters the calls whose links have no source yet; with few
        # operations that succeed on generated data it reports "filter_too_much" and stops.
        "suppress-health-check": ["filter_too_much"],
        "workers": profile.workers,
        "request-timeout": profile.request_timeout,
        "headers": {name: "${" + variable + "}" for name, variable in suite.headers.items()},
        # Only the warning that would mean the suite tests nothing: credentials not accepted.
        # ("Missing test data"/"validation mismatch" just say that random ids are not found.)
        "warnings": ["missing_auth"],
        "generation": {
            "mode": "all",
            "max-examples": max_examples,
            "with-security-parameters": False,
            "database": "none",
        },
        "phases": {
            "stateful": {
                "max-steps": profile.stateful_max_steps,
                # A link fixes the parameters it carries; for a call whose only parameter comes
                # from the link there is nothing left to make invalid, and hypothesis gives up
                # ("filter_too_much"). Sequences run on valid data; invalid data is what the
                # coverage and fuzzing phases send.
                "generation": {
                    "mode": "positive",
                    "max-examples": profile.stateful_scenarios[suite.name],
                },
            }
        },
        "output": {"sanitization": {"enabled": True}},
    }
    lines = _toml_lines(root)
    for operation in suite.operations:
        lines.append("")
        lines.append("[[operations]]")
        lines += _toml_lines(operation)
    return "\n".join(lines) + "\n"


def command(suite: Suite, config: Path, junit: Path) -> list[str]:
    argv = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(config),
        "run",
        str(suite.spec),
        "--url",
        suite.base_url,
        "--phases",
        "examples,coverage,fuzzing,stateful",
        "--checks",
        "all",
        "--exclude-by",
        "/x-websocket == true",
        "--report",
        "junit",
        "--report-junit-path",
        str(junit),
        "--no-color",
    ]
    for operation_id in suite.exclude_operation_ids:
        argv += ["--exclude-operation-id", operation_id]
    return argv


def run(
    suite: Suite,
    profile: Profile,
    *,
    reports: Path,
    max_examples: int,
    seed: int,
    environment: Mapping[str, str],
) -> Outcome:
    """Run schemathesis for ``suite``; its output goes to the terminal and to a log file.

    A run that fails with nothing to show (hypothesis could not reproduce the failure, so
    schemathesis lists no issue: "No issues found", exit 1) is run once more, and its log is
    kept and named in the summary; a failure it can show fails the suite at once.
    """
    reports.mkdir(parents=True, exist_ok=True)
    config = reports / f"contract-{suite.name}.toml"
    config.write_text(config_text(suite, profile, max_examples=max_examples, seed=seed))
    junit = reports / f"contract-{suite.name}.xml"
    log = reports / f"contract-{suite.name}.log"
    calls = reports / f"contract-{suite.name}.calls.log"
    env = {
        **environment,
        **suite.env,
        "HOPX_CONTRACT_SPEC": str(suite.spec),
        "HOPX_CONTRACT_CALLS_LOG": str(calls),
    }
    outcome = _run_schemathesis(suite, config, junit, log, env)
    if outcome.returncode == 0 or _UNREPRODUCED not in log.read_text(errors="replace"):
        return outcome
    kept = log.with_name(f"contract-{suite.name}.unreproduced.log")
    log.replace(kept)
    calls.replace(calls.with_name(f"contract-{suite.name}.unreproduced.calls.log"))
    print(
        f"\n{suite.name}: a failure that schemathesis could not reproduce (no issue listed); "
        f"running the suite once more. First run's log: {kept}\n",
        flush=True,
    )
    again = _run_schemathesis(suite, config, junit, log, env)
    return Outcome(suite.name, again.returncode, outcome.seconds + again.seconds, junit, log, kept)


_UNREPRODUCED = "No issues found"


def _run_schemathesis(
    suite: Suite, config: Path, junit: Path, log: Path, env: Mapping[str, str]
) -> Outcome:
    started = time.monotonic()
    Path(env["HOPX_CONTRACT_CALLS_LOG"]).write_text("")
    with log.open("w") as sink:
        process = subprocess.Popen(
            command(suite, config, junit),
            env=env,
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            errors="replace",
        )
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(line)
            sink.write(line)
        returncode = process.wait()
    return Outcome(suite.name, returncode, time.monotonic() - started, junit, log)
