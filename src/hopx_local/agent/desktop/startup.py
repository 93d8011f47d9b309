"""The desktop template's display is up before the sandbox answers its first request.

Programs started with ``commands.run("xterm &")`` right after create find ``DISPLAY=:1``
(set by the template) served, and the first screenshot shows the window manager's desktop,
not a black frame of an X server that is not there yet.
"""

from __future__ import annotations

import logging
from typing import Protocol

from hopx_local.agent.desktop.engine import DesktopEngine
from hopx_local.agent.desktop.handlers import AgentStateLike, desktop_config_for
from hopx_local.agent.errors import AgentFault

log = logging.getLogger("hopx_local.agent.desktop")


class _DesktopState(AgentStateLike, Protocol):
    desktop: DesktopEngine | None


async def start_desktop(state: _DesktopState) -> None:
    """Start the X server and window manager as ``state.desktop`` (the engine the desktop
    handlers then use).

    A display that cannot start (a tool missing, Xvfb failing) is logged, not fatal: the
    sandbox still serves everything else, and each ``desktop.*`` call tries again and answers
    with what went wrong.
    """
    engine = DesktopEngine(desktop_config_for(state))
    state.desktop = engine
    try:
        await engine.ready()
    except AgentFault as fault:
        log.warning("the desktop did not start with the sandbox: %s", fault.message)
