"""The agent access token of one sandbox (a JWT) and when it expires."""

from __future__ import annotations

import base64
import binascii
import json
from datetime import datetime
from typing import Any

import attrs

# Refresh proactively when less than this is left.
REFRESH_MARGIN_SECONDS = 60.0


def jwt_expiry(token: str) -> float | None:
    """The ``exp`` claim of a JWT (epoch seconds), read without verifying; None if unreadable."""
    parts = token.split(".")
    if len(parts) != 3:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload))
    except (binascii.Error, ValueError, UnicodeDecodeError):
        return None
    exp = claims.get("exp") if isinstance(claims, dict) else None
    if isinstance(exp, int | float) and not isinstance(exp, bool):
        return float(exp)
    return None


def _epoch(value: Any) -> float | None:
    if isinstance(value, datetime):
        return value.timestamp()
    if isinstance(value, str) and value:
        try:
            return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
        except ValueError:
            return None
    return None


@attrs.frozen
class TokenData:
    token: str = attrs.field(repr=False)
    expires_at: float | None = None  # epoch seconds; None = unknown

    @classmethod
    def from_api(cls, token: str, expires_at: Any = None) -> TokenData:
        """From ``auth_token`` + ``token_expires_at``; falls back to the JWT's ``exp``."""
        when = _epoch(expires_at)
        return cls(token=token, expires_at=when if when is not None else jwt_expiry(token))

    def needs_refresh(self, now: float, margin: float = REFRESH_MARGIN_SECONDS) -> bool:
        return self.expires_at is not None and self.expires_at - now < margin
