"""Desktop automation inside a sandbox: an Xvfb display with a window manager, driven by X11
tools (xdotool, wmctrl, xclip, xrandr), seen through ffmpeg (screenshots, recordings),
tesseract (OCR) and x11vnc (VNC).

The agent registers :func:`desktop_handlers` for the ``desktop*`` operations of vm-agent.yaml;
:func:`missing_dependencies` says what this system lacks (DESKTOP_NOT_AVAILABLE details).
"""

from __future__ import annotations

from hopx_local.agent.desktop.config import DesktopConfig
from hopx_local.agent.desktop.deps import debian_packages, missing_dependencies
from hopx_local.agent.desktop.engine import DesktopEngine
from hopx_local.agent.desktop.engine import not_available as _not_available
from hopx_local.agent.desktop.handlers import DesktopApi, desktop_handlers
from hopx_local.agent.errors import AgentFault


def desktop_available() -> bool:
    """True when every program the desktop needs is installed."""
    return not missing_dependencies()


def not_available() -> AgentFault:
    """503 DESKTOP_NOT_AVAILABLE with what is missing (for agents without a desktop template)."""
    missing = missing_dependencies()
    reason = (
        "install " + " ".join(missing)
        if missing
        else "create the sandbox from the 'desktop' template"
    )
    return _not_available(missing, reason)


__all__ = [
    "DesktopApi",
    "DesktopConfig",
    "DesktopEngine",
    "debian_packages",
    "desktop_available",
    "desktop_handlers",
    "missing_dependencies",
    "not_available",
]
