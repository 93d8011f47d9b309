"""``sandbox.env``: the sandbox's global environment variables."""

from __future__ import annotations

from typing import Any

from .._support import string_map
from ..errors import ValidationError
from ._connections import AsyncAgentConnection


class AsyncEnvironmentVariables:
    """Environment variables every later execution and command sees."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def get_all(self, *, timeout: int | None = None) -> dict[str, str]:
        """All variables."""
        from hopx_agent_api.api.env import get_env

        api = await self._agent.api()
        with self._agent.operation("env.get_all", http_timeout=timeout) as call:
            await get_env.asyncio_detailed(client=api)
        return _variables(call.json())

    async def set_all(
        self, env_vars: dict[str, str], *, timeout: int | None = None
    ) -> dict[str, str]:
        """Replace all variables with ``env_vars``; returns the resulting set."""
        from hopx_agent_api.api.env import replace_env
        from hopx_agent_api.models import EnvVarsSetRequest, EnvVarsSetRequestEnvVars

        values = string_map(env_vars, "env_vars") or {}
        body = EnvVarsSetRequest(env_vars=EnvVarsSetRequestEnvVars.from_dict(values))
        api = await self._agent.api()
        with self._agent.operation("env.set_all", http_timeout=timeout) as call:
            await replace_env.asyncio_detailed(client=api, body=body)
        return _variables(call.json())

    async def update(
        self, env_vars: dict[str, str], *, timeout: int | None = None
    ) -> dict[str, str]:
        """Add or overwrite ``env_vars``, keeping the others; returns the resulting set."""
        from hopx_agent_api.api.env import update_env
        from hopx_agent_api.models import EnvVarsSetRequest, EnvVarsSetRequestEnvVars

        values = string_map(env_vars, "env_vars") or {}
        body = EnvVarsSetRequest(env_vars=EnvVarsSetRequestEnvVars.from_dict(values))
        api = await self._agent.api()
        with self._agent.operation("env.update", http_timeout=timeout) as call:
            await update_env.asyncio_detailed(client=api, body=body)
        return _variables(call.json())

    async def delete(self, key: str, *, timeout: int | None = None) -> None:
        """Remove one variable (``DELETE /env?key=``; absent keys are not an error)."""
        from hopx_agent_api.api.env import clear_env

        if not isinstance(key, str) or not key:
            raise ValidationError("key must be a non-empty string", field="key")
        api = await self._agent.api()
        with self._agent.operation("env.delete", http_timeout=timeout):
            await clear_env.asyncio_detailed(client=api, key=key)

    async def get(self, key: str, default: str | None = None) -> str | None:
        """One variable, or ``default``."""
        return (await self.get_all()).get(key, default)

    async def set(self, key: str, value: str, *, timeout: int | None = None) -> dict[str, str]:
        """Set one variable; returns the resulting set."""
        return await self.update({key: value}, timeout=timeout)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _variables(data: dict[str, Any]) -> dict[str, str]:
    values = data.get("env_vars")
    if not isinstance(values, dict):
        return {}
    return {str(k): str(v) for k, v in values.items()}
