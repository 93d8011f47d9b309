"""One sandbox's desktop: the X display and every tool that drives it, started on first use."""

from __future__ import annotations

import asyncio
from typing import Any

from hopx_local.agent.desktop import procinfo
from hopx_local.agent.desktop.clipboard import Clipboard
from hopx_local.agent.desktop.config import DesktopConfig
from hopx_local.agent.desktop.deps import missing_dependencies
from hopx_local.agent.desktop.inputs import Input
from hopx_local.agent.desktop.ocr import Ocr
from hopx_local.agent.desktop.procs import Service
from hopx_local.agent.desktop.recording import Recorder
from hopx_local.agent.desktop.screen import Screen
from hopx_local.agent.desktop.vnc import Vnc
from hopx_local.agent.desktop.windows import Windows
from hopx_local.agent.desktop.xserver import XServer
from hopx_local.agent.errors import AgentFault

LOG_LINES = 500


def not_available(missing: list[str], reason: str) -> AgentFault:
    return AgentFault(
        503,
        "DESKTOP_NOT_AVAILABLE",
        f"Desktop automation is not available in this sandbox: {reason}",
        {"missing_dependencies": missing},
    )


class DesktopEngine:
    """Owns Xvfb, the window manager, x11vnc, recorders and the clipboard owner."""

    def __init__(self, config: DesktopConfig | None = None) -> None:
        self.config = config or DesktopConfig()
        self.x = XServer(self.config)
        self.input = Input(self.x)
        self.clipboard = Clipboard(self.x)
        self.screen = Screen(self.x)
        self.windows = Windows(self.x)
        self.ocr = Ocr(self.x)
        self.recorder = Recorder(self.x)
        self.vnc = Vnc(self.x)
        self._missing: list[str] | None = None

    def missing(self) -> list[str]:
        if self._missing is None:
            self._missing = missing_dependencies(self.config.path)
        return self._missing

    async def ready(self) -> DesktopEngine:
        """Check the tools are installed and start the display if needed; returns self."""
        missing = self.missing()
        if missing:
            raise not_available(missing, "install " + " ".join(missing))
        await self.x.ensure_started()
        return self

    def services(self) -> list[Service]:
        return [
            *self.x.services(),
            *self.vnc.services(),
            *self.clipboard.services(),
            *self.recorder.services(),
        ]

    def processes(self) -> list[dict[str, Any]]:
        """Live processes of the desktop's services (each leads its own process group)."""
        groups = {s.pid for s in self.services() if s.running}
        found = (procinfo.describe(pid) for pid in procinfo.group_members(groups))
        return [p for p in found if p is not None]

    def logs(self, limit: int = LOG_LINES) -> list[str]:
        """The last ``limit`` lines of the services' logs, each prefixed with its source."""
        lines: list[str] = []
        seen = set()
        for service in self.services():
            if service.log_path in seen:
                continue
            seen.add(service.log_path)
            try:
                text = service.log_path.read_text(errors="replace")
            except OSError:
                continue
            lines += [f"[{service.log_path.stem}] {line}" for line in text.splitlines() if line]
        return lines[-limit:]

    async def close(self) -> None:
        """Stop everything the desktop started (recordings are finalised first)."""
        await self.recorder.close()
        await asyncio.gather(self.vnc.stop(), self.clipboard.close())
        await self.x.close()
