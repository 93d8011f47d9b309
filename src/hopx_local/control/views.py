"""JSON bodies of the control plane, shaped as openapi/control-plane.yaml describes them."""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from hopx_local.control.host_routing import sandbox_host
from hopx_local.control.preview_forwarding import AGENT_PORT, AGENT_PREFIX
from hopx_local.control.store import SandboxRecord
from hopx_local.control.timeutil import rfc3339

ORGANIZATION_ID = 1


def agent_url(
    record: SandboxRecord,
    relay_host: str,
    base_url: str,
    one_port: bool,
    public_domain: str | None = None,
) -> str:
    """Where clients reach the sandbox's agent: through the control plane (by host name or
    by path: one port), or on the agent's own loopback port."""
    if public_domain:
        return sandbox_host(base_url, public_domain, AGENT_PORT, record.id)
    if one_port:
        return f"{base_url}{AGENT_PREFIX}/{record.id}"
    host = f"[{relay_host}]" if ":" in relay_host else relay_host
    return f"http://{host}:{record.port}"


def sandbox_json(
    record: SandboxRecord,
    *,
    base_url: str,
    relay_host: str,
    request_id: str,
    token: tuple[str, int] | None = None,
    one_port: bool = False,
    public_domain: str | None = None,
) -> dict[str, Any]:
    """The ``Sandbox`` schema; with ``token`` (jwt, exp) it carries ``auth_token`` too."""
    url = agent_url(record, relay_host, base_url, one_port, public_domain)
    preview = (
        sandbox_host(base_url, public_domain, "{port}", record.id) + "/"
        if public_domain
        else f"{base_url}/preview/{record.id}/{{port}}/"
    )
    body: dict[str, Any] = {
        "id": record.id,
        "object": "sandbox",
        "status": record.status,
        "template_id": record.template_id,
        "template_name": record.template_name,
        "region": record.region,
        "node_id": record.node_id,
        "status_reason": record.error,
        "organization_id": ORGANIZATION_ID,
        "public_host": url,
        "direct_url": url,
        "preview_url": preview,
        "resources": {
            "vcpu": record.vcpu,
            "memory_mb": record.memory_mb,
            "disk_mb": record.disk_mb,
        },
        "internet_access": record.internet_access,
        "network": record.network or {"allow_out": [], "deny_out": []},
        "live_mode": False,
        "timeout_seconds": record.timeout_seconds,
        "expires_at": rfc3339(record.expires_us) if record.expires_us is not None else None,
        "created_at": rfc3339(record.created_us),
    }
    if token is not None:
        body.update(token_json(token))
    body["request_id"] = request_id
    return body


def token_json(token: tuple[str, int]) -> dict[str, str]:
    jwt, expires = token
    return {"auth_token": jwt, "token_expires_at": rfc3339(expires * 1_000_000)}


# ----------------------------------------------------------------------- cursors
def encode_cursor(record: SandboxRecord) -> str:
    """Opaque position after ``record`` in the newest-first order."""
    raw = json.dumps([record.created_us, record.id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def decode_cursor(cursor: str) -> tuple[int, str] | None:
    """The (created_us, id) inside a cursor, or None when it is not one of ours."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_us, sandbox_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError):
        return None
    if not isinstance(created_us, int) or not isinstance(sandbox_id, str):
        return None
    return created_us, sandbox_id
