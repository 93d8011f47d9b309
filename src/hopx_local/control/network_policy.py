"""The ``network`` object of the API (hopx-local extension) <-> the runtime's EgressPolicy.

The schema (openapi/control-plane.yaml, ``NetworkPolicy``) checks shapes; this checks what a
schema cannot: that each entry is a CIDR or a domain pattern. A record keeps the policy as the
API shows it (``{"allow_out": [...], "deny_out": [...]}``, normalized).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hopx_local.control import errors
from hopx_local.runtime.egress_policy import (
    OPEN_POLICY,
    EgressPolicy,
    InvalidEgressPolicyError,
)
from hopx_local.spec_server import ApiError

NetworkJson = dict[str, list[str]]


def policy_from_request(value: Mapping[str, Any] | None, *, prefix: str = "") -> EgressPolicy:
    """The policy of a request's ``network`` object (None: the default policy).

    prefix: where the object sits in the body (``network.`` on a create, empty on a PUT),
    so the 400 names the field as the client wrote it.
    """
    if value is None:
        return OPEN_POLICY
    try:
        return EgressPolicy.parse(value.get("allow_out") or (), value.get("deny_out") or ())
    except InvalidEgressPolicyError as error:
        raise invalid_policy(error, prefix) from None


def invalid_policy(error: InvalidEgressPolicyError, prefix: str) -> ApiError:
    # Indexes as the schema validation names them (network.allow_out.2), one style per API.
    field = f"{prefix}{error.field}" + ("" if error.index is None else f".{error.index}")
    return errors.validation_error(
        field, f"Invalid field '{field}': {error.entry!r} {error.reason}."
    )


def policy_json(policy: EgressPolicy) -> NetworkJson:
    return policy.as_dict()


def policy_from_record(network: Mapping[str, list[str]] | None) -> EgressPolicy:
    """The stored policy (None: a record from before network policies: the default)."""
    if not network:
        return OPEN_POLICY
    return EgressPolicy.parse(network.get("allow_out", ()), network.get("deny_out", ()))
