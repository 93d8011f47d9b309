"""Schemathesis hooks of the contract suites (imported by schemathesis: ``hooks`` in its config).

They supply what a generator cannot know from the documents alone, and correct for what
schemathesis 4.1 gets wrong about the requests it sends; nothing else. The rules (implemented in
``provisioning``, ``labels`` and ``cleanup``):

* **Real templates for sandboxes that should be created.** `createSandbox` accepts any template
  name by schema (organizations have their own templates), but only existing ones create a
  sandbox; without one the stateful phase never gets past its first step. Positive request
  bodies therefore name the template given in ``HOPX_CONTRACT_TEMPLATE``. In the stateful phase
  their ``timeout_seconds`` is at least ten minutes: a sandbox that expires in the middle of a
  scenario would be reported as a vanished resource, though expiring is what it was told to do.
* **Keys that satisfy ``x-key-pattern``.** OpenAPI 3.0 cannot constrain object keys, so the
  documents state the rule for environment-variable names as an extension; positive bodies get
  their keys made to follow it (negative bodies are left alone).
* **Egress entries that parse.** A ``NetworkPolicy`` entry is an address, a CIDR or a domain
  pattern; a schema gives only its alphabet, so positive bodies get valid domain names in place
  of their ``allow_out``/``deny_out`` entries (same count).
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
  when they do not, by the documents' own reading rules: unknown query parameters are left out
  of the judgement (schemathesis' own exemption for them checks the declared values against
  patterns it has rewritten with their min/maxLength, which for `FilePathQuery` accepts only
  paths ending in "/"), and ``null`` on an optional body property (or ``""`` where a value
  cannot be empty) is "not given". A valid case the server accepted is positive; a valid case
  it refused is positive only if provisioning would have sent it unchanged (else it lacks what
  the server needs beyond the schema, such as an existing template). Cases that cannot be judged
  (a raw body) keep their label.
* **Empty path parameters.** Schemathesis joins URLs with ``urljoin``, which drops an empty path
  segment: the "empty id" case of ``POST /v1/sandboxes/{id}/pause`` goes out as
  ``POST /v1/sandboxes/pause``, the URL of another operation (405). An empty segment cannot be
  sent this way, so the id becomes a blank one (``%20``): still no valid id, on the URL meant.
* **No stateful starts that cannot succeed.** Against a server without the template builder
  (``HOPX_CONTRACT_WITHOUT_BUILDER``; hopx-local answers it 501, as documented) the build's
  links can never be followed; they are dropped from the document schemathesis loads so the
  stateful phase spends its budget on the sandbox lifecycle.
* **A log of every call** (``HOPX_CONTRACT_CALLS_LOG``): phase, status, time, operation.
* **Clean-up.** Every sandbox the suite creates is recorded in ``HOPX_CONTRACT_CREATED`` (for the
  runner's final clean-up). Outside the stateful phase it is deleted at once; in the stateful
  phase the newest ``HOPX_CONTRACT_STATEFUL_WINDOW`` sandboxes are kept (a scenario never takes
  more steps than that, and scenarios never share sandboxes), older ones are deleted, so a long
  run does not accumulate hundreds of sandboxes.
"""

from __future__ import annotations

import os
from typing import Any

import schemathesis
from schemathesis.generation.meta import ComponentKind, TestPhase

from tests.contract import cleanup, documents, labels, provisioning


def _is_positive(case: Any, component: ComponentKind) -> bool:
    meta = case.meta
    if meta is None:  # an explicit example of the document: valid by construction
        return True
    info = meta.components.get(component)
    mode = info.mode if info is not None else meta.generation.mode
    return bool(mode.is_positive)


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


@schemathesis.hook
def before_call(context: Any, case: Any, **kwargs: Any) -> None:
    if isinstance(case.path_parameters, dict):
        for name, value in case.path_parameters.items():
            if value == "":  # urljoin would drop the segment: see "Empty path parameters"
                case.path_parameters[name] = " "
    if _is_positive(case, ComponentKind.BODY):
        case.body = provisioning.body(case, case.body)
    if _is_positive(case, ComponentKind.QUERY):
        case.query = provisioning.query(case, case.query)


@schemathesis.hook
def after_call(context: Any, case: Any, response: Any) -> None:
    # After the request went out, before the checks look at the case.
    _log_call(case, response)
    labels.retype_query(case)
    labels.relabel_by_what_was_sent(case, accepted=200 <= response.status_code < 300)
    if documents.operation_id(case) != "createSandbox" or response.status_code != 201:
        return
    try:
        sandbox_id = str(response.json()["id"])
    except (ValueError, KeyError, TypeError):
        return
    cleanup.created(sandbox_id, stateful=provisioning.phase(case) is TestPhase.STATEFUL)


def _log_call(case: Any, response: Any) -> None:
    """One line per call in ``HOPX_CONTRACT_CALLS_LOG``: when schemathesis reports a failure it
    cannot reproduce (and so shows nothing), this is what is left to read."""
    path = os.environ.get("HOPX_CONTRACT_CALLS_LOG")
    if not path:
        return
    phase = provisioning.phase(case)
    elapsed = getattr(response, "elapsed", 0.0) or 0.0
    line = (
        f"{phase.value if phase is not None else '-'} {response.status_code} "
        f"{elapsed * 1000:.0f}ms {case.operation.label} {case.formatted_path}\n"
    )
    with open(path, "a") as log:
        log.write(line)
