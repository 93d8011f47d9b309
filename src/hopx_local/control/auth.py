"""API key authentication of the control plane (``X-API-Key`` or ``Authorization: Bearer``)."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterable

from starlette.requests import Request
from starlette.websockets import WebSocket

from hopx_local.spec_server import ApiError

KEY_PREFIX = "hopx_local_"
_HOW = "send it as 'X-API-Key: <key>' or 'Authorization: Bearer <key>'"


def new_api_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(24)


def presented_key(connection: Request | WebSocket) -> str | None:
    """The key a request carries, if any (X-API-Key wins over Authorization)."""
    key = connection.headers.get("x-api-key")
    if key:
        return key.strip()
    authorization = connection.headers.get("authorization", "")
    scheme, _, value = authorization.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


class ApiKeyAuthenticator:
    """Accepts any of the configured keys; compares in constant time."""

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = [key.encode() for key in keys]
        if not self._keys:
            raise ValueError("at least one API key is required")

    def accepts(self, key: str) -> bool:
        candidate = key.encode()
        matched = False
        for known in self._keys:
            matched |= hmac.compare_digest(candidate, known)
        return matched

    async def __call__(
        self, connection: Request | WebSocket, scheme_names: list[str], request_id: str
    ) -> None:
        key = presented_key(connection)
        if key is None:
            raise ApiError(
                401,
                "unauthorized",
                f"Missing API key; {_HOW}.",
                {"reason": "missing"},
                headers={"WWW-Authenticate": "Bearer"},
            )
        if not self.accepts(key):
            raise ApiError(
                401,
                "unauthorized",
                f"Invalid API key; {_HOW} with a key this server knows "
                "(hopx-local prints it at start).",
                {"reason": "invalid"},
                headers={"WWW-Authenticate": "Bearer"},
            )
