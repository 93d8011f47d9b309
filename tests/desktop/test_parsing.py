"""What the engine reads from the X tools' output (no display needed)."""

from __future__ import annotations

import pytest

from hopx_local.agent.desktop.deps import debian_packages, missing_dependencies
from hopx_local.agent.desktop.inputs import chord, keysym
from hopx_local.agent.desktop.ocr import Word, find_text, parse_tsv, text_of
from hopx_local.agent.desktop.screen import Region, clip_region, png_size
from hopx_local.agent.desktop.windows import parse_tree, parse_wmctrl
from hopx_local.agent.desktop.xserver import parse_xrandr
from hopx_local.agent.errors import AgentFault

XRANDR = """Screen 0: minimum 1 x 1, current 1024 x 768, maximum 1280 x 1024
screen connected 1024x768+0+0 0mm x 0mm
   1280x1024      0.00 +
   1024x768      59.92*
"""

TSV = "\t".join(
    ["level", "page_num", "block_num", "par_num", "line_num", "word_num",
     "left", "top", "width", "height", "conf", "text"]
) + "\n" + "\n".join(
    "\t".join(map(str, row))
    for row in [
        (5, 1, 1, 1, 1, 1, 20, 40, 100, 30, 96.5, "Hello,"),
        (5, 1, 2, 1, 1, 1, 140, 40, 120, 30, 90.0, "desktop"),
        (4, 1, 2, 1, 1, 0, 140, 40, 120, 30, -1, ""),
        (5, 1, 3, 1, 1, 1, 20, 200, 80, 30, 80.0, "Other"),
    ]
)  # fmt: skip


def test_xrandr_current_size_output_and_modes() -> None:
    state = parse_xrandr(XRANDR)
    assert (state.width, state.height, state.output) == (1024, 768, "screen")
    assert state.modes == ((1280, 1024), (1024, 768))


def test_wmctrl_rows_and_absolute_geometry_from_the_tree() -> None:
    rows = parse_wmctrl("0x0040000c  0 11030  host cat here\n0x00600003 -1 0      host \n")
    assert rows == [(0x40000C, 0, 11030, "cat here"), (0x600003, -1, None, "")]
    tree = parse_tree(
        '     0x40000c "cat": ("xterm" "XTerm")  724x244+1+20  +11+30\n'
        "     0x200260 (has no name): ()  1x1+0+0  +1+1\n"
    )
    assert tree[0x40000C] == (11, 30, 724, 244)


def test_tesseract_words_are_scaled_back_to_the_screen() -> None:
    words = parse_tsv(TSV, origin_x=100, origin_y=10, scale=2)
    assert [w.text for w in words] == ["Hello,", "desktop", "Other"]
    hello = words[0]
    assert (hello.x, hello.y, hello.width, hello.height) == (110, 30, 50, 15)
    assert text_of(words) == "Hello,\ndesktop\nOther"


def test_find_text_across_blocks_of_one_visual_line() -> None:
    words = parse_tsv(TSV)
    match = find_text(words, "hello, DESKTOP")
    assert match is not None
    assert (match.x, match.y, match.text) == (20, 40, "Hello, desktop")
    assert match.x + match.width == 260

    partial = find_text(words, "Hello")  # inside "Hello,": box narrowed to 5 of 6 characters
    assert partial is not None and (partial.x, partial.width) == (20, 83)
    assert find_text(words, "missing") is None
    assert find_text(words, "desktop Other") is None  # different lines


def test_far_apart_words_on_one_row_are_not_one_phrase() -> None:
    def word(text: str, x: int) -> Word:
        return Word(text, x, 10, 40, 20, 90.0, (1, 1, 1))

    assert find_text([word("File", 0), word("Edit", 50)], "file edit") is not None
    assert find_text([word("File", 0), word("Edit", 400)], "file edit") is None


def test_key_names() -> None:
    assert keysym("enter") == "Return"
    assert keysym("f5") == "F5"
    assert keysym("a") == "a"
    assert chord(["CTRL", "meta"], "pagedown") == "ctrl+super+Next"
    with pytest.raises(AgentFault) as bad:
        chord(["hyper"], "a")
    assert bad.value.details["field"] == "modifiers"


def test_regions_are_clipped_to_the_screen() -> None:
    assert clip_region(Region(1000, 700, 100, 100), 1024, 768) == Region(1000, 700, 24, 68)
    with pytest.raises(AgentFault) as outside:
        clip_region(Region(2000, 0, 10, 10), 1024, 768)
    assert outside.value.status == 400


def test_png_size() -> None:
    header = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big")
    assert png_size(header + (480).to_bytes(4, "big") + b"\x08\x02") == (640, 480)


def test_missing_dependencies_names_debian_packages() -> None:
    missing = missing_dependencies(path="/nonexistent")
    assert {"xvfb", "x11vnc", "xdotool", "ffmpeg", "tesseract-ocr"} <= set(missing)
    assert set(missing) - {"tesseract-ocr-eng"} <= set(debian_packages())
