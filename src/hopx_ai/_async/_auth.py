"""Agent authentication: the sandbox's JWT as an ``httpx.Auth``.

* proactive: a token with less than a minute left is refreshed before the request;
* reactive: a 401 triggers one refresh and one replay of the request, never more;
* concurrent calls that need a refresh share one refresh (a lock, per sandbox);
* tokens live on the sandbox object: no global cache.
"""

from __future__ import annotations

import httpx

from .. import _overrides
from .._log import logger
from .._token import TokenData
from .._types import AsyncAuthFlow, AsyncTokenFetcher
from ..errors import AuthenticationError


class AsyncTokenManager:
    """Holds one sandbox's agent token and refreshes it (once for all concurrent callers)."""

    def __init__(self, fetch: AsyncTokenFetcher | None, initial: TokenData | None = None) -> None:
        self._fetch = fetch
        self._data = initial
        import anyio  # imported on first use: keeps `import hopx_ai` fast

        self._lock = anyio.Lock()
        self.refresh_count = 0

    @property
    def data(self) -> TokenData | None:
        return self._data

    @property
    def can_refresh(self) -> bool:
        return self._fetch is not None

    async def current(self, *, request_timeout: float | None = None) -> TokenData:
        """A token that is not about to expire (refreshing it first if needed)."""
        data = self._data
        if data is not None and not data.needs_refresh(_overrides.now()):
            return data
        if data is not None and not self.can_refresh:
            return data
        return await self.refresh(stale=data, request_timeout=request_timeout)

    async def refresh(
        self, stale: TokenData | None, *, request_timeout: float | None = None
    ) -> TokenData:
        """Replace ``stale`` with a new token, unless another caller already did
        (``request_timeout``: of the control-plane call that gets it)."""
        async with self._lock:
            data = self._data
            if data is not None and data is not stale and not data.needs_refresh(_overrides.now()):
                return data
            if self._fetch is None:
                if data is not None:
                    return data
                raise AuthenticationError(
                    "No agent token for this sandbox and no way to get one: "
                    "use Sandbox.create() or Sandbox.connect(), or pass jwt_token to debug()",
                    code="missing_token",
                )
            fresh = await (
                self._fetch() if request_timeout is None else self._fetch(request_timeout)
            )
            self._data = fresh
            self.refresh_count += 1
            logger.debug("agent token refreshed (refresh %d)", self.refresh_count)
            return fresh


class AsyncAgentAuth(httpx.Auth):
    """``Authorization: Bearer <jwt>`` with proactive and reactive refresh."""

    def __init__(self, tokens: AsyncTokenManager) -> None:
        self._tokens = tokens

    async def async_auth_flow(self, request: httpx.Request) -> AsyncAuthFlow:
        used = await self._tokens.current()
        request.headers["Authorization"] = f"Bearer {used.token}"
        if not self._tokens.can_refresh:
            yield request
            return
        response = yield request
        if response.status_code != 401:
            return
        fresh = await self._tokens.refresh(stale=used)
        request.headers["Authorization"] = f"Bearer {fresh.token}"
        yield request
