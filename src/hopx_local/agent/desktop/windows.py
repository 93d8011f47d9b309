"""Top-level windows, as the window manager sees them (EWMH through wmctrl, xprop, xdotool).

Geometry comes from ``xwininfo -root -tree`` (absolute client-area position): ``wmctrl -G`` and
``xdotool getwindowgeometry`` add a reparenting window manager's frame offset twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
from dataclasses import dataclass

from hopx_local.agent.desktop.procs import poll_until, run_tool, tool_failure
from hopx_local.agent.desktop.xserver import XServer
from hopx_local.agent.errors import AgentFault

# 0x0040000c  0 11030  vm cat       (id, desktop, pid, host, title; title may be empty)
_WMCTRL_LINE = re.compile(r"^(0x[0-9a-fA-F]+)\s+(-?\d+)\s+(\d+)\s+(\S+)\s?(.*)$")
# 0x40000c "cat": ("xterm" "XTerm")  724x244+1+20  +11+30
_TREE_LINE = re.compile(
    r"^\s*(0x[0-9a-fA-F]+)\s.*?\s(\d+)x(\d+)[+-]-?\d+[+-]-?\d+\s+\+?(-?\d+)\+?(-?\d+)\s*$"
)
_WINDOW_ID = re.compile(r"0x[0-9a-fA-F]+")
# What wmctrl says while the root window has no client list yet (openbox publishes
# _NET_CLIENT_LIST a moment after it answers ``wmctrl -m``): no windows, not a failure.
_NO_CLIENT_LIST = "Cannot get client list properties"


@dataclass(frozen=True)
class Window:
    id: int
    title: str
    x: int
    y: int
    width: int
    height: int
    is_active: bool
    is_minimized: bool
    desktop: int
    pid: int | None


def parse_wmctrl(text: str) -> list[tuple[int, int, int | None, str]]:
    """(id, desktop, pid or None, title) of each line of ``wmctrl -lp``."""
    rows = []
    for line in text.splitlines():
        match = _WMCTRL_LINE.match(line)
        if match:
            pid = int(match[3])
            rows.append((int(match[1], 16), int(match[2]), pid or None, match[5]))
    return rows


def parse_tree(text: str) -> dict[int, tuple[int, int, int, int]]:
    """window id -> (absolute x, absolute y, width, height) from ``xwininfo -root -tree``."""
    geometry = {}
    for line in text.splitlines():
        match = _TREE_LINE.match(line)
        if match:
            geometry[int(match[1], 16)] = (
                int(match[4]),
                int(match[5]),
                int(match[2]),
                int(match[3]),
            )
    return geometry


def window_not_found(window_id: int) -> AgentFault:
    return AgentFault(
        404,
        "NOT_FOUND",
        f"no window with id {window_id}; list windows with GET /desktop/windows/list",
        {"window_id": window_id},
    )


class Windows:
    def __init__(self, x: XServer) -> None:
        self.x = x

    async def _text(self, *argv: str, check: bool = True) -> str:
        result = await run_tool(list(argv), self.x.env(), timeout=10, check=check)
        return result.stdout.decode("utf-8", "replace") if result.returncode == 0 else ""

    async def active_id(self) -> int | None:
        text = await self._text("xprop", "-root", "_NET_ACTIVE_WINDOW", check=False)
        match = _WINDOW_ID.search(text)
        value = int(match[0], 16) if match else 0
        return value or None

    async def _minimized(self, window_id: int) -> bool:
        text = await self._text("xprop", "-id", str(window_id), "_NET_WM_STATE", check=False)
        return "_NET_WM_STATE_HIDDEN" in text

    async def _client_rows(self) -> str:
        """``wmctrl -lp`` (empty while the window manager has not published its client list)."""
        result = await run_tool(["wmctrl", "-lp"], self.x.env(), timeout=10, check=False)
        if result.returncode == 0:
            return result.stdout.decode("utf-8", "replace")
        if _NO_CLIENT_LIST in result.stderr:
            return ""
        raise tool_failure("wmctrl", result.stderr.strip())

    async def ids(self) -> set[int]:
        return {row[0] for row in parse_wmctrl(await self._client_rows())}

    async def list(self) -> list[Window]:
        rows, tree, active = await asyncio.gather(
            self._client_rows(),
            self._text("xwininfo", "-root", "-tree"),
            self.active_id(),
        )
        clients = parse_wmctrl(rows)
        geometry = parse_tree(tree)
        minimized = await asyncio.gather(*(self._minimized(row[0]) for row in clients))
        windows = []
        for (window_id, desktop, pid, title), hidden in zip(clients, minimized, strict=True):
            x, y, width, height = geometry.get(window_id, (0, 0, 0, 0))
            windows.append(
                Window(
                    id=window_id,
                    title=title,
                    x=x,
                    y=y,
                    width=width,
                    height=height,
                    is_active=window_id == active,
                    is_minimized=hidden,
                    desktop=desktop,
                    pid=pid,
                )
            )
        return windows

    async def get(self, window_id: int) -> Window:
        for window in await self.list():
            if window.id == window_id:
                return window
        raise window_not_found(window_id)

    async def _require(self, window_id: int) -> str:
        if window_id not in await self.ids():
            raise window_not_found(window_id)
        return f"0x{window_id:08x}"

    async def focus(self, window_id: int) -> None:
        """Raise and focus (restoring a minimized window); returns once it is active."""
        hex_id = await self._require(window_id)
        await run_tool(["wmctrl", "-i", "-a", hex_id], self.x.env())

        async def active() -> bool:
            return await self.active_id() == window_id

        await poll_until(active, 5.0, what=f"window {window_id} to become active")

    async def close(self, window_id: int) -> bool:
        """Ask the window to close (WM_DELETE_WINDOW); True once it is gone (waits up to 3 s)."""
        hex_id = await self._require(window_id)
        await run_tool(["wmctrl", "-i", "-c", hex_id], self.x.env())

        async def gone() -> bool:
            return window_id not in await self.ids()

        try:
            await poll_until(gone, 3.0, what=f"window {window_id} to close")
        except AgentFault:
            return False
        return True

    async def minimize(self, window_id: int) -> None:
        await self._require(window_id)
        await run_tool(["xdotool", "windowminimize", "--sync", str(window_id)], self.x.env())

    async def resize(self, window_id: int, width: int, height: int) -> Window:
        """Resize the client area; the application may round to its size increments
        (a terminal snaps to whole character cells). Answers the size it took."""
        hex_id = await self._require(window_id)
        env = self.x.env()
        await run_tool(
            ["wmctrl", "-i", "-r", hex_id, "-b", "remove,maximized_vert,maximized_horz"], env
        )
        before = await self.get(window_id)
        await run_tool(["wmctrl", "-i", "-r", hex_id, "-e", f"0,-1,-1,{width},{height}"], env)

        async def changed() -> bool:
            now = await self.get(window_id)
            return (now.width, now.height) != (before.width, before.height)

        if (before.width, before.height) != (width, height):
            with contextlib.suppress(AgentFault):
                await poll_until(changed, 3.0, what=f"window {window_id} to resize")
        return await self.get(window_id)
