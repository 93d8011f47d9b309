"""Control-plane authentication: the API key in ``X-API-Key`` (kept out of client headers,
so it never shows in a repr of the client)."""

from __future__ import annotations

from collections.abc import Generator

import httpx


class ApiKeyAuth(httpx.Auth):
    def __init__(self, api_key: str) -> None:
        self._api_key = api_key

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        request.headers["X-API-Key"] = self._api_key
        yield request

    def __repr__(self) -> str:
        return "ApiKeyAuth(api_key=***)"
