"""``sandbox.desktop`` against a real X display, through ``Sandbox`` and ``AsyncSandbox`` alike.

Each test runs twice (``dsk`` is a ``Sandbox``, then an ``AsyncSandbox``, each a ``desktop``
sandbox shared by the module, its screen set to 800x600 so OCR stays quick). Programs are
xterms started with ``commands.run`` (``DISPLAY=:1`` comes from the template), read by OCR,
clicked and typed into; VNC is reached from the host on the port ``start_vnc()`` answers.
"""

from __future__ import annotations

import contextlib
import io
import json
import shlex
import shutil
import socket
import subprocess
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image, ImageChops

from hopx_ai import (
    AsyncSandbox,
    DisplayInfo,
    ElementBounds,
    NotFoundError,
    RecordingInfo,
    Sandbox,
    SystemProcess,
    VNCInfo,
    WindowInfo,
)
from tests.desktop.rfb import authenticate, handshake, read_exact
from tests.integration.sdk.support import aw, poll

pytestmark = [pytest.mark.integration, pytest.mark.anyio, pytest.mark.timeout(120)]

SCREEN = (800, 600)
VNC_AUTH = 2


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def desktop_sandbox(hopx_environment: dict[str, str]) -> Iterator[Sandbox]:
    created = Sandbox.create(template="desktop")
    try:
        created.desktop.set_resolution(*SCREEN)
        yield created
    finally:
        with contextlib.suppress(NotFoundError):
            created.kill()
        created.close()


@pytest.fixture(scope="module")
async def async_desktop_sandbox(hopx_environment: dict[str, str]) -> AsyncIterator[AsyncSandbox]:
    created = await AsyncSandbox.create(template="desktop")
    try:
        await created.desktop.set_resolution(*SCREEN)
        yield created
    finally:
        with contextlib.suppress(NotFoundError):
            await created.kill()
        await created.close()


@pytest.fixture(scope="module", params=["Sandbox", "AsyncSandbox"])
def dsk(
    request: pytest.FixtureRequest,
    desktop_sandbox: Sandbox,
    async_desktop_sandbox: AsyncSandbox,
) -> Any:
    """Each client's desktop sandbox in turn (tests wrap calls in ``await aw(...)``)."""
    return desktop_sandbox if request.param == "Sandbox" else async_desktop_sandbox


# --------------------------------------------------------------------------- helpers


async def open_terminal(sbx: Any, title: str, shell_command: str, geometry: str) -> WindowInfo:
    """An xterm in the sandbox (big font, selections go to the CLIPBOARD), once it is mapped."""
    command = shlex.join(
        [
            "xterm", "-T", title, "-geometry", geometry,
            "-fa", "DejaVu Sans Mono", "-fs", "16",
            "-xrm", "XTerm*selectToClipboard: true",
            "-e", "sh", "-c", shell_command,
        ]
    )  # fmt: skip
    await aw(sbx.commands.run(command, background=True))
    return await wait_for_window(sbx, title)


async def wait_for_window(sbx: Any, title: str) -> WindowInfo:
    async def mapped() -> WindowInfo | None:
        for window in await aw(sbx.desktop.get_windows()):
            if window.title == title and window.width:
                return window
        return None

    window: WindowInfo = await poll(mapped, timeout=20, what=f"window {title!r}", every=0.1)
    return window


async def window_titled(sbx: Any, title: str) -> WindowInfo | None:
    windows = await aw(sbx.desktop.get_windows())
    return next((window for window in windows if window.title == title), None)


def image(png: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(png))
    assert picture.format == "PNG"
    return picture.convert("RGB")


async def pointer(sbx: Any) -> tuple[int, int]:
    """Where the X pointer is, asked of X inside the sandbox (not of the agent)."""
    result = await aw(sbx.commands.run("xdotool getmouselocation --shell"))
    values = dict(line.split("=", 1) for line in result.stdout.split())
    return int(values["X"]), int(values["Y"])


def kind(sbx: Any) -> str:
    return "async" if isinstance(sbx, AsyncSandbox) else "sync"


# --------------------------------------------------------------------------- a real window


