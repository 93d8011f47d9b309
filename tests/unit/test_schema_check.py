"""hopx_local.schema_check agrees with jsonschema's OAS 3.0 validator on our documents.

Every schema of both documents (components, request bodies, parameters) is checked against a
corpus: the documented examples, a value built to be valid, and that value with one thing
wrong at a time (each property replaced by values of every type and by out-of-range ones, each
required property removed, an unknown property added). Both validators must give the same
verdict, and the same field for the first problem.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any

import pytest

from hopx_local.schema_check import SchemaChecker, check_supported
from hopx_local.specs import load_spec, spec_path

DOCUMENTS = ("control-plane", "vm-agent")
ODD_VALUES: list[Any] = [None, True, 0, -1, 1.5, 10**12, "", "x", "x" * 5000, [], [1], {}, {"k": 1}]


@functools.cache
def reference_validator() -> Any:
    """jsonschema's OAS 3.0 validator with ``nullable`` beside the compositions honoured."""
    from jsonschema import validators  # type: ignore[import-untyped]
    from openapi_schema_validator import OAS30Validator

    def admitting_null(keyword: Callable[..., Iterable[Any]]) -> Callable[..., Iterable[Any]]:
        def check(validator: Any, value: Any, instance: Any, schema: Mapping[str, Any]) -> Any:
            if instance is None and schema.get("nullable") is True:
                return
            yield from keyword(validator, value, instance, schema)

        return check

    keywords = {
        name: admitting_null(OAS30Validator.VALIDATORS[name])
        for name in ("allOf", "oneOf", "anyOf")
    }
    return validators.extend(OAS30Validator, keywords)


def reference_fields(document: Mapping[str, Any], schema: Any, value: Any) -> list[str]:
    wrapped = {"allOf": [schema], "components": document.get("components", {})}
    fields = []
    for error in reference_validator()(wrapped).iter_errors(value):
        leaf = error
        while leaf.context:
            leaf = min(leaf.context, key=lambda e: len(e.context or []))
        fields.append(".".join(str(p) for p in leaf.absolute_path))
    return fields


def resolve(document: Mapping[str, Any], schema: Any) -> Any:
    while isinstance(schema, Mapping) and "$ref" in schema:
        node: Any = document
        for part in schema["$ref"][2:].split("/"):
            node = node[part]
        schema = node
    return schema


def sample(document: Mapping[str, Any], schema: Any, depth: int = 0) -> Any:
    """A value meant to satisfy ``schema`` (not always: patterns are not solved)."""
    schema = resolve(document, schema)
    if not isinstance(schema, Mapping) or depth > 6:
        return None
    if "example" in schema:
        return copy.deepcopy(schema["example"])
    if "enum" in schema:
        return schema["enum"][0]
    for key in ("allOf", "oneOf", "anyOf"):
        if schema.get(key):
            return sample(document, schema[key][0], depth + 1)
    kind = schema.get("type")
    if kind == "object" or "properties" in schema:
        return {
            name: sample(document, sub, depth + 1)
            for name, sub in schema.get("properties", {}).items()
            if name in schema.get("required", []) or depth == 0
        }
    if kind == "array":
        return [sample(document, schema.get("items", {}), depth + 1)] * schema.get("minItems", 1)
    if kind == "integer" or kind == "number":
        return schema.get("minimum", 0)
    if kind == "boolean":
        return False
    if kind == "string":
        return "a" * max(schema.get("minLength", 1), 1)
    return None


def variants(document: Mapping[str, Any], schema: Any) -> Iterator[Any]:
    base = sample(document, schema)
    yield base
    yield from ODD_VALUES
    resolved = resolve(document, schema)
    if not isinstance(base, dict) or not isinstance(resolved, Mapping):
        return
    for name in list(base) + list(resolved.get("properties", {})):
        for odd in ODD_VALUES:
            changed = dict(base)
            changed[name] = odd
            yield changed
        removed = dict(base)
        removed.pop(name, None)
        yield removed
    yield {**base, "surely_not_a_declared_property": 1}


def schemas(document: Mapping[str, Any]) -> Iterator[tuple[str, Any]]:
    for name, schema in document.get("components", {}).get("schemas", {}).items():
        yield f"components/{name}", schema
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if not isinstance(operation, Mapping):
                continue
            body = resolve(document, operation.get("requestBody", {}))
            for content_type, content in body.get("content", {}).items():
                yield f"{method} {path} {content_type}", content.get("schema", {})
            for parameter in operation.get("parameters", []):
                parameter = resolve(document, parameter)
                yield f"{method} {path} ?{parameter['name']}", parameter.get("schema", {})


CASES = [
    pytest.param(name, label, schema, id=f"{name}:{label}")
    for name in DOCUMENTS
    for label, schema in schemas(load_spec(spec_path(name)))
]


@pytest.mark.parametrize(("document_name", "label", "schema"), CASES)
def test_agrees_with_jsonschema(document_name: str, label: str, schema: Any) -> None:
    document = load_spec(spec_path(document_name))
    checker = SchemaChecker(document)
    for value in variants(document, schema):
        ours = [field for field, _ in checker.errors(schema, value)]
        theirs = reference_fields(document, schema, value)
        assert bool(ours) == bool(theirs), (label, value, ours, theirs)
        if ours:
            assert ours[0] == theirs[0], (label, value, ours, theirs)


def test_every_keyword_of_the_documents_is_supported() -> None:
    for name in DOCUMENTS:
        for label, schema in schemas(load_spec(spec_path(name))):
            check_supported(schema, label)


def test_an_unsupported_keyword_fails_at_load_naming_it() -> None:
    with pytest.raises(ValueError, match="'if' at #/properties/a"):
        check_supported({"type": "object", "properties": {"a": {"if": {"type": "string"}}}})


def test_messages_name_the_problem() -> None:
    checker = SchemaChecker({})
    schema = {
        "type": "object",
        "required": ["command"],
        "additionalProperties": False,
        "properties": {
            "command": {"type": "string", "minLength": 1},
            "timeout": {"type": "integer", "minimum": 1, "maximum": 3600},
            "env": {"type": "object", "additionalProperties": {"type": "string"}},
        },
    }
    assert checker.errors(schema, {}) == [("", "'command' is a required property")]
    assert checker.errors(schema, {"command": 5}) == [("command", "5 is not of type 'string'")]
    assert checker.errors(schema, {"command": "x", "timeout": 0}) == [
        ("timeout", "0 is less than the minimum of 1")
    ]
    assert checker.errors(schema, {"command": "x", "env": {"A": 1}}) == [
        ("env.A", "1 is not of type 'string'")
    ]
    assert checker.errors(schema, {"command": "x", "bogus": 1}) == [
        ("", "Additional properties are not allowed ('bogus' was unexpected)")
    ]
    assert checker.errors(schema, {"command": "x", "timeout": True}) == [
        ("timeout", "True is not of type 'integer'")
    ]


def test_nullable_admits_null_beside_type_and_compositions_only() -> None:
    document = {"components": {"schemas": {"S": {"type": "string"}}}}
    checker = SchemaChecker(document)
    ref = {"$ref": "#/components/schemas/S"}
    assert checker.is_valid({"type": "string", "nullable": True}, None)
    assert checker.is_valid({"allOf": [ref], "nullable": True}, None)
    assert checker.is_valid({"oneOf": [ref, {"type": "integer"}], "nullable": True}, None)
    assert not checker.is_valid({"allOf": [ref]}, None)
    assert not checker.is_valid({"type": "string", "enum": ["a"], "nullable": True}, None)
