"""A real window on a real X display: read it by OCR, click into it, type, copy, screenshot."""

from __future__ import annotations

import io

from PIL import Image, ImageChops

from hopx_local.agent.desktop.screen import Region

from .conftest import Desktop


def _image(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.convert("RGB")


def _differs(before: Image.Image, after: Image.Image, box: tuple[int, int, int, int]) -> bool:
    return ImageChops.difference(before.crop(box), after.crop(box)).getbbox() is not None


def test_type_into_a_window_found_by_ocr(desktop: Desktop) -> None:
    engine = desktop.engine
    window = desktop.open_terminal("hopx-editor", 'echo "HOPX READY"; exec cat', "40x6+30+30")

    banner = desktop.run(engine.ocr.wait_for("HOPX READY", timeout=10))
    assert banner is not None, "the terminal's text was not found on the screen"
    assert window.x <= banner.x < window.x + window.width
    assert window.y <= banner.y < window.y + window.height

    # Click into the window, below the banner: it becomes the active window.
    desktop.run(engine.input.click(banner.x + 5, banner.y + banner.height + 12))
    assert desktop.run(engine.windows.active_id()) == window.id

    before = _image(desktop.run(engine.screen.capture()).data)
    desktop.run(engine.input.type("hopx typing works", delay_ms=5))
    typed = desktop.run(engine.ocr.wait_for("hopx typing works", timeout=10))
    assert typed is not None, "the typed text did not appear"
    assert typed.y > banner.y, "typed text should be on the line under the banner"
    after = _image(desktop.run(engine.screen.capture()).data)

    # Pixels changed where the typing happened, and only inside the window typed into.
    typed_box = (typed.x, typed.y, typed.x + typed.width, typed.y + typed.height)
    assert _differs(before, after, typed_box)
    changed = ImageChops.difference(before, after).getbbox()
    assert changed is not None
    left, top, right, bottom = changed
    assert window.x <= left and right <= window.x + window.width
    assert window.y <= top and bottom <= window.y + window.height

    # Double-click a word: xterm puts the selection on the CLIPBOARD, where get() reads it.
    word = desktop.run(engine.ocr.find("typing"))
    assert word is not None
    desktop.run(engine.input.click(word.x + word.width // 2, word.y + word.height // 2, clicks=2))
    assert desktop.run(engine.clipboard.get()) == "typing"

    desktop.run(engine.clipboard.set("set through the API"))
    assert desktop.run(engine.clipboard.get()) == "set through the API"
    recent = [entry.text for entry in reversed(engine.clipboard.history)]
    assert recent[:2] == ["set through the API", "typing"]


def test_region_screenshot_and_region_ocr(desktop: Desktop) -> None:
    engine = desktop.engine
    desktop.open_terminal("hopx-region", 'echo "REGION 42"; exec cat', "24x3+600+400")
    found = desktop.run(engine.ocr.wait_for("REGION 42", timeout=10))
    assert found is not None
    area = Region(found.x - 10, found.y - 10, found.width + 20, found.height + 20)

    shot = desktop.run(engine.screen.capture(area))
    assert (shot.width, shot.height) == (area.width, area.height)
    assert _image(shot.data).size == (area.width, area.height)

    read = desktop.run(engine.ocr.read(area))
    assert "REGION 42" in read.text
    assert read.region == area

    # A region hanging off the screen is clipped to it.
    width, height = engine.x.size
    edge = desktop.run(engine.screen.capture(Region(width - 50, height - 30, 500, 500)))
    assert (edge.width, edge.height) == (50, 30)

    jpeg = desktop.run(engine.screen.capture(area, "jpeg", 80))
    assert jpeg.data[:3] == b"\xff\xd8\xff"
