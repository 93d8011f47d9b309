"""``sandbox.cache``: the agent's execution cache."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from hopx_agent_api.models.cache_clear_response import CacheClearResponse
    from hopx_agent_api.models.cache_stats_response import CacheStatsResponse


class AsyncCache:
    """Statistics and clearing of the agent's cache."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def stats(
        self, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> CacheStatsResponse:
        """Cache statistics (``stats.cache["size"]``, or ``stats["cache"]["size"]``)."""
        from hopx_agent_api.api.cache import get_cache_stats

        return await self._agent.call(
            get_cache_stats.request(),
            "cache.stats",
            timeout=timeout,
            request_timeout=request_timeout,
        )

    async def clear(
        self, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> CacheClearResponse:
        """Empty the cache."""
        from hopx_agent_api.api.cache import clear_cache

        return await self._agent.call(
            clear_cache.request(), "cache.clear", timeout=timeout, request_timeout=request_timeout
        )

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
