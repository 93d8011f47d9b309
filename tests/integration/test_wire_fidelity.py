"""Requests that clients of the public service send, through a real hopx-local (issue #13).

The published Python SDK sends ``"workdir": null`` to ``POST /execute`` when ``working_dir=None``
is passed; other clients send ``null`` for every optional field they leave unset. Each is a
request the public (Go) service accepts as if the property were absent.
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.integration.control_plane import Sandboxes, error_of

pytestmark = pytest.mark.integration


def test_create_with_null_optional_fields_is_a_create_without_them(
    cp: httpx.Client, sandboxes: Sandboxes
) -> None:
    nulls = {"region": None, "timeout_seconds": None, "env_vars": None, "internet_access": None}
    response = cp.post("/v1/sandboxes", json={"template_name": "base", **nulls})
    assert response.status_code == 201, response.text
    sandbox: dict[str, Any] = response.json()
    sandboxes.created.append(sandbox["id"])

    assert sandbox["status"] == "running"
    assert sandbox["timeout_seconds"] is None
    assert sandbox["internet_access"] is True  # the default, as when absent


def test_a_required_null_is_still_refused_naming_it(cp: httpx.Client, sandboxes: Sandboxes) -> None:
    sandbox = sandboxes.create()
    response = cp.put(f"/v1/sandboxes/{sandbox['id']}/timeout", json={"timeout_seconds": None})
    assert response.status_code == 400
    assert error_of(response)["details"]["field"] == "timeout_seconds"


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/execute", {"code": "import os; print(os.getcwd())", "workdir": None, "env": None}),
        ("/execute", {"code": "import os; print(os.getcwd())", "timeout": None, "language": None}),
        ("/commands/run", {"command": "pwd", "args": None, "workdir": None, "timeout": None}),
    ],
)
def test_the_agent_reads_null_as_not_given(
    sandboxes: Sandboxes, path: str, body: dict[str, Any]
) -> None:
    sandbox = sandboxes.create()
    with sandboxes.agent(sandbox) as agent:
        response = agent.post(path, json=body)
        assert response.status_code == 200, response.text
        assert response.json()["stdout"] == "/workspace\n"  # the default workdir
        background = agent.post(
            "/execute/background", json={"code": "print(1)", "name": None, "env": None}
        )
        assert background.status_code == 200, background.text
        missing = agent.post("/execute", json={"code": None})
        assert missing.status_code == 400
        assert missing.json()["details"]["field"] == "code"


def test_unknown_query_parameters_are_ignored_by_the_agent(sandboxes: Sandboxes) -> None:
    """The request of the `make contract` failure (full profile, vm-agent, seed 20251121): a
    valid path plus unknown parameters; the agent answers it as the public one would."""
    sandbox = sandboxes.create()
    path = "</\n=\x01.\x15ajÒÈ\x95\x90\x8fWßS\U000a6d37\x8e\U00035332\x82"
    with sandboxes.agent(sandbox) as agent:
        response = agent.get("/files/exists", params={"path": path, "\U00049607}\x91,\x9eõÄ\r": ""})

        assert response.status_code == 200, response.text
        assert response.json()["exists"] is False
        assert response.json()["path"] == "/workspace/" + path
