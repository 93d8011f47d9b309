"""``nullable: true`` beside ``allOf`` admits null (found by the contract suite: buildTemplate
answered 400 to ``"readyCmd": null``, which control-plane.yaml documents as "null = none")."""

from __future__ import annotations

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
                "properties": {
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
    "body",
    [{"readyCmd": None}, {"readyCmd": {"type": "port"}}, {"either": None}, {"either": 3}],
)
def test_nullable_composition_accepts_null_and_valid_values(
    client: TestClient, body: dict[str, Any]
) -> None:
    response = client.post("/builds", json=body)
    assert response.status_code == 201, response.text
    assert response.json() == {"got": body}


def test_nullable_composition_still_validates_non_null_values(client: TestClient) -> None:
    response = client.post("/builds", json={"readyCmd": {"type": "smoke"}})
    assert response.status_code == 400
    assert response.json()["error"]["details"]["field"] == "readyCmd.type"


def test_a_reference_without_nullable_rejects_null(client: TestClient) -> None:
    response = client.post("/builds", json={"strict": None})
    assert response.status_code == 400
    assert response.json()["error"]["details"]["field"] == "strict"
