"""The spec-first server: routing, validation and error bodies come from the document."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from hopx_local.spec_server import ApiError, Call, SpecApp

ERROR = {"$ref": "#/components/responses/Error"}
DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/things": {
            "post": {
                "operationId": "createThing",
                "security": [{"Key": []}],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/New"}}
                    },
                },
                "responses": {"201": {"description": "made"}, "400": ERROR},
            },
            "get": {
                "operationId": "listThings",
                "security": [],
                "parameters": [
                    {
                        "name": "limit",
                        "in": "query",
                        "schema": {"type": "integer", "minimum": 1, "maximum": 10, "default": 5},
                    }
                ],
                "responses": {"200": {"description": "ok"}},
            },
        },
        "/things/{id}": {
            "get": {
                "operationId": "getThing",
                "security": [],
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}
                ],
                "responses": {"200": {"description": "ok"}, "404": ERROR},
            }
        },
        "/things/special": {
            "get": {
                "operationId": "special",
                "security": [],
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
    "components": {
        "schemas": {
            "New": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string", "minLength": 1},
                    "size": {"type": "integer", "minimum": 0, "nullable": True},
                },
            }
        },
        "responses": {"Error": {"description": "error"}},
    },
}


async def create(call: Call) -> dict[str, Any]:
    return {"created": call.body["name"]}


async def list_things(call: Call) -> dict[str, Any]:
    return {"limit": call.query["limit"]}


async def get_thing(call: Call) -> dict[str, Any]:
    if call.path["id"] == "missing":
        raise ApiError(404, "not_found", "No thing 'missing'.")
    return {"id": call.path["id"]}


async def special(call: Call) -> dict[str, Any]:
    return {"special": True}


async def authenticate(request: Any, schemes: list[str], request_id: str) -> None:
    if request.headers.get("x-key") != "k":
        raise ApiError(401, "unauthorized", "Pass X-Key.")


def client(style: str) -> TestClient:
    app = SpecApp(
        DOCUMENT,
        handlers={
            "createThing": create,
            "listThings": list_things,
            "getThing": get_thing,
            "special": special,
        },
        error_style=style,  # type: ignore[arg-type]
        authenticate=authenticate,
    )
    return TestClient(app.asgi())


@pytest.fixture
def nested() -> TestClient:
    return client("nested")


def test_valid_request_reaches_the_handler_with_the_documented_status(nested: TestClient) -> None:
    response = nested.post("/things", json={"name": "a"}, headers={"x-key": "k"})
    assert response.status_code == 201
    assert response.json() == {"created": "a"}
    assert response.headers["x-request-id"].startswith("req_")


def test_body_violations_name_the_field(nested: TestClient) -> None:
    response = nested.post("/things", json={"name": "a", "size": -1}, headers={"x-key": "k"})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "validation_error"
    assert error["details"]["field"] == "size"
    assert "size" in error["message"]


def test_missing_required_field_and_bad_json(nested: TestClient) -> None:
    missing = nested.post("/things", json={}, headers={"x-key": "k"})
    assert missing.status_code == 400 and "name" in missing.json()["error"]["message"]
    broken = nested.post(
        "/things", content=b"{nope", headers={"x-key": "k", "content-type": "application/json"}
    )
    assert broken.status_code == 400 and "JSON" in broken.json()["error"]["message"]


def test_query_parameters_are_coerced_defaulted_and_checked(nested: TestClient) -> None:
    assert nested.get("/things").json() == {"limit": 5}
    assert nested.get("/things?limit=7").json() == {"limit": 7}
    bad = nested.get("/things?limit=abc")
    assert bad.status_code == 400 and bad.json()["error"]["details"]["field"] == "limit"
    assert nested.get("/things?limit=11").status_code == 400


def test_auth_unknown_paths_methods_and_handler_errors(nested: TestClient) -> None:
    assert nested.post("/things", json={"name": "a"}).status_code == 401
    unknown = nested.get("/nowhere")
    assert unknown.status_code == 404 and unknown.json()["error"]["code"] == "not_found"
    wrong = nested.delete("/things")
    assert wrong.status_code == 405 and "GET" in wrong.headers["allow"]
    assert nested.get("/things/missing").json()["error"]["message"] == "No thing 'missing'."


def test_literal_segments_win_over_parameters(nested: TestClient) -> None:
    assert nested.get("/things/special").json() == {"special": True}
    assert nested.get("/things/other").json() == {"id": "other"}


def test_flat_error_style() -> None:
    flat = client("flat")
    response = flat.get("/things?limit=0")
    body = response.json()
    assert response.status_code == 400
    assert body["code"] == "INVALID_REQUEST" and body["path"] == "/things"
    assert body["request_id"] == response.headers["x-request-id"] and body["timestamp"].endswith(
        "Z"
    )
