"""The other decisions of "How requests are read" (both documents' info.description), each
checked against the spec-first server built from the real document: what a Go service accepts
is accepted, what it refuses is refused."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from tests.contracts.test_null_means_not_given import _Recorder, recording_servers


@pytest.fixture(scope="module")
def servers() -> dict[str, tuple[TestClient, _Recorder]]:
    return recording_servers()


def _field(response: Any) -> Any:
    body = response.json()
    error = body["error"] if isinstance(body.get("error"), dict) else body
    return error["details"].get("field")


def test_unknown_query_parameters_are_ignored(
    servers: dict[str, tuple[TestClient, _Recorder]],
) -> None:
    control, _ = servers["control-plane"]
    agent, _ = servers["vm-agent"]
    listed = control.get("/v1/sandboxes", params={"limit": 5, "page_token": "x", "sort": "y"})
    assert listed.status_code == 200, listed.text
    exists = agent.get("/files/exists", params={"path": "/workspace/a", "\U00049607}\r": ""})
    assert exists.status_code == 200, exists.text


def test_an_empty_optional_query_parameter_is_not_given(
    servers: dict[str, tuple[TestClient, _Recorder]],
) -> None:
    control, recorder = servers["control-plane"]
    assert control.get("/v1/sandboxes?limit=&status=").status_code == 200
    assert control.get("/v1/sandboxes").status_code == 200
    assert recorder.seen[-2] == recorder.seen[-1]
    agent, _ = servers["vm-agent"]
    assert agent.get("/files/exists?path=").status_code == 400  # required: refused
    assert control.get("/v1/sandboxes?cursor=").status_code == 200


def test_an_empty_string_where_a_number_is_expected_is_a_wrong_type(
    servers: dict[str, tuple[TestClient, _Recorder]],
) -> None:
    control, _ = servers["control-plane"]
    created = control.post("/v1/sandboxes", json={"template_name": "b", "disk_gb": ""})
    assert created.status_code == 400 and _field(created) == "disk_gb"
    listed = control.get("/v1/sandboxes?limit=")  # but a query value is text: not given
    assert listed.status_code == 200


def test_unknown_body_properties_are_ignored_except_in_closed_build_objects(
    servers: dict[str, tuple[TestClient, _Recorder]],
) -> None:
    control, _ = servers["control-plane"]
    agent, _ = servers["vm-agent"]
    created = control.post("/v1/sandboxes", json={"template_name": "base", "gpu": True})
    assert created.status_code == 201, created.text
    ran = agent.post("/execute", json={"code": "1", "preflight": False})
    assert ran.status_code == 200, ran.text
    stopped = agent.post("/desktop/vnc/stop", json={"force": True})
    assert stopped.status_code == 200, stopped.text
    build = {
        "name": "t",
        "from_image": "python:3.12",
        "cpu": 1,
        "memory": 512,
        "diskGB": 1,
        "steps": [{"type": "RUN", "args": ["true"], "fileshash": "x"}],
    }
    refused = control.post("/v1/templates/build", json=build)
    assert refused.status_code == 400
    assert _field(refused) == "steps.0"


def test_numbers_are_not_read_from_strings_in_bodies(
    servers: dict[str, tuple[TestClient, _Recorder]],
) -> None:
    control, _ = servers["control-plane"]
    agent, _ = servers["vm-agent"]
    created = control.post("/v1/sandboxes", json={"template_name": "b", "timeout_seconds": "60"})
    assert created.status_code == 400 and _field(created) == "timeout_seconds"
    ran = agent.post("/execute", json={"code": "1", "timeout": "30"})
    assert ran.status_code == 400 and _field(ran) == "timeout"
    assert control.get("/v1/sandboxes", params={"limit": "5"}).status_code == 200  # query: text


@pytest.mark.parametrize(
    "content_type",
    [None, "text/plain", "application/x-www-form-urlencoded", "application/merge-patch+json"],
)
def test_a_json_body_is_read_whatever_the_usual_content_type(
    servers: dict[str, tuple[TestClient, _Recorder]], content_type: str | None
) -> None:
    agent, recorder = servers["vm-agent"]
    headers = {"Content-Type": content_type} if content_type else {}
    ran = agent.post("/execute", content=b'{"code": "print(1)"}', headers=headers)
    assert ran.status_code == 200, ran.text
    assert recorder.seen[-1]["code"] == "print(1)"


def test_other_content_types_answer_415(
    servers: dict[str, tuple[TestClient, _Recorder]],
) -> None:
    agent, _ = servers["vm-agent"]
    sent = agent.post("/execute", content=b"<code/>", headers={"Content-Type": "application/xml"})
    assert sent.status_code == 415
    upload = agent.post("/files/upload", content=b"{}", headers={"Content-Type": "text/plain"})
    assert upload.status_code == 415  # multipart only: nothing to read as JSON


@pytest.mark.parametrize("text", ["NaN", "Infinity", "-Infinity", "1e400"])
def test_numbers_json_has_not_are_refused(
    servers: dict[str, tuple[TestClient, _Recorder]], text: str
) -> None:
    agent, _ = servers["vm-agent"]
    sent = agent.post(
        "/execute",
        content=b'{"code": "1", "timeout": ' + text.encode() + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert sent.status_code == 400
    assert sent.json()["code"] == "INVALID_JSON"
