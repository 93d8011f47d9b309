"""A real desktop for the tests: the engine runs Xvfb + openbox on a free display of this host.

One desktop serves the whole session (one event loop too: the engine's processes and locks
belong to it). Everything is skipped, with the reason, when the Debian packages are missing.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest

from hopx_local.agent.desktop import DesktopConfig, DesktopEngine, missing_dependencies
from hopx_local.agent.desktop.windows import Window

T = TypeVar("T")

WIDTH, HEIGHT = 1024, 768
MAX_WIDTH, MAX_HEIGHT = 1280, 1024


def _skip_reason() -> str | None:
    missing = missing_dependencies()
    if shutil.which("xterm") is None:
        missing.append("xterm")
    if missing:
        return "desktop packages missing: apt-get install " + " ".join(missing)
    return None


class Desktop:
    """The engine plus a way to drive it from synchronous tests."""

    def __init__(self, loop: asyncio.AbstractEventLoop, engine: DesktopEngine) -> None:
        self.loop = loop
        self.engine = engine
        self._programs: list[subprocess.Popen[bytes]] = []

    def run(self, coroutine: Coroutine[Any, Any, T]) -> T:
        return self.loop.run_until_complete(coroutine)

    def open_terminal(self, title: str, shell_command: str, geometry: str) -> Window:
        """An xterm (big DejaVu font, selections go to CLIPBOARD); returns once it is mapped."""
        program = subprocess.Popen(
            [
                "xterm", "-T", title, "-geometry", geometry,
                "-fa", "DejaVu Sans Mono", "-fs", "16",
                "-xrm", "XTerm*selectToClipboard: true",
                "-e", "sh", "-c", shell_command,
            ],
            env=self.engine.x.env(),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self._programs.append(program)
        return self.wait_for_window(title)

    def wait_for_window(self, title: str, timeout: float = 10.0) -> Window:
        deadline = time.monotonic() + timeout
        while True:
            for window in self.run(self.engine.windows.list()):
                if window.title == title and window.width > 0:
                    return window
            if time.monotonic() > deadline:
                raise AssertionError(f"window {title!r} did not appear within {timeout} s")
            time.sleep(0.05)

    def close_programs(self) -> None:
        for program in self._programs:
            program.kill()
            program.wait()


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    reason = _skip_reason()
    if reason:
        pytest.skip(reason)
    root: Path = tmp_path_factory.mktemp("desktop")
    (root / "run").mkdir()
    config = DesktopConfig(
        display=None,
        width=WIDTH,
        height=HEIGHT,
        max_width=MAX_WIDTH,
        max_height=MAX_HEIGHT,
        state_dir=root / "state",
        run_dir=root / "run",
        home=root,
    )
    loop = asyncio.new_event_loop()
    engine = DesktopEngine(config)
    driver = Desktop(loop, engine)
    loop.run_until_complete(engine.ready())
    try:
        yield driver
    finally:
        driver.close_programs()
        loop.run_until_complete(engine.close())
        loop.close()
