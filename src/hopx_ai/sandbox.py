"""``hopx_ai.sandbox``: the published module path of :class:`Sandbox` (``from hopx_ai.sandbox
import Sandbox``); the class lives in ``hopx_ai._sync.sandbox``."""

from ._sync.sandbox import Sandbox

__all__ = ["Sandbox"]
