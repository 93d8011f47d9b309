"""Multipart bodies: parts are checked against the document like JSON bodies are.

Found by the contract suite on POST /files/upload: a body with two ``file`` parts was answered
200 with one of them stored (the other dropped silently), and an empty file part counted as
missing.
"""

from __future__ import annotations

from typing import Any

import pytest
from starlette.datastructures import UploadFile
from starlette.testclient import TestClient

from hopx_local.spec_server import Call, SpecApp

DOCUMENT: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "t", "version": "1"},
    "paths": {
        "/upload": {
            "post": {
                "operationId": "upload",
                "security": [],
                "requestBody": {
                    "required": True,
                    "content": {
                        "multipart/form-data": {"schema": {"$ref": "#/components/schemas/Form"}}
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        }
    },
    "components": {
        "schemas": {
            "Form": {
                "type": "object",
                "required": ["file"],
                "properties": {
                    "file": {"type": "string", "format": "binary"},
                    "path": {"type": "string", "maxLength": 8, "pattern": "^[^\\x00]*$"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                },
            }
        }
    },
}


async def upload(call: Call) -> dict[str, Any]:
    described: dict[str, Any] = {}
    for name, value in call.body.items():
        if isinstance(value, UploadFile):
            described[name] = ["file", value.filename, (await value.read()).decode()]
        else:
            described[name] = value
    return described


@pytest.fixture
def client() -> TestClient:
    app = SpecApp(DOCUMENT, handlers={"upload": upload}, error_style="flat").asgi()
    return TestClient(app)


def test_a_file_part_and_a_text_field(client: TestClient) -> None:
    response = client.post("/upload", files={"file": ("a.txt", b"hi")}, data={"path": "/w/a"})
    assert response.status_code == 200, response.text
    assert response.json() == {"file": ["file", "a.txt", "hi"], "path": "/w/a"}


def test_an_empty_part_without_filename_is_present(client: TestClient) -> None:
    response = client.post("/upload", files={"file": (None, b"")})
    assert response.status_code == 200, response.text
    assert response.json() == {"file": ""}


def test_a_missing_required_part(client: TestClient) -> None:
    response = client.post("/upload", files={"other": ("x", b"x")})
    assert response.status_code == 400
    assert response.json()["code"] == "MISSING_PARAMETER"
    assert response.json()["details"]["field"] == "file"


def test_a_repeated_part_is_rejected_instead_of_dropping_one(client: TestClient) -> None:
    response = client.post("/upload", files=[("file", ("a", b"1")), ("file", ("b", b"2"))])
    assert response.status_code == 400
    assert response.json()["details"] == {"field": "file", "location": "body"}


def test_repeated_parts_of_an_array_field_are_all_kept(client: TestClient) -> None:
    response = client.post(
        "/upload", files=[("file", ("a", b"1")), ("tags", (None, b"x")), ("tags", (None, b"y"))]
    )
    assert response.status_code == 200, response.text
    assert response.json()["tags"] == ["x", "y"]


def test_undeclared_parts_may_repeat(client: TestClient) -> None:
    files = [("file", ("a", b"1")), ("extra", (None, b"x")), ("extra", (None, b"y"))]
    response = client.post("/upload", files=files)
    assert response.status_code == 200, response.text
    assert response.json()["extra"] == ["x", "y"]


def test_text_fields_are_validated_against_their_schema(client: TestClient) -> None:
    response = client.post("/upload", files={"file": ("a", b"1")}, data={"path": "/much/too/long"})
    assert response.status_code == 400
    assert response.json()["code"] == "INVALID_REQUEST"
    assert response.json()["details"]["field"] == "path"
