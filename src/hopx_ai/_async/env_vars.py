"""``sandbox.env``: the sandbox's global environment variables."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._support import string_map
from ..errors import ValidationError
from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from hopx_agent_api.models.env_vars_response import EnvVarsResponse


class AsyncEnvironmentVariables:
    """Environment variables every later execution and command sees."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    async def get_all(
        self, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> dict[str, str]:
        """All variables."""
        from hopx_agent_api.api.env import get_env

        answer = await self._agent.call(
            get_env.request(), "env.get_all", timeout=timeout, request_timeout=request_timeout
        )
        return _variables(answer)

    async def set_all(
        self,
        env_vars: dict[str, str],
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> dict[str, str]:
        """Replace all variables with ``env_vars``; returns the resulting set."""
        from hopx_agent_api.api.env import replace_env
        from hopx_agent_api.models import EnvVarsSetRequest, EnvVarsSetRequestEnvVars

        values = string_map(env_vars, "env_vars") or {}
        body = EnvVarsSetRequest(env_vars=EnvVarsSetRequestEnvVars.from_dict(values))
        request = replace_env.request(body=body)
        answer = await self._agent.call(
            request, "env.set_all", timeout=timeout, request_timeout=request_timeout
        )
        return _variables(answer)

    async def update(
        self,
        env_vars: dict[str, str],
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> dict[str, str]:
        """Add or overwrite ``env_vars``, keeping the others; returns the resulting set."""
        from hopx_agent_api.api.env import update_env
        from hopx_agent_api.models import EnvVarsSetRequest, EnvVarsSetRequestEnvVars

        values = string_map(env_vars, "env_vars") or {}
        body = EnvVarsSetRequest(env_vars=EnvVarsSetRequestEnvVars.from_dict(values))
        request = update_env.request(body=body)
        answer = await self._agent.call(
            request, "env.update", timeout=timeout, request_timeout=request_timeout
        )
        return _variables(answer)

    async def delete(
        self, key: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> None:
        """Remove one variable (``DELETE /env?key=``; absent keys are not an error)."""
        from hopx_agent_api.api.env import clear_env

        if not isinstance(key, str) or not key:
            raise ValidationError("key must be a non-empty string", field="key")
        await self._agent.call(
            clear_env.request(key=key),
            "env.delete",
            timeout=timeout,
            request_timeout=request_timeout,
        )

    async def get(
        self, key: str, default: str | None = None, *, request_timeout: float | None = None
    ) -> str | None:
        """One variable, or ``default``."""
        return (await self.get_all(request_timeout=request_timeout)).get(key, default)

    async def set(
        self,
        key: str,
        value: str,
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> dict[str, str]:
        """Set one variable; returns the resulting set."""
        return await self.update({key: value}, timeout=timeout, request_timeout=request_timeout)

    def __repr__(self) -> str:
        return f"<{type(self).__name__}>"


def _variables(answer: EnvVarsResponse) -> dict[str, str]:
    return {str(k): str(v) for k, v in answer.env_vars.items()}