async def test_type_into_a_window_found_by_ocr(dsk: Any) -> None:
    desktop = dsk.desktop
    typed_file = f"/workspace/{kind(dsk)}-typed.txt"
    window = await open_terminal(
        dsk, "hopx-editor", f'echo "HOPX READY"; exec cat > {typed_file}', "40x6+30+30"
    )

    banner = await aw(desktop.wait_for("HOPX READY", timeout=20))
    assert isinstance(banner, ElementBounds)
    assert window.x <= banner.x < window.x + window.width
    assert window.y <= banner.y < window.y + window.height
    found = await aw(desktop.find_element("HOPX READY"))
    assert found is not None and (found.x, found.y) == (banner.x, banner.y)
    assert await aw(desktop.find_element("NOWHERE ON SCREEN")) is None
    bounds = await aw(desktop.get_bounds("READY"))
    assert bounds.x > banner.x and bounds.y == pytest.approx(banner.y, abs=4)
    window_text = await aw(desktop.ocr(window.x, window.y, window.width, window.height))
    assert "HOPX READY" in window_text

    # Click into the window, under the banner: it becomes the active window.
    await aw(desktop.click(banner.x + 5, banner.y + banner.height + 12))
    await poll(
        lambda: _active(dsk, "hopx-editor"), timeout=5, what="the clicked window to be active"
    )

    before = image(await aw(desktop.screenshot()))
    assert before.size == SCREEN
    await aw(desktop.type("hopx typing works", delay_ms=5))
    typed = await aw(desktop.wait_for("hopx typing works", timeout=15))
    assert typed.y > banner.y, "the typed text should be on the line under the banner"
    after = image(await aw(desktop.screenshot()))

    # Pixels changed where the typing happened, and only inside the window typed into.
    box = (typed.x, typed.y, typed.x + typed.width, typed.y + typed.height)
    assert ImageChops.difference(before.crop(box), after.crop(box)).getbbox() is not None
    changed = ImageChops.difference(before, after).getbbox()
    assert changed is not None
    left, top, right, bottom = changed
    assert window.x <= left and right <= window.x + window.width
    assert window.y <= top and bottom <= window.y + window.height

    # A region screenshot is that rectangle of the screen.
    region = image(await aw(desktop.screenshot_region(*box[:2], typed.width, typed.height)))
    assert region.size == (typed.width, typed.height)
    assert ImageChops.difference(region, after.crop(box)).getbbox() is None

    # Return ends the line: the program in the window (cat) receives what was typed.
    await aw(desktop.press("Return"))
    await poll(
        lambda: _file_text(dsk, typed_file), timeout=5, what="the typed line to reach the program"
    )
    assert await _file_text(dsk, typed_file) == "hopx typing works\n"

    # Double-click a word: xterm puts the selection on the CLIPBOARD.
    word = await aw(desktop.find_element("typing"))
    assert word is not None
    await aw(desktop.click(word.x + word.width // 2, word.y + word.height // 2, clicks=2))
    await poll(
        lambda: _clipboard_is(dsk, "typing"), timeout=5, what="the selection on the clipboard"
    )

    await aw(desktop.set_clipboard("set through the SDK"))
    assert await aw(desktop.get_clipboard()) == "set through the SDK"
    history = await aw(desktop.get_clipboard_history())
    assert history[:2] == ["set through the SDK", "typing"]

    # The active window alone, as PNG.
    shot = image(await aw(desktop.capture_window()))
    assert abs(shot.width - window.width) <= 2 and abs(shot.height - window.height) <= 2


async def _active(sbx: Any, title: str) -> bool:
    window = await window_titled(sbx, title)
    return window is not None and bool(window.is_active)


async def _file_text(sbx: Any, path: str) -> str:
    if not await aw(sbx.files.exists(path)):
        return ""
    text: str = await aw(sbx.files.read(path))
    return text


async def _clipboard_is(sbx: Any, text: str) -> bool:
    return bool(await aw(sbx.desktop.get_clipboard()) == text)


# --------------------------------------------------------------------------- input


async def test_pointer_moves_drags_and_scrolls(dsk: Any) -> None:
    desktop = dsk.desktop
    await aw(desktop.move(321, 234))
    assert await pointer(dsk) == (321, 234)

    await aw(desktop.drag(100, 100, 400, 300))
    assert await pointer(dsk) == (400, 300)
    await aw(desktop.drag_drop(400, 300, 120, 140))
    assert await pointer(dsk) == (120, 140)
    await aw(desktop.scroll(3, "up"))  # X buttons 4/5 at the pointer; the pointer stays
    assert await pointer(dsk) == (120, 140)


async def test_key_combinations_reach_the_focused_program(dsk: Any) -> None:
    # Ctrl+C interrupts the program in one terminal, Ctrl+D ends the input of the other:
    # either way the program exits and its window goes away.
    desktop = dsk.desktop
    first = await open_terminal(dsk, "hopx-ctrl-c", "exec cat", "20x4+500+40")
    second = await open_terminal(dsk, "hopx-ctrl-d", "exec cat", "20x4+500+300")

    await aw(desktop.focus_window(first.id))
    await poll(lambda: _active(dsk, "hopx-ctrl-c"), timeout=5, what="focus")
    await aw(desktop.combination(["ctrl"], "c"))
    await poll(
        lambda: _gone(dsk, "hopx-ctrl-c"), timeout=10, what="Ctrl+C to end the first program"
    )

    await aw(desktop.focus_window(second.id))
    await poll(lambda: _active(dsk, "hopx-ctrl-d"), timeout=5, what="focus")
    await aw(desktop.hotkey(["ctrl"], "d"))
    await poll(
        lambda: _gone(dsk, "hopx-ctrl-d"), timeout=10, what="Ctrl+D to end the second program"
    )


async def _gone(sbx: Any, title: str) -> bool:
    return await window_titled(sbx, title) is None


# --------------------------------------------------------------------------- windows, display


async def test_windows_list_focus_resize_minimize_close(dsk: Any) -> None:
    desktop = dsk.desktop
    window = await open_terminal(dsk, "hopx-windows", "exec cat", "30x8+60+400")
    assert isinstance(window, WindowInfo)
    assert window.id and window.pid and window.is_minimized is False

    await aw(desktop.focus_window(window.id))
    await poll(lambda: _active(dsk, "hopx-windows"), timeout=5, what="the focused window")

    await aw(desktop.resize_window(window.id, 500, 260))
    resized = await poll(
        lambda: _resized(dsk, "hopx-windows", (window.width, window.height)),
        timeout=5,
        what="the resize",
    )
    assert abs(resized.width - 500) < 20 and abs(resized.height - 260) < 30

    await aw(desktop.minimize_window(window.id))
    minimized = await window_titled(dsk, "hopx-windows")
    assert minimized is not None and minimized.is_minimized

    await aw(desktop.close_window(window.id))
    await poll(lambda: _gone(dsk, "hopx-windows"), timeout=10, what="the window to close")


async def _resized(sbx: Any, title: str, size: tuple[int | None, int | None]) -> Any:
    window = await window_titled(sbx, title)
    return window if window is not None and (window.width, window.height) != size else None


async def test_display_and_resolutions(dsk: Any) -> None:
    desktop = dsk.desktop
    display = await aw(desktop.get_display())
    assert isinstance(display, DisplayInfo)
    assert (display.width, display.height) == SCREEN and display.resolution == "800x600"
    assert display.depth == 24

    available = await aw(desktop.get_available_resolutions())
    assert SCREEN in available and (1280, 720) in available
    assert all(isinstance(w, int) and isinstance(h, int) for w, h in available)

    try:
        changed = await aw(desktop.set_resolution(1280, 720))
        assert isinstance(changed, DisplayInfo) and changed.resolution == "1280x720"
        assert (await aw(desktop.get_display())).resolution == "1280x720"
        assert image(await aw(desktop.screenshot())).size == (1280, 720)
    finally:
        await aw(desktop.set_resolution(*SCREEN))


async def test_debug_logs_and_processes(dsk: Any) -> None:
    desktop = dsk.desktop
    processes = await aw(desktop.get_debug_processes())
    assert all(isinstance(process, SystemProcess) for process in processes)
    assert {"Xvfb", "openbox"} <= {process.name for process in processes}
    logs = await aw(desktop.get_debug_logs())
    assert logs and all(isinstance(line, str) for line in logs)


# --------------------------------------------------------------------------- VNC


async def test_vnc_from_the_host(dsk: Any) -> None:
    desktop = dsk.desktop
    try:
        info = await aw(desktop.start_vnc(password="hopx-pw1"))
        assert isinstance(info, VNCInfo)
        assert info.running and info.display == 1 and info.password == "hopx-pw1"
        assert info.url == f"vnc://127.0.0.1:{info.port}"
        assert info.port != 5901, "the URL must be the host's relay, not the in-sandbox port"

        with socket.create_connection(("127.0.0.1", info.port), timeout=5) as viewer:
            assert VNC_AUTH in handshake(viewer)
        with socket.create_connection(("127.0.0.1", info.port), timeout=5) as viewer:
            login = authenticate(viewer, "hopx-pw1")
            if login is not None:  # None: this host's openssl cannot compute DES
                result, screen = login
                assert result == 0, "the password was refused"
                assert screen == SCREEN[0].to_bytes(2, "big") + SCREEN[1].to_bytes(2, "big")
        with socket.create_connection(("127.0.0.1", info.port), timeout=5) as viewer:
            login = authenticate(viewer, "wrong-pw")
            assert login is None or login[0] != 0, "a wrong password was accepted"

        status = await aw(desktop.get_vnc_status())
        assert status.running and status.url == info.url
        assert await aw(desktop.get_vnc_url()) == info.url
    finally:
        await aw(desktop.stop_vnc())

    stopped = await aw(desktop.get_vnc_status())
    assert not stopped.running
    # The port stays the sandbox's, but nothing answers behind it any more.
    with socket.create_connection(("127.0.0.1", info.port), timeout=5) as viewer:
        viewer.settimeout(5)
        assert viewer.recv(12) == b""


async def test_vnc_without_a_password_gets_one(dsk: Any) -> None:
    desktop = dsk.desktop
    try:
        info = await aw(desktop.start_vnc())
        assert info.running and info.password, "a generated password is returned"
        with socket.create_connection(("127.0.0.1", info.port), timeout=5) as viewer:
            banner = read_exact(viewer, 12)
            assert banner.startswith(b"RFB 003.")
            viewer.sendall(b"RFB 003.008\n")
            count = read_exact(viewer, 1)[0]
            assert list(read_exact(viewer, count)) == [VNC_AUTH]
    finally:
        await aw(desktop.stop_vnc())


# --------------------------------------------------------------------------- recording


async def test_record_the_screen_and_download_a_playable_video(dsk: Any, tmp_path: Path) -> None:
    ffprobe = shutil.which("ffprobe")
    if ffprobe is None:
        pytest.skip("ffprobe is not installed (apt-get install ffmpeg)")
    desktop = dsk.desktop
    started = await aw(desktop.start_recording(fps=10, format="mp4", quality="low"))
    assert isinstance(started, RecordingInfo)
    assert started.recording_id and started.is_recording and started.format == "mp4"

    # Something moves on the screen while it records.
    for step in range(10):
        await aw(desktop.move(100 + step * 40, 100 + step * 20))
    await poll(
        lambda: _recorded_for(dsk, started.recording_id, 2.0),
        timeout=10,
        what="two seconds of recording",
    )

    stopped = await aw(desktop.stop_recording(started.recording_id))
    assert stopped.is_ready and stopped.duration is not None and stopped.duration > 1.0
    assert (await aw(desktop.get_recording_status(started.recording_id))).is_ready

    video = await aw(desktop.download_recording(started.recording_id))
    assert stopped.file_size == len(video)
    path = tmp_path / "recording.mp4"
    path.write_bytes(video)
    probe = subprocess.run(
        [ffprobe, "-v", "error", "-show_streams", "-show_format", "-of", "json", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    described = json.loads(probe.stdout)
    streams = [s for s in described["streams"] if s["codec_type"] == "video"]
    assert streams, f"no video stream in the recording: {described}"
    assert (int(streams[0]["width"]), int(streams[0]["height"])) == SCREEN
    assert float(described["format"]["duration"]) > 1.0


async def _recorded_for(sbx: Any, recording_id: str, seconds: float) -> bool:
    status = await aw(sbx.desktop.get_recording_status(recording_id))
    assert status.is_recording, f"the recording ended early: {status}"
    return bool(status.duration and status.duration >= seconds)
