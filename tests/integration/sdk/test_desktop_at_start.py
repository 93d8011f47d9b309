"""A ``desktop`` sandbox's display is up when create returns, before any ``desktop.*`` call.

What a user does first: start an X program with ``commands.run("xterm &")`` and take a
screenshot. Both used to fail until some ``desktop.*`` call had started the X server
(``Can't open display: :1``, then a black first frame).
"""

from __future__ import annotations

import contextlib
import io
from collections.abc import Iterator

import pytest
from PIL import Image

from hopx_ai import NotFoundError, Sandbox
from tests.integration.sdk.support import poll_sync

pytestmark = [pytest.mark.integration, pytest.mark.timeout(120)]


@pytest.fixture
def fresh_desktop(hopx_environment: dict[str, str]) -> Iterator[Sandbox]:
    created = Sandbox.create(template="desktop")
    try:
        yield created
    finally:
        with contextlib.suppress(NotFoundError):
            created.kill()
        created.close()


def _white_share(png: bytes) -> float:
    """Share of the screen's pixels that are white (an xterm's background)."""
    image = Image.open(io.BytesIO(png)).convert("L")
    histogram = image.histogram()
    return sum(histogram[250:]) / (image.width * image.height)


def test_x_programs_start_right_after_create(fresh_desktop: Sandbox) -> None:
    probe = fresh_desktop.commands.run("xdpyinfo | grep dimensions")

    assert probe.exit_code == 0, probe.stderr
    assert "Can't open display" not in probe.stderr
    assert "1920x1080 pixels" in probe.stdout


def test_first_screenshot_shows_a_window_started_before_any_desktop_call(
    fresh_desktop: Sandbox,
) -> None:
    started = fresh_desktop.commands.run("xterm -geometry 120x40+0+0 &")
    assert started.exit_code == 0, started.stderr
    assert "Can't open display" not in started.stderr
    poll_sync(
        lambda: fresh_desktop.commands.run("xdotool search --class xterm").stdout.strip(),
        timeout=30,
        what="the xterm's window",
    )

    share = _white_share(fresh_desktop.desktop.screenshot())

    assert share > 0.1, f"only {share:.1%} of the first screenshot is the xterm's white"
