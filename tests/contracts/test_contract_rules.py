"""The rules every operation of the two contracts keeps (fails when a later change breaks one)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from openapi_spec_validator import validate

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared" / "reference" / "public-api"
DOCUMENTS = {"control-plane": "Error", "vm-agent": "ErrorResponse"}
METHODS = ("get", "put", "post", "delete", "patch", "head", "options")


def load(name: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / f"{name}.yaml").read_text())
    return document


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    for path, item in document["paths"].items():
        for method in METHODS:
            if method in item:
                yield path, method, item[method]


def resolve(document: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node


@pytest.fixture(params=sorted(DOCUMENTS), scope="module")
def named(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, load(request.param)


def test_document_is_valid_openapi_3_0(named: tuple[str, dict[str, Any]]) -> None:
    _, document = named
    assert document["openapi"].startswith("3.0.")
    validate(document)


def test_every_operation_has_camel_case_unique_id_one_tag_summary_and_security(
    named: tuple[str, dict[str, Any]],
) -> None:
    _, document = named
    seen: set[str] = set()
    problems = []
    for path, method, op in operations(document):
        where = f"{method.upper()} {path}"
        op_id = op.get("operationId", "")
        if not re.fullmatch(r"[a-z][a-zA-Z0-9]*", op_id):
            problems.append(f"{where}: operationId {op_id!r} is not camelCase")
        if op_id in seen:
            problems.append(f"{where}: duplicate operationId {op_id}")
        seen.add(op_id)
        if len(op.get("tags", [])) != 1:
            problems.append(f"{where}: needs exactly one tag")
        if not op.get("summary"):
            problems.append(f"{where}: no summary")
        if "security" not in op:
            problems.append(f"{where}: no explicit security")
    assert not problems, "\n".join(problems)


def test_every_error_response_uses_the_shared_error_schema(
    named: tuple[str, dict[str, Any]],
) -> None:
    name, document = named
    expected = f"#/components/schemas/{DOCUMENTS[name]}"
    problems = []
    for path, method, op in operations(document):
        for status, response in op.get("responses", {}).items():
            if str(status)[0] not in "45":
                continue
            if "$ref" not in response or not response["$ref"].startswith("#/components/responses/"):
                problems.append(f"{method.upper()} {path} {status}: not via components/responses")
                continue
            schema = resolve(document, response)["content"]["application/json"]["schema"]
            if schema.get("$ref") != expected:
                problems.append(f"{method.upper()} {path} {status}: schema is not {expected}")
    assert not problems, "\n".join(problems)


def test_every_websocket_endpoint_documents_its_messages(named: tuple[str, dict[str, Any]]) -> None:
    _, document = named
    schemas = document["components"]["schemas"]
    for path, _method, op in operations(document):
        if not op.get("x-websocket"):
            continue
        for key in ("x-client-messages", "x-server-messages"):
            refs = op.get(key)
            assert refs, f"{path}: {key} missing"
            for ref in refs:
                assert ref["$ref"].split("/")[-1] in schemas, f"{path}: {ref} is not a component"


def test_websocket_endpoints_are_not_in_the_generated_http_client() -> None:
    document = load("vm-agent")
    generated = ROOT / "generated" / "hopx_agent_api" / "api"
    modules = {p.stem for p in generated.rglob("*.py")}
    for _, _, op in operations(document):
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", op["operationId"]).lower()
        assert (snake in modules) != bool(op.get("x-websocket")), op["operationId"]


def test_schema_names_are_pascal_case(named: tuple[str, dict[str, Any]]) -> None:
    _, document = named
    bad = [
        n for n in document["components"]["schemas"] if not re.fullmatch(r"[A-Z][A-Za-z0-9]*", n)
    ]
    assert not bad


def _inline_schemas(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "object" and "properties" in node:
            yield node
        for value in node.values():
            yield from _inline_schemas(value)
    elif isinstance(node, list):
        for value in node:
            yield from _inline_schemas(value)


def test_no_inline_schema_duplicates_a_named_one(named: tuple[str, dict[str, Any]]) -> None:
    _, document = named
    canonical = {
        json.dumps(schema, sort_keys=True): name
        for name, schema in document["components"]["schemas"].items()
    }
    for inline in _inline_schemas(document["paths"]):
        key = json.dumps(inline, sort_keys=True)
        assert key not in canonical, f"inline schema duplicates {canonical[key]}"


def test_request_bodies_and_success_responses_have_examples(
    named: tuple[str, dict[str, Any]],
) -> None:
    _, document = named

    def has_example(media: dict[str, Any]) -> bool:
        schema = resolve(document, media.get("schema", {}))
        return "example" in media or "examples" in media or "example" in schema

    problems = []
    for path, method, op in operations(document):
        body = resolve(document, op.get("requestBody", {}))
        for media_type, media in body.get("content", {}).items():
            if media_type == "application/json" and not has_example(media):
                problems.append(f"{method.upper()} {path}: request body without example")
        for status, response in op.get("responses", {}).items():
            if not str(status).startswith("2"):
                continue
            content = resolve(document, response).get("content", {})
            media = content.get("application/json")
            if media is not None and not has_example(media):
                problems.append(f"{method.upper()} {path} {status}: response without example")
    assert not problems, "\n".join(problems)


PUBLISHED = {
    "control-plane": "control-plane.public.json",
    "vm-agent": "vm-agent.public.json",
}


@pytest.mark.skipif(not SHARED.is_dir(), reason="../shared/reference is not beside this checkout")
def test_every_published_operation_is_covered(named: tuple[str, dict[str, Any]]) -> None:
    name, document = named
    published = json.loads((SHARED / PUBLISHED[name]).read_text())

    def shape(path: str) -> str:
        return re.sub(r"{[^}]+}", "{}", path)

    ours = {(shape(p), m) for p, m, _ in operations(document)}
    missing = [
        f"{method.upper()} {path}"
        for path, item in published["paths"].items()
        for method in METHODS
        if method in item and not path.startswith("/update/") and (shape(path), method) not in ours
    ]
    assert not missing, f"published operations missing from {name}.yaml: {missing}"
