"""``sandbox.cache``: the agent's execution cache."""

from __future__ import annotations

from ..models import CacheStats, OperationResult
from ._connections import AsyncAgentConnection


class AsyncCache:
    """Statistics and clearing of the agent's cache."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def stats(self, *, timeout: int | None = None) -> CacheStats:
        """Cache statistics (``stats.cache["size"]``, or ``stats["cache"]["size"]``)."""
        from hopx_agent_api.api.cache import get_cache_stats

        api = await self._agent.api()
        with self._agent.operation("cache.stats", http_timeout=timeout) as call:
            await get_cache_stats.asyncio_detailed(client=api)
        return CacheStats.from_dict(call.json())

    async def clear(self, *, timeout: int | None = None) -> OperationResult:
        """Empty the cache."""
        from hopx_agent_api.api.cache import clear_cache

        api = await self._agent.api()
        with self._agent.operation("cache.clear", http_timeout=timeout) as call:
            await clear_cache.asyncio_detailed(client=api)
        return OperationResult.from_dict(call.json())

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"
