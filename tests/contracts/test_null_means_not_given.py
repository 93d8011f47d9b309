"""Both documents' rule: JSON ``null`` on an optional request property means "not given".

Walks every operation of both documents and every optional property of its JSON request body
(nested objects and array items included) and of the agent's WebSocket client messages. Each is
sent twice to the spec-first server built from the real document: once ``null``, once absent.
The handler (a recorder: the rule lives in the server, not in handlers) must see the same body,
and the answer must be the same. A required property set to ``null`` (and not ``nullable``) gets
the documented 400 naming it.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from starlette.testclient import TestClient

from hopx_local.agent.errors import AgentFault
from hopx_local.agent.ws_api import MessageValidator
from hopx_local.schema_check import SchemaChecker
from hopx_local.spec_server import Call, SpecApp

ROOT = Path(__file__).resolve().parents[2]
METHODS = ("get", "put", "post", "delete", "patch")
STYLES = {"control-plane": "nested", "vm-agent": "flat"}
Path_ = tuple[str | int, ...]


def _document(name: str) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((ROOT / "openapi" / f"{name}.yaml").read_text())
    return loaded


DOCUMENTS = {name: _document(name) for name in STYLES}


def _resolve(document: dict[str, Any], node: Any) -> dict[str, Any]:
    for _ in range(16):
        if not isinstance(node, dict) or "$ref" not in node:
            break
        target: Any = document
        for part in node["$ref"].removeprefix("#/").split("/"):
            target = target[part]
        node = target
    return node if isinstance(node, dict) else {}


def _object_parts(document: dict[str, Any], schema: Any) -> tuple[dict[str, Any], set[str]]:
    """Properties and required names of ``schema``, its ``allOf`` parts included."""
    schema = _resolve(document, schema)
    properties = dict(schema.get("properties", {}))
    required = set(schema.get("required", []))
    for part in schema.get("allOf", []):
        more, needed = _object_parts(document, part)
        properties = {**more, **properties}
        required |= needed
    return properties, required


def _nullable(document: dict[str, Any], schema: Any) -> bool:
    return bool(schema.get("nullable")) or bool(_resolve(document, schema).get("nullable"))


def _properties(
    document: dict[str, Any], schema: Any, value: Any, path: Path_ = ()
) -> Iterator[tuple[Path_, bool, bool]]:
    """(path, required, nullable) of every property of the objects present in ``value``."""
    if isinstance(value, list):
        items = _resolve(document, schema).get("items")
        for index, item in enumerate(value):
            if items is not None:
                yield from _properties(document, items, item, (*path, index))
        return
    if not isinstance(value, dict):
        return
    properties, required = _object_parts(document, schema)
    for name, sub in properties.items():
        yield (*path, name), name in required, _nullable(document, sub)
        if name in value:
            yield from _properties(document, sub, value[name], (*path, name))


def _example(document: dict[str, Any], media: dict[str, Any]) -> Any:
    if "example" in media:
        return copy.deepcopy(media["example"])
    schema = _resolve(document, media.get("schema", {}))
    return copy.deepcopy(schema.get("example", {}))


def _set(value: Any, path: Path_, item: Any) -> Any:
    changed = copy.deepcopy(value)
    node = changed
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = item
    return changed


def _without(value: Any, path: Path_) -> Any:
    changed = copy.deepcopy(value)
    node = changed
    for key in path[:-1]:
        node = node[key]
    node.pop(path[-1], None)
    return changed


def _parent_present(value: Any, path: Path_) -> bool:
    node = value
    for key in path[:-1]:
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return False
    return isinstance(node, dict)


def _json_operations(name: str) -> Iterator[tuple[str, str, dict[str, Any], dict[str, Any]]]:
    document = DOCUMENTS[name]
    for path, item in document["paths"].items():
        for method in METHODS:
            operation = item.get(method)
            if not operation:
                continue
            body = _resolve(document, operation.get("requestBody", {}))
            media = body.get("content", {}).get("application/json")
            if media is not None:
                yield path, method, operation, media


def _cases() -> Iterator[Any]:
    for name in STYLES:
        document = DOCUMENTS[name]
        for path, method, operation, media in _json_operations(name):
            example = _example(document, media)
            for where, required, nullable in _properties(document, media["schema"], example):
                if not _parent_present(example, where):
                    continue
                label = f"{name}:{operation['operationId']}:{'.'.join(map(str, where))}"
                yield pytest.param(name, path, method, where, required, nullable, id=label)


CASES = list(_cases())


class _Recorder:
    """Handlers that answer with the body they were given."""

    def __init__(self) -> None:
        self.seen: list[Any] = []

    def handlers(self, name: str) -> dict[str, Any]:
        async def record(call: Call) -> dict[str, Any]:
            self.seen.append(call.body)
            return {"body": call.body}

        return {
            operation["operationId"]: record
            for item in DOCUMENTS[name]["paths"].values()
            for operation in item.values()
            if isinstance(operation, dict) and "operationId" in operation
        }


def recording_servers() -> dict[str, tuple[TestClient, _Recorder]]:
    """Both documents served by the spec-first server, each handler recording what it got."""
    made = {}
    for name, style in STYLES.items():
        recorder = _Recorder()
        app = SpecApp(DOCUMENTS[name], handlers=recorder.handlers(name), error_style=style)  # type: ignore[arg-type]
        made[name] = (TestClient(app.asgi()), recorder)
    return made


@pytest.fixture(scope="module")
def servers() -> dict[str, tuple[TestClient, _Recorder]]:
    return recording_servers()


def _url(path: str) -> str:
    return path.replace("{", "").replace("}", "")  # any value fits a path parameter here


def test_every_document_has_optional_properties_to_check() -> None:
    optional = [case for case in CASES if not case.values[4]]
    assert len(optional) > 80  # the walk reaches the bodies (both documents, nested objects)
    assert any("readyCmd.timeout" in str(case.id) for case in optional)
    assert any("steps.0.filesHash" in str(case.id) for case in optional)


@pytest.mark.parametrize(("name", "path", "method", "where", "required", "nullable"), CASES)
def test_null_behaves_as_absent_and_required_null_is_refused(
    servers: dict[str, tuple[TestClient, _Recorder]],
    name: str,
    path: str,
    method: str,
    where: Path_,
    required: bool,
    nullable: bool,
) -> None:
    client, recorder = servers[name]
    document = DOCUMENTS[name]
    media = _resolve(document, document["paths"][path][method]["requestBody"])["content"][
        "application/json"
    ]
    example = _example(document, media)
    with_null = _set(example, where, None)
    null_answer = client.request(method, _url(path), json=with_null)

    if required and not nullable:
        assert null_answer.status_code == 400, null_answer.text
        body = null_answer.json()
        error = body["error"] if name == "control-plane" else body
        details = error["details"]
        assert details["field"] == ".".join(map(str, where)), body
        return
    if required:  # nullable and required: null is a value of its own
        assert null_answer.status_code < 300, null_answer.text
        return
    absent_answer = client.request(method, _url(path), json=_without(example, where))
    assert null_answer.status_code == absent_answer.status_code, null_answer.text
    assert null_answer.status_code < 300, null_answer.text
    assert recorder.seen[-2] == recorder.seen[-1]


def _frame(schema_name: str) -> dict[str, Any]:
    """A valid frame of the message ``schema_name`` with every property given (they have no
    examples): defaults, enums' first values, or the type's plain value."""
    document = DOCUMENTS["vm-agent"]
    plain = {"string": "x", "integer": 1, "number": 1, "boolean": True, "array": [], "object": {}}
    properties, _ = _object_parts(document, {"$ref": f"#/components/schemas/{schema_name}"})
    frame = {}
    for name, sub in properties.items():
        sub = {**_resolve(document, sub), **{k: v for k, v in sub.items() if k != "$ref"}}
        for part in sub.get("allOf", []):
            sub = {**_resolve(document, part), **sub}
        if "default" in sub:
            frame[name] = sub["default"]
        elif "enum" in sub:
            frame[name] = sub["enum"][0]
        else:
            frame[name] = sub.get("example", plain[sub.get("type", "string")])
    checker = SchemaChecker(document)
    assert checker.is_valid({"$ref": f"#/components/schemas/{schema_name}"}, frame), frame
    return frame


def _ws_messages() -> Iterator[Any]:
    document = DOCUMENTS["vm-agent"]
    for item in document["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or not operation.get("x-websocket"):
                continue
            for ref in operation.get("x-client-messages", []):
                schema_name = ref["$ref"].split("/")[-1]
                example = _frame(schema_name)
                for where, required, nullable in _properties(document, ref, example):
                    if _parent_present(example, where):
                        label = f"{schema_name}:{'.'.join(map(str, where))}"
                        yield pytest.param(schema_name, where, required, nullable, id=label)


@pytest.mark.parametrize(("schema_name", "where", "required", "nullable"), list(_ws_messages()))
def test_websocket_frames_follow_the_same_rule(
    schema_name: str, where: Path_, required: bool, nullable: bool
) -> None:
    document = DOCUMENTS["vm-agent"]
    validator = MessageValidator(document)
    example = _frame(schema_name)
    if required and not nullable:
        with pytest.raises(AgentFault) as refused:
            validator.check(schema_name, _set(example, where, None))
        assert refused.value.status == 400
        assert refused.value.details["field"] == ".".join(map(str, where))
        return
    assert validator.check(schema_name, _set(example, where, None)) == validator.check(
        schema_name, _without(example, where)
    )


def test_null_is_kept_where_it_is_not_a_property() -> None:
    """Array items and map values are not properties: a null there is a value (and refused)."""
    document = DOCUMENTS["vm-agent"]
    checker = SchemaChecker(document)
    schema = {"$ref": "#/components/schemas/CommandRequest"}
    body = {"command": "ls", "args": [None], "env": {"A": None}, "timeout": None}
    assert checker.without_unset_optionals(schema, body) == {
        "command": "ls",
        "args": [None],
        "env": {"A": None},
    }
    assert body["timeout"] is None  # the caller's value is not changed


def _property_schema(document: dict[str, Any], schema: Any, where: Path_) -> Any:
    for key in where:
        if isinstance(key, int):
            schema = _resolve(document, schema).get("items", {})
        else:
            schema = _object_parts(document, schema)[0][key]
    return schema


@pytest.mark.parametrize(("name", "path", "method", "where", "required", "nullable"), CASES)
def test_an_empty_string_that_cannot_be_a_value_is_not_given(
    servers: dict[str, tuple[TestClient, _Recorder]],
    name: str,
    path: str,
    method: str,
    where: Path_,
    required: bool,
    nullable: bool,
) -> None:
    document = DOCUMENTS[name]
    media = _resolve(document, document["paths"][path][method]["requestBody"])["content"][
        "application/json"
    ]
    schema = _property_schema(document, media["schema"], where)
    if required or not SchemaChecker(document).means_not_given(schema, ""):
        return  # a value like any other (or a wrong type): validated as such
    client, recorder = servers[name]
    example = _example(document, media)
    empty = client.request(method, _url(path), json=_set(example, where, ""))
    absent = client.request(method, _url(path), json=_without(example, where))
    assert (empty.status_code, absent.status_code) == (absent.status_code, absent.status_code)
    assert empty.status_code < 300, empty.text
    assert recorder.seen[-2] == recorder.seen[-1]


NEEDS_A_BODY_ANYWAY = {"createSandbox"}
"""Bodies without a required property that still cannot be left out: a create names a template
(`template_id` or `template_name`, one of two, which a `required` list cannot say)."""


def test_a_body_whose_properties_are_all_optional_may_be_left_out() -> None:
    problems = []
    for name in STYLES:
        document = DOCUMENTS[name]
        for path, method, operation, media in _json_operations(name):
            _, required = _object_parts(document, media["schema"])
            body = _resolve(document, operation["requestBody"])
            if required or operation["operationId"] in NEEDS_A_BODY_ANYWAY:
                continue
            if body.get("required"):
                problems.append(f"{name}: {method.upper()} {path} needs a body of all-optionals")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", sorted(STYLES))
def test_a_body_left_out_is_read_as_an_empty_object_with_defaults(
    servers: dict[str, tuple[TestClient, _Recorder]], name: str
) -> None:
    client, recorder = servers[name]
    document = DOCUMENTS[name]
    checked = 0
    for path, method, operation, _media in _json_operations(name):
        if _resolve(document, operation["requestBody"]).get("required"):
            continue
        left_out = client.request(method, _url(path))
        empty = client.request(method, _url(path), json={})
        assert left_out.status_code == empty.status_code == 200, (path, left_out.text)
        assert recorder.seen[-2] == recorder.seen[-1]
        checked += 1
    assert checked or name == "control-plane"
