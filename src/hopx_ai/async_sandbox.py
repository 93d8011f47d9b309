"""``hopx_ai.async_sandbox``: the published module path of :class:`AsyncSandbox`
(``from hopx_ai.async_sandbox import AsyncSandbox``); the class lives in
``hopx_ai._async.sandbox``."""

from ._async.sandbox import AsyncSandbox

__all__ = ["AsyncSandbox"]
