"""HS256 JWT verification with the sandbox's own secret (stdlib only).

The control plane signs ``{"sub": <sandbox id>, "iat": ..., "exp": ...}`` with a per-sandbox random
secret and writes the same secret to the key file inside the sandbox. A token signed for another
sandbox fails the signature check; one for this sandbox but with another ``sub``, or expired, is
refused too.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeGuard

from .errors import AgentFault


def read_key(path: Path) -> bytes:
    """The secret is the key file's content without surrounding whitespace."""
    key = path.read_bytes().strip()
    if not key:
        raise ValueError(f"key file {path} is empty")
    return key


def _b64decode(segment: str) -> bytes:
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _b64encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def sign(claims: dict[str, Any], key: bytes) -> str:
    """Make an HS256 token (used by tests and tools; the control plane has its own signer)."""
    header = _b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64encode(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    signature = hmac.new(key, signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64encode(signature)}"


def _is_finite_number(value: object) -> TypeGuard[int | float]:
    """A JSON number that is not a bool, NaN or an infinity (NaN compares false to every
    time, so an ``exp`` of NaN would never expire)."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _reject_constant(name: str) -> Any:
    """json.loads accepts NaN, Infinity and -Infinity, which JSON does not have."""
    raise ValueError(f"{name} is not JSON")


def _unauthorized(reason: str) -> AgentFault:
    return AgentFault(
        401,
        "UNAUTHORIZED",
        f"{reason}; send 'Authorization: Bearer <token>' with the sandbox's current token "
        "(refresh it with POST /v1/sandboxes/{id}/token/refresh on the control plane).",
        {"reason": reason},
    )


class TokenVerifier:
    def __init__(self, key: bytes, sandbox_id: str, clock: Callable[[], float] = time.time) -> None:
        self._key = key
        self._sandbox_id = sandbox_id
        self._clock = clock
        self._accepted: dict[str, float] = {}
        """token -> exp of tokens already verified, so repeat requests skip the HMAC and JSON."""

    def verify_header(self, authorization: str | None) -> None:
        if not authorization:
            raise _unauthorized("missing Authorization header")
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise _unauthorized("Authorization header is not 'Bearer <token>'")
        self.verify(token.strip())

    def verify(self, token: str) -> None:
        now = self._clock()
        known_exp = self._accepted.get(token)
        if known_exp is not None:
            if known_exp > now:
                return
            del self._accepted[token]
            raise _unauthorized("token expired")
        claims = self._decode(token)
        exp = claims.get("exp")
        if not _is_finite_number(exp):
            raise _unauthorized("token has no finite numeric 'exp' claim")
        if exp <= now:
            raise _unauthorized("token expired")
        for name in ("iat", "nbf"):
            if name in claims and not _is_finite_number(claims[name]):
                raise _unauthorized(f"token's '{name}' claim is not a finite number")
        nbf = claims.get("nbf")
        if nbf is not None and nbf > now + 30:
            raise _unauthorized("token not valid yet")
        if claims.get("sub") != self._sandbox_id:
            raise _unauthorized("token was issued for another sandbox")
        if len(self._accepted) > 256:
            self._accepted.clear()
        self._accepted[token] = float(exp)

    def _decode(self, token: str) -> dict[str, Any]:
        parts = token.split(".")
        if len(parts) != 3 or not token.isascii():
            raise _unauthorized("token is not a JWT")
        header_b64, payload_b64, signature_b64 = parts
        try:
            header = json.loads(_b64decode(header_b64), parse_constant=_reject_constant)
            signature = _b64decode(signature_b64)
        except (ValueError, RecursionError):
            raise _unauthorized("token is malformed") from None
        if not isinstance(header, dict) or header.get("alg") != "HS256":
            raise _unauthorized("token is not signed with HS256")
        expected = hmac.new(
            self._key, f"{header_b64}.{payload_b64}".encode("ascii"), hashlib.sha256
        ).digest()
        if not hmac.compare_digest(expected, signature):
            raise _unauthorized("token signature is invalid")
        try:
            claims = json.loads(_b64decode(payload_b64), parse_constant=_reject_constant)
        except (ValueError, RecursionError):
            raise _unauthorized("token is malformed") from None
        if not isinstance(claims, dict):
            raise _unauthorized("token is malformed")
        return claims
