"""The OpenAPI document a suite runs against, as the hooks need it: schemas, parameters, bodies.

``HOPX_CONTRACT_SPEC`` names the YAML (the runner sets it for each suite); schemas are checked
with the same validator hopx-local uses, so "valid" means the same thing on both sides.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml


@cache
def _load(path: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(Path(path).read_text())
    return document


def document() -> dict[str, Any]:
    return _load(os.environ["HOPX_CONTRACT_SPEC"])


def resolve(node: Any) -> Any:
    """``node`` with its ``$ref`` chain followed."""
    for _ in range(16):
        if not isinstance(node, Mapping) or "$ref" not in node:
            return node
        target: Any = document()
        for part in node["$ref"].lstrip("#/").split("/"):
            target = target[part]
        node = target
    return node


def is_valid(schema: Any, value: Any) -> bool:
    from hopx_local.schema_check import SchemaChecker

    return SchemaChecker(document()).is_valid(schema, value)


def without_unset_optionals(schema: Any, value: Any) -> Any:
    """``value`` as the server reads it: ``null`` (or an impossible ``""``) on an optional
    property is "not given"."""
    from hopx_local.schema_check import SchemaChecker

    return SchemaChecker(document()).without_unset_optionals(schema, value)


def operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def parameters(case: Any, location: str) -> dict[str, Any]:
    """Name -> schema of the operation's parameters in ``location`` (path, query)."""
    found = {}
    for parameter in case.operation.definition.raw.get("parameters", []):
        parameter = resolve(parameter)
        if parameter.get("in") == location:
            found[parameter["name"]] = resolve(parameter.get("schema", {}))
    return found


def required_parameters(case: Any, location: str) -> set[str]:
    names = set()
    for parameter in case.operation.definition.raw.get("parameters", []):
        parameter = resolve(parameter)
        if parameter.get("in") == location and parameter.get("required"):
            names.add(parameter["name"])
    return names


def body_schema(case: Any) -> Any:
    """Schema of the request body in the case's media type (None: the operation has no body)."""
    request_body = resolve(case.operation.definition.raw.get("requestBody")) or {}
    media = request_body.get("content", {}).get(case.media_type or "application/json") or {}
    return media.get("schema")


def body_required(case: Any) -> bool:
    request_body = resolve(case.operation.definition.raw.get("requestBody"))
    return bool(request_body and request_body.get("required"))
