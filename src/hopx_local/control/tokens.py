"""Agent access tokens: HS256 JWTs signed with the sandbox's own secret.

The agent inside the sandbox verifies them with the same secret, read from /run/hopx/token.key,
so a token opens exactly one sandbox. Claims: ``sub`` (sandbox id), ``iat``, ``exp`` and a
random ``jti``.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import time

TOKEN_LIFETIME_SECONDS = 3600
SECRET_BYTES = 32

_HEADER = {"alg": "HS256", "typ": "JWT"}


def new_secret() -> bytes:
    """A fresh per-sandbox signing key: printable (the agent strips whitespace from its key
    file, so raw random bytes could lose a byte there), 256 bits of entropy."""
    return secrets.token_urlsafe(SECRET_BYTES).encode("ascii")


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _segment(value: dict[str, object]) -> str:
    return _b64url(json.dumps(value, separators=(",", ":"), sort_keys=True).encode())


def sign_token(
    secret: bytes,
    sandbox_id: str,
    *,
    now: float | None = None,
    lifetime: int = TOKEN_LIFETIME_SECONDS,
) -> tuple[str, int]:
    """Return (token, exp) for ``sandbox_id``; exp is seconds since the epoch."""
    issued = int(now if now is not None else time.time())
    expires = issued + lifetime
    # jti makes every token unique, even two issued within the same second.
    claims = {"sub": sandbox_id, "iat": issued, "exp": expires, "jti": secrets.token_hex(8)}
    signing_input = f"{_segment(dict(_HEADER))}.{_segment(claims)}"
    signature = hmac.new(secret, signing_input.encode("ascii"), hashlib.sha256).digest()
    return f"{signing_input}.{_b64url(signature)}", expires
