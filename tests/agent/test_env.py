"""/env: the sandbox-wide variables, and that executions, commands and the kernel see them."""

from __future__ import annotations

from typing import Any

import httpx
import pytest


@pytest.fixture(autouse=True)
def restore_env(api: httpx.Client) -> Any:
    before = api.get("/env").json()["env_vars"]
    yield
    api.put("/env", json={"env_vars": before})


def test_create_time_variables_are_listed(api: httpx.Client, conforms: Any) -> None:
    body = api.get("/env").json()
    conforms("EnvVarsResponse", body)
    assert body["env_vars"] == {"CREATED_WITH": "sandbox-create"}
    assert "HOPX_MEMORY_LIMIT_BYTES" not in body["env_vars"]  # agent internals stay hidden


def test_replace_merge_delete(api: httpx.Client, conforms: Any) -> None:
    replaced = api.put("/env", json={"env_vars": {"A": "1", "B": "2"}}).json()
    conforms("EnvVarsResponse", replaced)
    assert (replaced["env_vars"], replaced["count"]) == ({"A": "1", "B": "2"}, 2)
    merged = api.patch("/env", json={"env_vars": {"B": "3", "C": "4"}, "merge": True}).json()
    assert merged["env_vars"] == {"A": "1", "B": "3", "C": "4"}
    one_gone = api.delete("/env", params={"key": "A"}).json()
    assert one_gone["env_vars"] == {"B": "3", "C": "4"}
    assert api.delete("/env", params={"key": "A"}).status_code == 200  # idempotent
    assert api.delete("/env").json()["env_vars"] == {}


def test_variables_reach_processes_and_the_kernel(api: httpx.Client) -> None:
    api.patch("/env", json={"env_vars": {"SHARED": "from-env-api"}})
    command = api.post("/commands/run", json={"command": "echo $SHARED"}).json()
    assert command["stdout"] == "from-env-api\n"
    node = api.post(
        "/execute", json={"code": "console.log(process.env.SHARED)", "language": "javascript"}
    ).json()
    assert node["stdout"] == "from-env-api\n"
    kernel = api.post("/execute", json={"code": "import os; os.environ['SHARED']"}).json()
    assert kernel["result"] == "'from-env-api'"
    override = api.post(
        "/commands/run", json={"command": "echo $SHARED", "env": {"SHARED": "per-call"}}
    ).json()
    assert override["stdout"] == "per-call\n"
    api.delete("/env", params={"key": "SHARED"})
    gone = api.post("/execute", json={"code": "import os; os.environ.get('SHARED', 'unset')"})
    assert gone.json()["result"] == "'unset'"


def test_base_environment_survives_clearing(api: httpx.Client) -> None:
    api.delete("/env")
    body = api.post("/commands/run", json={"command": "ls / >/dev/null && echo $HOME"}).json()
    assert body["exit_code"] == 0 and body["stdout"].strip()


@pytest.mark.parametrize(
    "env_vars", [{"1BAD": "x"}, {"BAD-NAME": "x"}, {"OK": "nul\u0000byte"}, {"OK": 5}]
)
def test_invalid_variables(api: httpx.Client, expect_error: Any, env_vars: Any) -> None:
    expect_error(api.patch("/env", json={"env_vars": env_vars}), 400, "INVALID_REQUEST")
    expect_error(api.put("/env", json={"env_vars": env_vars}), 400, "INVALID_REQUEST")
