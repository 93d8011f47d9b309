"""Schemathesis hooks of the contract suites (imported by schemathesis: ``hooks`` in its config).

They supply what a generator cannot know from the documents alone, and nothing else:

* **Real templates for sandboxes that should be created.** `createSandbox` accepts any template
  name by schema (organizations have their own templates), but only existing ones create a
  sandbox; without one the stateful phase never gets past its first step. Positive request
  bodies therefore name the template given in ``HOPX_CONTRACT_TEMPLATE``. In the stateful phase
  their ``timeout_seconds`` is at least ten minutes: a sandbox that expires in the middle of a
  scenario would be reported as a vanished resource, though expiring is what it was told to do.
* **Keys that satisfy ``x-key-pattern``.** OpenAPI 3.0 cannot constrain object keys, so the
  documents state the rule for environment-variable names as an extension; positive bodies get
  their keys made to follow it (negative bodies are left alone).
* **Content that matches its declared encoding.** ``writeFile`` with ``encoding: base64`` needs
  base64 text in ``content``; OpenAPI 3.0 cannot tie one field's format to another's value, so
  positive bodies get their content base64-encoded.
* **A destination for uploads.** Schemathesis does not resolve the ``$ref`` of a multipart schema
  and so sends the ``file`` part without a filename; the agent then has no name to default the
  destination to. Positive uploads without a ``path`` get one.
* **No made-up pagination cursors.** A `cursor` is opaque and valid only as issued by the server
  (the document says an unknown cursor is a 400); positive cases do not invent one.
* **Typed query values for the additional-properties exemption.** Schemathesis 4.1 exempts a
  negative case whose only fault is an unknown query parameter (the documents let servers ignore
  unknown parameters), but it validates the other, already serialized values against their typed
  schemas (``limit='100'`` against ``type: integer``) and so reports a false "accepted invalid
  data". After the call (so the request on the wire is unchanged), numeric and boolean query
  values are turned back into numbers and booleans for the checks.
* **Labels that match the request sent.** Some "negative" values stop being invalid once
  serialized (an integer where a string query parameter is expected goes out as the text "0");
  a mutation may leave a body valid; a coverage boundary value may overshoot ``maxLength`` while
  labelled positive. After the call, a case is relabelled by what was actually sent: positive
  when its parameters and body (JSON, or multipart parts as text) satisfy the document, negative
  when they do not. Cases that cannot be judged (an unknown parameter, a raw body) keep their
  label; schemathesis exempts unknown parameters itself.
* **Empty path parameters.** Schemathesis joins URLs with ``urljoin``, which drops an empty path
  segment: the "empty id" case of ``POST /v1/sandboxes/{id}/pause`` goes out as
  ``POST /v1/sandboxes/pause``, the URL of another operation (405). An empty segment cannot be
  sent this way, so the id becomes a blank one (``%20``): still no valid id, on the URL meant.
* **No stateful starts that cannot succeed.** Against a server without the template builder
  (``HOPX_CONTRACT_WITHOUT_BUILDER``; hopx-local answers it 501, as documented) the build's
  links can never be followed; they are dropped from the document schemathesis loads so the
  stateful phase spends its budget on the sandbox lifecycle.
* **Clean-up.** Every sandbox the suite creates is recorded in ``HOPX_CONTRACT_CREATED`` (for the
  runner's final clean-up). Outside the stateful phase it is deleted at once; in the stateful
  phase the newest ``HOPX_CONTRACT_STATEFUL_WINDOW`` sandboxes are kept (a scenario never takes
  more steps than that, and scenarios never share sandboxes), older ones are deleted, so a long
  run does not accumulate hundreds of sandboxes.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import os
import re
from collections import deque
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import httpx
import schemathesis
import yaml
from schemathesis.core import NotSet
from schemathesis.generation.meta import ComponentKind, TestPhase
from schemathesis.generation.modes import GenerationMode
from schemathesis.transport.serialization import serialize_binary

TEMPLATE = os.environ.get("HOPX_CONTRACT_TEMPLATE", "base")
CREATED_LOG = os.environ.get("HOPX_CONTRACT_CREATED")
STATEFUL_WINDOW = int(os.environ.get("HOPX_CONTRACT_STATEFUL_WINDOW", "16"))
STATEFUL_MIN_TIMEOUT = 600

_stateful_sandboxes: deque[str] = deque()


# ------------------------------------------------------------------------------- helpers
def _operation_id(case: Any) -> str:
    return str(case.operation.definition.raw.get("operationId", ""))


def _is_positive(case: Any, component: ComponentKind) -> bool:
    meta = case.meta
    if meta is None:  # an explicit example of the document: valid by construction
        return True
    info = meta.components.get(component)
    mode = info.mode if info is not None else meta.generation.mode
    return bool(mode.is_positive)


def _phase(case: Any) -> TestPhase | None:
    return case.meta.phase.name if case.meta is not None else None


@cache
def _document(path: str) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(Path(path).read_text())
    return document


def _resolve(schema: Any, document: Mapping[str, Any]) -> Any:
    for _ in range(16):
        if not isinstance(schema, Mapping) or "$ref" not in schema:
            return schema
        node: Any = document
        for part in schema["$ref"].lstrip("#/").split("/"):
            node = node[part]
        schema = node
    return schema


def _valid_key(key: str, pattern: re.Pattern[str]) -> str:
    """A key matching ``pattern`` (the documents' env-name pattern), derived from ``key``."""
    if pattern.fullmatch(key):
        return key
    candidate = "K_" + "".join(c if c.isascii() and (c.isalnum() or c == "_") else "_" for c in key)
    return candidate if pattern.fullmatch(candidate) else "K_"


def _follow_key_patterns(value: Any, schema: Any, document: Mapping[str, Any]) -> Any:
    """``value`` with every object key governed by an ``x-key-pattern`` made to match it."""
    schema = _resolve(schema, document)
    if not isinstance(schema, Mapping):
        return value
    for combinator in ("allOf", "oneOf", "anyOf"):
        for option in schema.get(combinator, []):
            value = _follow_key_patterns(value, option, document)
    if isinstance(value, dict):
        pattern = schema.get("x-key-pattern")
        if pattern is not None:
            compiled = re.compile(pattern)
            value = {_valid_key(str(k), compiled): v for k, v in value.items()}
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        for key, item in list(value.items()):
            sub = properties.get(key, extra if isinstance(extra, Mapping) else None)
            if sub is not None:
                value[key] = _follow_key_patterns(item, sub, document)
    elif isinstance(value, list) and "items" in schema:
        value = [_follow_key_patterns(item, schema["items"], document) for item in value]
    return value


def _body_schema(case: Any) -> Any:
    request_body = case.operation.definition.raw.get("requestBody")
    document = _document_of(case)
    request_body = _resolve(request_body, document) or {}
    content = request_body.get("content", {})
    media = content.get(case.media_type or "application/json") or {}
    return media.get("schema")


def _document_of(case: Any) -> dict[str, Any]:
    return _document(os.environ["HOPX_CONTRACT_SPEC"])


# --------------------------------------------------------------------------- clean-up
def _control_plane() -> httpx.Client | None:
    base_url = os.environ.get("HOPX_CONTRACT_BASE_URL")
    api_key = os.environ.get("HOPX_CONTRACT_API_KEY")
    if not base_url or not api_key:
        return None
    return httpx.Client(base_url=base_url, headers={"X-API-Key": api_key}, timeout=60)


def _delete_sandbox(sandbox_id: str) -> None:
    client = _control_plane()
    if client is None:
        return
    with client:
        client.delete(f"/v1/sandboxes/{sandbox_id}")


def _record_created(sandbox_id: str) -> None:
    if CREATED_LOG:
        with open(CREATED_LOG, "a") as log:
            log.write(sandbox_id + "\n")


def _validator(schema: Any, document: Mapping[str, Any]) -> Any:
    from hopx_local.spec_server import nullable_composition_validator

    wrapped = {"allOf": [schema], "components": document.get("components", {})}
    return nullable_composition_validator()(wrapped)


def _query_value(value: Any, schema: Mapping[str, Any]) -> Any:
    """A query value as the server reads it: text turned into the schema's type when it parses."""
    if schema.get("type") == "array":
        items = value if isinstance(value, list) else str(value).split(",")
        return [_query_value(item, schema.get("items", {})) for item in items]
    if isinstance(value, list):
        value = value[-1] if value else ""
    text = str(value).lower() if isinstance(value, bool) else str(value)
    return _typed(text, schema)


def _sent_request_is_valid(case: Any) -> bool | None:
    """Whether the parameters and body of ``case``, as sent, satisfy the document.

    None when that cannot be judged here (an unknown parameter, a raw body).
    """
    document = _document_of(case)
    for location, sent in (("path", case.path_parameters), ("query", case.query)):
        schemas = _parameters(case, location)
        sent = sent if isinstance(sent, dict) else {}
        if set(sent) - set(schemas):
            return None  # an unknown parameter: schemathesis' own exemption decides
        if not _required_parameters(case, location) <= set(sent):
            return False
        for name, value in sent.items():
            validator = _validator(schemas[name], document)
            if location == "query":
                if not validator.is_valid(_query_value(value, schemas[name])):
                    return False
            # Path values may arrive percent-encoded by the generator or raw.
            elif not any(validator.is_valid(v) for v in (str(value), unquote(str(value)))):
                return False
    body_schema = _body_schema(case)
    if body_schema is None:
        return True
    if isinstance(case.body, NotSet):
        return not _body_required(case)
    media_type = case.media_type or "application/json"
    if media_type == "multipart/form-data":
        return _form_is_valid(case.body, body_schema, document)
    if media_type != "application/json":
        return None  # raw bodies: not judged here
    return bool(_validator(body_schema, document).is_valid(case.body))


def _form_text(value: Any) -> str:
    """A form value as schemathesis puts it on the wire (its ``_prepare_form_data``)."""
    if isinstance(value, str):
        return value
    if isinstance(value, int):  # bool included: requests sends str(value)
        return str(value)
    return serialize_binary(value).decode("utf-8", "replace")


def _body_as_sent(case: Any) -> Any:
    """The body as it went out: a multipart form's single parts as their text."""
    if case.media_type == "multipart/form-data" and isinstance(case.body, dict):
        return {
            name: value if isinstance(value, list) else _form_text(value)
            for name, value in case.body.items()
        }
    return case.body


def _form_is_valid(body: Any, schema: Any, document: Mapping[str, Any]) -> bool | None:
    """Whether a multipart body, as sent, has every required part and valid declared parts."""
    schema = _resolve(schema, document)
    if not isinstance(body, dict) or not isinstance(schema, Mapping):
        return None
    properties = schema.get("properties", {})
    if not set(schema.get("required", [])) <= set(body):
        return False
    for name, value in body.items():
        if name not in properties:
            continue  # undeclared parts are ignored, repeated or not
        field = _resolve(properties[name], document)
        parts = value if isinstance(value, list) else [value]
        if field.get("type") == "array":
            continue
        if len(parts) != 1:
            return False  # a declared single field sent several times
        if field.get("format") in ("binary", "byte"):
            continue
        if not _validator(field, document).is_valid(_form_text(parts[0])):
            return False
    return True


def _required_parameters(case: Any, location: str) -> set[str]:
    document = _document_of(case)
    names = set()
    for parameter in case.operation.definition.raw.get("parameters", []):
        parameter = _resolve(parameter, document)
        if parameter.get("in") == location and parameter.get("required"):
            names.add(parameter["name"])
    return names


def _body_required(case: Any) -> bool:
    request_body = _resolve(case.operation.definition.raw.get("requestBody"), _document_of(case))
    return bool(request_body and request_body.get("required"))


def _relabel_by_what_was_sent(case: Any) -> None:
    meta = case.meta
    if meta is None:
        return
    valid = _sent_request_is_valid(case)
    if meta.generation.mode.is_positive:
        if valid is False:  # e.g. a boundary value one character over maxLength
            _set_mode(meta, GenerationMode.NEGATIVE)
        return
    if valid is not True:
        return
    # Only if a positive case would have been sent exactly like this (no template, path or
    # encoding supplied): otherwise the request lacks what the server needs beyond the schema.
    sent = _body_as_sent(case)
    if isinstance(sent, dict | list) and _provisioned_body(case, copy.deepcopy(sent)) != sent:
        return
    if _provisioned_query(case, copy.deepcopy(case.query)) != case.query:
        return
    _set_mode(meta, GenerationMode.POSITIVE)


def _set_mode(meta: Any, mode: GenerationMode) -> None:
    meta.generation.mode = mode
    for info in meta.components.values():
        info.mode = mode


# ------------------------------------------------------------------------------ hooks
@schemathesis.hook
def before_load_schema(context: Any, raw_schema: dict[str, Any]) -> None:
    if not os.environ.get("HOPX_CONTRACT_WITHOUT_BUILDER"):
        return
    for item in raw_schema.get("paths", {}).values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == "buildTemplate":
                for response in operation.get("responses", {}).values():
                    if isinstance(response, dict):
                        response.pop("links", None)


def _parameters(case: Any, location: str) -> dict[str, Any]:
    document = _document_of(case)
    found = {}
    for parameter in case.operation.definition.raw.get("parameters", []):
        parameter = _resolve(parameter, document)
        if parameter.get("in") == location:
            found[parameter["name"]] = _resolve(parameter.get("schema", {}), document)
    return found


def _typed(value: Any, schema: Mapping[str, Any]) -> Any:
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


def _retype_query(case: Any) -> None:
    if not isinstance(case.query, dict) or not case.query:
        return
    schemas = _parameters(case, "query")
    for name, value in case.query.items():
        if name in schemas:
            case.query[name] = _typed(value, schemas[name])


def _encode_content(body: Any) -> None:
    if isinstance(body, dict) and body.get("encoding") == "base64":
        raw = str(body.get("content", "")).encode("utf-8", "surrogatepass")
        body["content"] = base64.b64encode(raw).decode("ascii")


def _no_empty_path_segments(case: Any) -> None:
    if isinstance(case.path_parameters, dict):
        for name, value in case.path_parameters.items():
            if value == "":
                case.path_parameters[name] = " "


def _provisioned_body(case: Any, body: Any) -> Any:
    """``body`` as a positive case of ``case``'s operation is sent (see the module docstring)."""
    operation_id = _operation_id(case)
    phase = _phase(case)
    if isinstance(body, dict):
        if operation_id == "createSandbox" and phase is not TestPhase.EXAMPLES:
            body.pop("template_id", None)
            body["template_name"] = TEMPLATE
        if (
            operation_id in ("createSandbox", "setSandboxTimeout")
            and phase is TestPhase.STATEFUL
            and isinstance(body.get("timeout_seconds"), int)
        ):
            body["timeout_seconds"] = max(body["timeout_seconds"], STATEFUL_MIN_TIMEOUT)
        if operation_id == "writeFile":
            _encode_content(body)
        if operation_id == "uploadFile" and body.get("path") in (None, ""):
            body["path"] = "/workspace/contract-upload.bin"
    if isinstance(body, dict | list):
        schema = _body_schema(case)
        if schema is not None:
            body = _follow_key_patterns(body, schema, _document_of(case))
    return body


def _provisioned_query(case: Any, query: Any) -> Any:
    if _operation_id(case) == "listSandboxes" and isinstance(query, dict):
        query.pop("cursor", None)
    return query


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    _no_empty_path_segments(case)
    if _is_positive(case, ComponentKind.BODY):
        case.body = _provisioned_body(case, case.body)
    if _is_positive(case, ComponentKind.QUERY):
        case.query = _provisioned_query(case, case.query)


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    # After the request went out, before the checks look at the case (see the module docstring).
    _retype_query(case)
    _relabel_by_what_was_sent(case)
    if _operation_id(case) != "createSandbox" or response.status_code != 201:
        return
    try:
        sandbox_id = str(response.json()["id"])
    except (ValueError, KeyError, TypeError):
        return
    _record_created(sandbox_id)
    if _phase(case) is TestPhase.STATEFUL:
        _stateful_sandboxes.append(sandbox_id)
        while len(_stateful_sandboxes) > STATEFUL_WINDOW:
            _delete_sandbox(_stateful_sandboxes.popleft())
    else:
        _delete_sandbox(sandbox_id)
