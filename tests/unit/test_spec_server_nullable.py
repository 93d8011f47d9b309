"""``nullable: true`` beside ``allOf`` admits null (found by the contract suite: buildTemplate
answered 400 to ``"readyCmd": null``, which control-plane.yaml documents as "null = none").

Since both documents' rule "null on an optional property means not given", an optional null
reaches the handler as an absent property; the ``nullable`` verdicts still matter for required
properties (and for the validator itself, tests/unit/test_schema_check.py)."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from starlette.testclient import TestClient

from hopx_local.spec_server import Call, SpecApp

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/builds": {
            "post": {
                "operationId": "build",
                "security": [],
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Build"}}
                    },
                },
                "responses": {"201": {"description": "made"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Check": {
                "type": "object",
                "required": ["type"],
                "properties": {"type": {"type": "string", "enum": ["port", "url"]}},
            },
            "Build": {
                "type": "object",
                "required": ["must"],
                "properties": {
                    "must": {
                        "allOf": [{"$ref": "#/components/schemas/Check"}],
                        "nullable": True,
                    },
                    "strictly": {"$ref": "#/components/schemas/Check"},
                    "readyCmd": {
                        "allOf": [{"$ref": "#/components/schemas/Check"}],
                        "nullable": True,
                    },
                    "strict": {"$ref": "#/components/schemas/Check"},
                    "either": {
                        "oneOf": [{"type": "integer"}, {"type": "string"}],
                        "nullable": True,
                    },
                },
            },
        }
    },
}


async def build(call: Call) -> dict[str, Any]:
    return {"got": call.body}


@pytest.fixture
def client() -> TestClient:
    return TestClient(SpecApp(DOCUMENT, handlers={"build": build}, error_style="nested").asgi())


@pytest.mark.parametrize(
    ("extra", "seen"),
    [
        ({"readyCmd": None}, {}),
        ({"readyCmd": {"type": "port"}}, {"readyCmd": {"type": "port"}}),
        ({"either": None}, {}),
        ({"either": 3}, {"either": 3}),
        ({"strict": None}, {}),
    ],
)
def test_optional_null_is_not_given_and_valid_values_pass(
    client: TestClient, extra: dict[str, Any], seen: dict[str, Any]
) -> None:
    response = client.post("/builds", json={"must": None, **extra})
    assert response.status_code == 201, response.text
    assert response.json() == {"got": {"must": None, **seen}}


def test_nullable_composition_still_validates_non_null_values(client: TestClient) -> None:
    response = client.post("/builds", json={"must": None, "readyCmd": {"type": "smoke"}})
    assert response.status_code == 400
    assert response.json()["error"]["details"]["field"] == "readyCmd.type"


def test_a_required_reference_without_nullable_rejects_null(client: TestClient) -> None:
    assert client.post("/builds", json={"must": None, "strictly": None}).status_code == 201
    document = copy.deepcopy(DOCUMENT)
    document["components"]["schemas"]["Build"]["required"] = ["strictly"]
    app = SpecApp(document, handlers={"build": build}, error_style="nested").asgi()

    response = TestClient(app).post("/builds", json={"strictly": None})

    assert response.status_code == 400
    assert response.json()["error"]["details"]["field"] == "strictly"
