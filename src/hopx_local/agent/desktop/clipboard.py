"""The CLIPBOARD selection through xclip, with a history of what passed through it."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

from hopx_local.agent.desktop.procs import Service, poll_until, run_tool
from hopx_local.agent.desktop.xserver import XServer

HISTORY_LIMIT = 100


@dataclass(frozen=True)
class ClipboardEntry:
    text: str
    timestamp: float
    source: str
    """``set`` (written through the API) or ``read`` (found there, put by an application)."""


class Clipboard:
    def __init__(self, x: XServer) -> None:
        self.x = x
        self.owner: Service | None = None
        self.history: list[ClipboardEntry] = []

    def _remember(self, text: str, source: str) -> None:
        if self.history and self.history[-1].text == text:
            return
        self.history.append(ClipboardEntry(text, time.time(), source))
        del self.history[:-HISTORY_LIMIT]

    async def get(self) -> str:
        """The clipboard's text; empty when no application owns the clipboard."""
        result = await run_tool(
            ["xclip", "-selection", "clipboard", "-o"], self.x.env(), timeout=5, check=False
        )
        if result.returncode != 0:
            return ""
        text = result.stdout.decode("utf-8", "replace")
        if text:
            self._remember(text, "read")
        return text

    async def set(self, text: str) -> None:
        """Own the clipboard with ``text`` (a foreground xclip serves it until replaced)."""
        if self.owner is not None:
            await self.owner.stop(grace=1.0)
        self.owner = Service(
            "xclip",
            ["xclip", "-selection", "clipboard", "-i", "-quiet"],
            self.x.env(),
            self.x.config.state_dir / "xclip.log",
            stdin_pipe=True,
        )
        await asyncio.to_thread(self.owner.write_stdin, text.encode())  # may be megabytes

        async def served() -> bool:
            result = await run_tool(
                ["xclip", "-selection", "clipboard", "-o"], self.x.env(), timeout=5, check=False
            )
            return result.returncode == 0 and result.stdout == text.encode()

        await poll_until(served, 5.0, what="the clipboard to hold the text")
        self._remember(text, "set")

    def services(self) -> list[Service]:
        return [self.owner] if self.owner is not None else []

    async def close(self) -> None:
        if self.owner is not None:
            await self.owner.stop(grace=1.0)
            self.owner = None
