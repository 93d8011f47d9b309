"""The X display: Xvfb plus a window manager, started on first use and restarted if they die."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import socket
from dataclasses import dataclass

from hopx_local.agent.desktop.config import DesktopConfig
from hopx_local.agent.desktop.procs import Service, poll_until, run_tool, tool_failure
from hopx_local.agent.errors import AgentFault

STANDARD_RESOLUTIONS: tuple[tuple[int, int], ...] = (
    (640, 480),
    (800, 600),
    (1024, 768),
    (1280, 720),
    (1280, 800),
    (1280, 1024),
    (1366, 768),
    (1440, 900),
    (1600, 900),
    (1600, 1200),
    (1680, 1050),
    (1920, 1080),
    (1920, 1200),
    (2560, 1440),
    (2560, 1600),
)

_OUTPUT = re.compile(r"^(\S+) connected", re.MULTILINE)
_MODE = re.compile(r"^\s+(\d+)x(\d+)\S*\s+(.*)$", re.MULTILINE)


@dataclass(frozen=True)
class ScreenState:
    width: int
    height: int
    output: str
    modes: tuple[tuple[int, int], ...]


def parse_xrandr(text: str) -> ScreenState:
    """Current size, output name and known modes from ``xrandr --current``."""
    output = _OUTPUT.search(text)
    current = re.search(r"current (\d+) x (\d+)", text)
    if output is None or current is None:
        raise tool_failure("xrandr", "unexpected output", output=text[:500])
    modes = tuple(dict.fromkeys((int(m[1]), int(m[2])) for m in _MODE.finditer(text)))
    return ScreenState(int(current[1]), int(current[2]), output[1], modes)


def display_is_free(display: int) -> bool:
    """True when no X server answers on :display (its abstract or file socket).

    Xvfb started with -displayfd writes no lock file, and replaces a stale socket file of a
    server that is gone (a sandbox's /tmp outlives stop/start), so a connection attempt is
    the one reliable test.
    """
    for address in (f"\0/tmp/.X11-unix/X{display}", f"/tmp/.X11-unix/X{display}"):
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(address)
            except OSError:
                continue
            return False
    return True


class XServer:
    """Owns Xvfb and the window manager of one desktop."""

    def __init__(self, config: DesktopConfig) -> None:
        self.config = config
        self.display: int | None = None
        self.xvfb: Service | None = None
        self.window_manager: Service | None = None
        self.size: tuple[int, int] = (config.width, config.height)
        """Current screen size, kept up to date by :meth:`set_size` (no query per click)."""
        self._lock = asyncio.Lock()

    # ------------------------------------------------------------------ environment
    @property
    def display_name(self) -> str:
        if self.display is None:
            raise AgentFault(500, "INTERNAL_ERROR", "the X display is not started")
        return f":{self.display}"

    def env(self, **extra: str) -> dict[str, str]:
        """Environment of every desktop program: the display, HOME and a fixed PATH."""
        env = {
            "PATH": self.config.path,
            "HOME": str(self.config.home),
            "LANG": "C.UTF-8",
            "DISPLAY": self.display_name,
        }
        env.update(extra)
        return env

    @property
    def running(self) -> bool:
        return (
            self.xvfb is not None
            and self.xvfb.running
            and self.window_manager is not None
            and self.window_manager.running
        )

    def services(self) -> list[Service]:
        return [s for s in (self.xvfb, self.window_manager) if s is not None]

    # ------------------------------------------------------------------ lifecycle
    async def ensure_started(self) -> None:
        """Start (or restart) Xvfb and the window manager unless both are running."""
        if self.running:
            return
        async with self._lock:
            if self.running:
                return
            await self._stop_services()
            await self._start_xvfb()
            await self._apply_initial_size()
            await self._start_window_manager()

    async def _start_xvfb(self) -> None:
        cfg = self.config
        cfg.state_dir.mkdir(parents=True, exist_ok=True)
        read_fd, write_fd = os.pipe()
        argv = ["Xvfb"]
        # A display in use (a shared host /tmp) falls back to the first free one.
        if cfg.display is not None and display_is_free(cfg.display):
            argv.append(f":{cfg.display}")
        argv += [
            "-displayfd", str(write_fd),
            "-screen", "0", f"{cfg.max_width}x{cfg.max_height}x{cfg.depth}",
            "-nolisten", "tcp",
            "-noreset",
            "-dpi", "96",
        ]  # fmt: skip
        env = {"PATH": cfg.path, "HOME": str(cfg.home), "LANG": "C.UTF-8"}
        try:
            self.xvfb = Service("Xvfb", argv, env, cfg.state_dir / "xvfb.log", pass_fds=[write_fd])
        finally:
            os.close(write_fd)
        os.set_blocking(read_fd, False)
        announced = bytearray()
        xvfb = self.xvfb

        async def announced_display() -> bool:
            with contextlib.suppress(BlockingIOError):
                announced.extend(os.read(read_fd, 64))
            if b"\n" in announced:
                return True
            if not xvfb.running:
                raise tool_failure("Xvfb", "exited at start", log=self._log_tail("xvfb.log"))
            return False

        try:
            await poll_until(announced_display, cfg.start_timeout, what="Xvfb to start")
        finally:
            os.close(read_fd)
        self.display = int(announced.decode().strip())

    async def _apply_initial_size(self) -> None:
        cfg = self.config
        self.size = (cfg.max_width, cfg.max_height)
        if (cfg.width, cfg.height) != self.size:
            await self.set_size(cfg.width, cfg.height)

    async def _start_window_manager(self) -> None:
        cfg = self.config
        self.window_manager = Service(
            "openbox", ["openbox", "--sm-disable"], self.env(), cfg.state_dir / "openbox.log"
        )
        wm = self.window_manager

        async def manager_ready() -> bool:
            if not wm.running:
                raise tool_failure("openbox", "exited at start", log=self._log_tail("openbox.log"))
            result = await run_tool(["wmctrl", "-m"], self.env(), timeout=5, check=False)
            return result.returncode == 0

        await poll_until(manager_ready, cfg.start_timeout, what="the window manager to start")

    async def _stop_services(self) -> None:
        for service in (self.window_manager, self.xvfb):
            if service is not None:
                await service.stop()
        self.window_manager = None
        self.xvfb = None

    async def close(self) -> None:
        async with self._lock:
            await self._stop_services()

    def _log_tail(self, name: str, limit: int = 2000) -> str:
        try:
            return (self.config.state_dir / name).read_text(errors="replace")[-limit:]
        except OSError:
            return ""

    # ------------------------------------------------------------------ resolution
    async def screen(self) -> ScreenState:
        result = await run_tool(["xrandr", "--current"], self.env())
        return parse_xrandr(result.stdout.decode(errors="replace"))

    def available_resolutions(self) -> list[tuple[int, int]]:
        """Standard resolutions that fit the framebuffer, plus the configured ones; ascending."""
        cfg = self.config
        sizes = [
            size
            for size in STANDARD_RESOLUTIONS
            if size[0] <= cfg.max_width and size[1] <= cfg.max_height
        ]
        for extra in ((cfg.width, cfg.height), (cfg.max_width, cfg.max_height)):
            if extra not in sizes:
                sizes.append(extra)
        return sorted(sizes)

    def check_size(self, width: int, height: int) -> None:
        """Only the sizes of :meth:`available_resolutions` are accepted (400 otherwise)."""
        if (width, height) not in self.available_resolutions():
            cfg = self.config
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"resolution {width}x{height} is not available on this display; choose one of "
                "GET /desktop/display/available (the framebuffer is "
                f"{cfg.max_width}x{cfg.max_height})",
                {
                    "field": "width",
                    "available": [f"{w}x{h}" for w, h in self.available_resolutions()],
                },
            )

    def check_point(self, x: int, y: int, x_field: str = "x", y_field: str = "y") -> None:
        """A pointer position must lie on the screen (400 naming the field otherwise)."""
        width, height = self.size
        for field, value, limit in ((x_field, x, width), (y_field, y, height)):
            if not 0 <= value < limit:
                raise AgentFault(
                    400,
                    "INVALID_REQUEST",
                    f"{field}={value} is outside the screen ({width}x{height}); "
                    f"use 0 <= {field} < {limit}",
                    {
                        "field": field,
                        "value": value,
                        "screen_width": width,
                        "screen_height": height,
                    },
                )

    async def set_size(self, width: int, height: int) -> ScreenState:
        """Switch the screen to width x height through RANDR (adds the mode when needed)."""
        self.check_size(width, height)
        state = await self.screen()
        if (state.width, state.height) == (width, height):
            self.size = (width, height)
            return state
        name = f"{width}x{height}"
        env = self.env()
        if (width, height) not in state.modes:
            htotal, vtotal = width + 24, height + 3
            clock = f"{htotal * vtotal * 60 / 1e6:.2f}"
            timings = [width, width + 8, width + 16, htotal, height, height + 1, height + 2, vtotal]
            await run_tool(["xrandr", "--newmode", name, clock, *map(str, timings)], env)
            await run_tool(["xrandr", "--addmode", state.output, name], env)
        await run_tool(["xrandr", "--output", state.output, "--mode", name], env)
        state = await self.screen()
        self.size = (state.width, state.height)
        return state
