"""Judging a case by the request that was actually sent, after the call and before the checks.

Schemathesis labels each case positive or negative when it generates it; serialization and its
URL building can change what goes out (an integer for a string query parameter is sent as "0",
a valid string; a boundary value may overshoot ``maxLength``; ``limit='100'`` is checked against
``type: integer``). These functions restore typed query values and relabel a case by what was
sent, so the checks judge the real request. See ``hooks`` for the full list.
"""

from __future__ import annotations

import contextlib
import copy
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from schemathesis.core import NotSet
from schemathesis.generation.modes import GenerationMode
from schemathesis.transport.serialization import serialize_binary

from tests.contract import documents, provisioning


def typed(value: Any, schema: Mapping[str, Any]) -> Any:
    """The number or boolean ``value`` spells, if it serializes back to exactly that text."""
    kind = schema.get("type")
    if not isinstance(value, str):
        return value
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    candidates: list[Any] = []
    if kind in ("integer", "number") and re.fullmatch(r"-?[0-9]+", value):
        candidates.append(int(value))
    if kind == "number" and re.fullmatch(r"-?[0-9.e+-]+", value):
        with contextlib.suppress(ValueError):
            candidates.append(float(value))
    for number in candidates:
        if str(number) == value:
            return number
    return value


def retype_query(case: Any) -> None:
    """Numeric and boolean query values back to numbers and booleans (the wire is unchanged)."""
    if not isinstance(case.query, dict) or not case.query:
        return
    schemas = documents.parameters(case, "query")
    for name, value in case.query.items():
        if name in schemas:
            case.query[name] = typed(value, schemas[name])


def relabel_by_what_was_sent(case: Any, *, accepted: bool = False) -> None:
    """``accepted``: the server answered with a success (2xx)."""
    meta = case.meta
    if meta is None:
        return
    valid = sent_request_is_valid(case)
    if meta.generation.mode.is_positive:
        if valid is False:  # e.g. a boundary value one character over maxLength
            _set_mode(meta, GenerationMode.NEGATIVE)
        return
    if valid is not True:
        return
    if accepted:  # valid and accepted: nothing more to ask of it
        _set_mode(meta, GenerationMode.POSITIVE)
        return
    # Only if a positive case would have been sent exactly like this (no template, path or
    # encoding supplied): otherwise the request lacks what the server needs beyond the schema.
    sent = body_as_sent(case)
    if isinstance(sent, dict | list) and provisioning.body(case, copy.deepcopy(sent)) != sent:
        return
    if provisioning.query(case, copy.deepcopy(case.query)) != case.query:
        return
    _set_mode(meta, GenerationMode.POSITIVE)


def sent_request_is_valid(case: Any) -> bool | None:
    """Whether the parameters and body of ``case``, as sent, satisfy the document.

    By the documents' own rules: unknown query parameters are ignored (only the declared ones
    are judged); ``null`` on an optional body property, and ``""`` where a value cannot be empty,
    mean "not given". None when that
    cannot be judged here (a raw body).
    """
    for location, sent in (("path", case.path_parameters), ("query", case.query)):
        schemas = documents.parameters(case, location)
        sent = sent if isinstance(sent, dict) else {}
        if set(sent) - set(schemas):
            if location != "query":
                return None
            # Judged here, not by schemathesis' exemption for unknown parameters: that one
            # checks the declared values against schemas whose `pattern` it has rewritten
            # with their min/maxLength, wrongly for FilePathQuery (a valid path not ending
            # in "/" failed it: make contract, vm-agent suite, seed 20251121).
            sent = {name: value for name, value in sent.items() if name in schemas}
        required = documents.required_parameters(case, location)
        if location == "query":  # `?path=` on an optional parameter: not given (see above)
            sent = {
                name: value
                for name, value in sent.items()
                if name in required or value != "" or documents.is_valid(schemas[name], "")
            }
        if not required <= set(sent):
            return False
        for name, value in sent.items():
            schema = schemas[name]
            if location == "query":
                if not documents.is_valid(schema, _query_value(value, schema)):
                    return False
            # Path values may arrive percent-encoded by the generator or raw.
            elif not any(documents.is_valid(schema, v) for v in (str(value), unquote(str(value)))):
                return False
    schema = documents.body_schema(case)
    if schema is None:
        return True
    if isinstance(case.body, NotSet):
        return not documents.body_required(case)
    media_type = case.media_type or "application/json"
    if media_type == "multipart/form-data":
        return _form_is_valid(case.body, schema)
    if media_type != "application/json":
        return None  # raw bodies: not judged here
    return documents.is_valid(schema, documents.without_unset_optionals(schema, case.body))


def body_as_sent(case: Any) -> Any:
    """The body as it went out: a multipart form's single parts as their text."""
    if case.media_type == "multipart/form-data" and isinstance(case.body, dict):
        return {
            name: value if isinstance(value, list) else _form_text(value)
            for name, value in case.body.items()
        }
    return case.body


def _set_mode(meta: Any, mode: GenerationMode) -> None:
    meta.generation.mode = mode
    for info in meta.components.values():
        info.mode = mode


def _query_value(value: Any, schema: Mapping[str, Any]) -> Any:
    """A query value as the server reads it: text turned into the schema's type when it parses."""
    if schema.get("type") == "array":
        items = value if isinstance(value, list) else str(value).split(",")
        return [_query_value(item, schema.get("items", {})) for item in items]
    if isinstance(value, list):
        value = value[-1] if value else ""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return typed(text, schema)


def _form_text(value: Any) -> str:
    """A form value as schemathesis puts it on the wire (its ``_prepare_form_data``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int):  # bool included: requests sends str(value)
        return str(value)
    return serialize_binary(value).decode("utf-8", "replace")


def _form_is_valid(body: Any, schema: Any) -> bool | None:
    """Whether a multipart body, as sent, has every required part and valid declared parts."""
    schema = documents.resolve(schema)
    if not isinstance(body, dict) or not isinstance(schema, Mapping):
        return None
    properties = schema.get("properties", {})
    if not set(schema.get("required", [])) <= set(body):
        return False
    for name, value in body.items():
        if name not in properties:
            continue  # undeclared parts are ignored, repeated or not
        field = documents.resolve(properties[name])
        parts = value if isinstance(value, list) else [value]
        if field.get("type") == "array":
            continue
        if len(parts) != 1:
            return False  # a declared single field sent several times
        if field.get("format") in ("binary", "byte"):
            continue
        if not documents.is_valid(field, _form_text(parts[0])):
            return False
    return True
