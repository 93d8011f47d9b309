"""Bad input gets a 4xx with the documented error body naming the problem, never a 500."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.integration.control_plane import error_of

pytestmark = pytest.mark.integration

UNKNOWN = "sbx_0000000000000000"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"template_name": "base", "timeout_seconds": "ten"}, "timeout_seconds"),
        ({"template_name": "base", "timeout_seconds": -5}, "timeout_seconds"),
        ({"template_name": "base", "timeout_seconds": 0}, "timeout_seconds"),
        ({"template_name": "base", "timeout_seconds": 86401}, "timeout_seconds"),
        ({"template_name": "base", "timeout_seconds": 1.5}, "timeout_seconds"),
        ({"template_name": "base", "internet_access": "yes"}, "internet_access"),
        ({"template_name": 7}, "template_name"),
        ({"template_name": ""}, "template_id"),  # "" cannot be a name: not given (as in Go)
        ({"template_name": "base", "env_vars": ["A=1"]}, "env_vars"),
        ({"template_name": "base", "env_vars": {"A": 1}}, "env_vars.A"),
        ({"template_name": "base", "env_vars": {"1BAD": "x"}}, "env_vars.1BAD"),
        ({"template_name": "base", "env_vars": {"HAS SPACE": "x"}}, "env_vars.HAS SPACE"),
        ({}, "template_id"),
        ({"region": "us-east"}, "template_id"),
    ],
)
def test_create_with_invalid_field_is_400_naming_it(
    cp: httpx.Client, body: dict[str, Any], field: str
) -> None:
    before = {s["id"] for s in cp.get("/v1/sandboxes").json()["data"]}

    response = cp.post("/v1/sandboxes", json=body)

    assert response.status_code == 400, response.text
    error = error_of(response)
    assert error["code"] == "validation_error"
    assert error["details"]["field"] == field
    assert field.split(".")[0] in error["message"]
    assert {s["id"] for s in cp.get("/v1/sandboxes").json()["data"]} == before


def test_create_from_unknown_template_name_is_404_listing_templates(cp: httpx.Client) -> None:
    response = cp.post("/v1/sandboxes", json={"template_name": "pyhton"})

    assert response.status_code == 404
    error = error_of(response)
    assert error["code"] == "not_found"
    assert "pyhton" in error["message"]
    assert "code-interpreter" in error["message"]
    assert set(error["details"]["available_templates"]) >= {"code-interpreter", "base"}


@pytest.mark.parametrize("template_id", ["999999", 999999])
def test_create_from_unknown_template_id_is_404(cp: httpx.Client, template_id: object) -> None:
    response = cp.post("/v1/sandboxes", json={"template_id": template_id})

    assert response.status_code == 404
    assert error_of(response)["details"]["template_id"] == "999999"


def test_body_that_is_not_json_is_400(cp: httpx.Client) -> None:
    response = cp.post(
        "/v1/sandboxes", content=b"{not json", headers={"Content-Type": "application/json"}
    )

    assert response.status_code == 400
    assert "JSON" in error_of(response)["message"]


def test_body_that_is_not_an_object_is_400(cp: httpx.Client) -> None:
    response = cp.post("/v1/sandboxes", json=["base"])

    assert response.status_code == 400
    assert error_of(response)["code"] == "validation_error"


def test_form_encoded_body_is_rejected(cp: httpx.Client) -> None:
    # The server parses JSON whatever the Content-Type claims (curl -d sends form encoding);
    # what is not JSON is refused with a validation error (400, or 415 per the contract).
    response = cp.post(
        "/v1/sandboxes",
        content=b"template_name=base",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )

    assert response.status_code in (400, 415)
    assert error_of(response)["code"] == "validation_error"


def test_huge_body_is_413(cp: httpx.Client) -> None:
    filler = "x" * (2 * 1024 * 1024)
    response = cp.post("/v1/sandboxes", json={"template_name": "base", "padding": filler})

    assert response.status_code == 413
    error = error_of(response)
    assert error["code"] == "payload_too_large"
    assert error["details"]["limit_bytes"] == 1024 * 1024


@pytest.mark.parametrize("seconds", [-1, 0, "soon", None, 86401])
def test_set_timeout_with_invalid_seconds_is_400(cp: httpx.Client, seconds: object) -> None:
    response = cp.put(f"/v1/sandboxes/{UNKNOWN}/timeout", json={"timeout_seconds": seconds})

    assert response.status_code == 400
    assert error_of(response)["details"]["field"] == "timeout_seconds"


def test_set_timeout_without_body_is_400(cp: httpx.Client) -> None:
    response = cp.put(f"/v1/sandboxes/{UNKNOWN}/timeout")

    assert response.status_code == 400


@pytest.mark.parametrize(
    ("method", "suffix"),
    [
        ("GET", ""),
        ("DELETE", ""),
        ("POST", "/pause"),
        ("POST", "/resume"),
        ("POST", "/start"),
        ("POST", "/stop"),
        ("POST", "/token/refresh"),
    ],
)
def test_unknown_sandbox_is_404(cp: httpx.Client, method: str, suffix: str) -> None:
    response = cp.request(method, f"/v1/sandboxes/{UNKNOWN}{suffix}")

    assert response.status_code == 404
    error = error_of(response)
    assert error["code"] == "not_found"
    assert UNKNOWN in error["message"]


def test_set_timeout_of_unknown_sandbox_is_404(cp: httpx.Client) -> None:
    response = cp.put(f"/v1/sandboxes/{UNKNOWN}/timeout", json={"timeout_seconds": 60})

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"limit": 0}, "limit"),
        ({"limit": 101}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"status": "sleeping"}, "status"),
        ({"cursor": "not-a-cursor"}, "cursor"),
    ],
)
def test_list_with_invalid_query_is_400(
    cp: httpx.Client, query: dict[str, str | int], field: str
) -> None:
    response = cp.get("/v1/sandboxes", params=query)

    assert response.status_code == 400
    error = error_of(response)
    assert error["details"]["field"] == field
    assert error["details"]["location"] == "query"


def test_unknown_path_is_404_with_the_error_body(cp: httpx.Client) -> None:
    response = cp.get("/v1/nothing-here")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"


def test_wrong_method_is_405(cp: httpx.Client) -> None:
    response = cp.patch("/v1/sandboxes")

    assert response.status_code == 405
    assert error_of(response)["code"] == "method_not_allowed"
