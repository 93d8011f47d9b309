"""Windows through the window manager; the display's resolution through RANDR; bad input."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from PIL import Image

from hopx_local.agent.desktop.xserver import XServer, display_is_free
from hopx_local.agent.errors import AgentFault

from .conftest import HEIGHT, WIDTH, Desktop


def test_window_list_focus_resize_minimize_close(desktop: Desktop) -> None:
    engine = desktop.engine
    first = desktop.open_terminal("hopx-first", "exec cat", "30x5+50+300")
    second = desktop.open_terminal("hopx-second", "exec cat", "30x5+450+300")

    listed = {w.title: w for w in desktop.run(engine.windows.list())}
    assert {"hopx-first", "hopx-second"} <= listed.keys()
    assert listed["hopx-second"].pid is not None
    assert not listed["hopx-first"].is_minimized

    desktop.run(engine.windows.focus(first.id))
    assert desktop.run(engine.windows.get(first.id)).is_active
    assert not desktop.run(engine.windows.get(second.id)).is_active

    # A terminal snaps to whole character cells: the size lands within one cell of the ask.
    resized = desktop.run(engine.windows.resize(first.id, 500, 260))
    assert abs(resized.width - 500) < 20 and abs(resized.height - 260) < 30
    assert (resized.width, resized.height) != (first.width, first.height)

    desktop.run(engine.windows.minimize(second.id))
    assert desktop.run(engine.windows.get(second.id)).is_minimized
    desktop.run(engine.windows.focus(second.id))  # focusing restores it
    restored = desktop.run(engine.windows.get(second.id))
    assert restored.is_active and not restored.is_minimized

    window_png = desktop.run(engine.screen.capture_window(second.id))
    assert Image.open(io.BytesIO(window_png)).size == (restored.width, restored.height)

    assert desktop.run(engine.windows.close(first.id)) is True
    assert first.id not in desktop.run(engine.windows.ids())

    with pytest.raises(AgentFault) as missing:
        desktop.run(engine.windows.focus(first.id))
    assert (missing.value.status, missing.value.code) == (404, "NOT_FOUND")


def test_display_resolution(desktop: Desktop) -> None:
    x = desktop.engine.x
    assert x.size == (WIDTH, HEIGHT)
    available = x.available_resolutions()
    assert (800, 600) in available and (1280, 1024) in available
    assert all(w <= 1280 and h <= 1024 for w, h in available)

    try:
        state = desktop.run(x.set_size(800, 600))
        assert (state.width, state.height) == (800, 600) == x.size
        shot = desktop.run(desktop.engine.screen.capture())
        assert Image.open(io.BytesIO(shot.data)).size == (800, 600)

        with pytest.raises(AgentFault) as unsupported:
            desktop.run(x.set_size(1920, 1080))
        assert unsupported.value.status == 400
        assert "1280x1024" in unsupported.value.details["available"]
    finally:
        desktop.run(x.set_size(WIDTH, HEIGHT))
    assert desktop.run(x.screen()).width == WIDTH


def test_bad_input_is_refused_with_the_field(desktop: Desktop) -> None:
    engine = desktop.engine
    with pytest.raises(AgentFault) as outside:
        engine.x.check_point(WIDTH, 10)
    assert outside.value.details["field"] == "x"

    with pytest.raises(AgentFault) as key:
        desktop.run(engine.input.press("NoSuchKeyName"))
    assert (key.value.status, key.value.details["field"]) == (400, "key")

    with pytest.raises(AgentFault) as modifier:
        desktop.run(engine.input.combination(["hyperdrive"], "a"))
    assert modifier.value.details["field"] == "modifiers"

    with pytest.raises(AgentFault) as language:
        desktop.run(engine.ocr.read(language="xxx"))
    assert language.value.details["field"] == "language"


def test_drag_selects_text_and_scroll_moves_the_pointer(desktop: Desktop) -> None:
    engine = desktop.engine
    desktop.open_terminal("hopx-drag", 'echo "DRAG ME PLEASE"; exec cat', "30x3+50+600")
    text = desktop.run(engine.ocr.wait_for("DRAG ME PLEASE", timeout=10))
    assert text is not None
    middle = text.y + text.height // 2
    # Dragging across the text selects it; xterm puts the selection on the clipboard.
    desktop.run(
        engine.input.drag(text.x - 2, middle, text.x + text.width + 2, middle, duration_ms=300)
    )
    assert desktop.run(engine.clipboard.get()).strip() == "DRAG ME PLEASE"
    assert desktop.run(engine.input.position()) == (text.x + text.width + 2, middle)

    desktop.run(engine.input.scroll(2, "down", 910, 160))
    assert desktop.run(engine.input.position()) == (910, 160)


def test_debug_processes_and_logs(desktop: Desktop) -> None:
    names = {p["name"] for p in desktop.engine.processes()}
    assert {"Xvfb", "openbox"} <= names
    for process in desktop.engine.processes():
        assert process["pid"] > 0 and process["memory_rss_bytes"] >= 0
    assert isinstance(desktop.engine.logs(), list)


def test_a_display_in_use_is_not_taken(desktop: Desktop) -> None:
    live = desktop.engine.x.display
    assert live is not None
    assert display_is_free(live) is False  # our running Xvfb answers there
    config = replace(desktop.engine.config, display=live)
    other = XServer(config)
    try:
        desktop.run(other.ensure_started())  # falls back to a free display
        assert other.display not in (None, live)
    finally:
        desktop.run(other.close())
