"""Test data a generator cannot know from the documents: what a positive case needs to succeed.

Applied to positive cases before they are sent (and, by ``labels``, to decide whether a
relabelled case would have been sent as it was). See ``hooks`` for why each rule exists.
"""

from __future__ import annotations

import base64
import os
import re
from typing import Any

from schemathesis.generation.meta import TestPhase

from tests.contract import documents

TEMPLATE = os.environ.get("HOPX_CONTRACT_TEMPLATE", "base")
STATEFUL_MIN_TIMEOUT = 600
UPLOAD_DESTINATION = "/workspace/contract-upload.bin"


def phase(case: Any) -> TestPhase | None:
    return case.meta.phase.name if case.meta is not None else None


def body(case: Any, value: Any) -> Any:
    """``value`` (a body of ``case``'s operation) as a positive case is sent."""
    operation_id = documents.operation_id(case)
    if isinstance(value, dict):
        if operation_id == "createSandbox" and phase(case) is not TestPhase.EXAMPLES:
            value.pop("template_id", None)
            value["template_name"] = TEMPLATE
        if (
            operation_id in ("createSandbox", "setSandboxTimeout")
            and phase(case) is TestPhase.STATEFUL
            and isinstance(value.get("timeout_seconds"), int)
        ):
            value["timeout_seconds"] = max(value["timeout_seconds"], STATEFUL_MIN_TIMEOUT)
        policy = value.get("network") if operation_id == "createSandbox" else value
        if operation_id in ("createSandbox", "updateSandboxNetwork") and isinstance(policy, dict):
            for name in ("allow_out", "deny_out"):
                if isinstance(policy.get(name), list):
                    policy[name] = [f"h{i}.example.com" for i in range(len(policy[name]))]
        if operation_id == "writeFile" and value.get("encoding") == "base64":
            raw = str(value.get("content", "")).encode("utf-8", "surrogatepass")
            value["content"] = base64.b64encode(raw).decode("ascii")
        if operation_id == "uploadFile" and value.get("path") in (None, ""):
            value["path"] = UPLOAD_DESTINATION
    if isinstance(value, dict | list):
        schema = documents.body_schema(case)
        if schema is not None:
            value = follow_key_patterns(value, schema)
    return value


def query(case: Any, value: Any) -> Any:
    listing = documents.operation_id(case) == "listSandboxes" and isinstance(value, dict)
    if listing and value.get("cursor") != "":  # an empty one is "not given": nothing made up
        value.pop("cursor", None)
    return value


def follow_key_patterns(value: Any, schema: Any) -> Any:
    """``value`` with every object key governed by an ``x-key-pattern`` made to match it."""
    schema = documents.resolve(schema)
    if not isinstance(schema, dict):
        return value
    for combinator in ("allOf", "oneOf", "anyOf"):
        for option in schema.get(combinator, []):
            value = follow_key_patterns(value, option)
    if isinstance(value, dict):
        pattern = schema.get("x-key-pattern")
        if pattern is not None:
            compiled = re.compile(pattern)
            value = {_valid_key(str(k), compiled): v for k, v in value.items()}
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in list(value.items()):
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                value[key] = follow_key_patterns(item, sub)
    elif isinstance(value, list) and "items" in schema:
        value = [follow_key_patterns(item, schema["items"]) for item in value]
    return value


def _valid_key(key: str, pattern: re.Pattern[str]) -> str:
    """A key matching ``pattern`` (the documents' env-name pattern), derived from ``key``."""
    if pattern.fullmatch(key):
        return key
    candidate = "K_" + "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in key)
    return candidate if pattern.fullmatch(candidate) else "K_"
