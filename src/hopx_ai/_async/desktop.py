"""``sandbox.desktop``: VNC, mouse, keyboard, clipboard, screenshots, recordings, windows.

Only templates with a desktop support it; otherwise every call raises
:class:`DesktopNotAvailableError` (agent code ``DESKTOP_NOT_AVAILABLE``) listing what is missing.
"""

from __future__ import annotations

import base64
import builtins
from typing import TYPE_CHECKING, Any

from .._http_common import HTTP_MARGIN
from .._support import enum_value
from ..errors import APIError, TimeoutError, ValidationError
from ._connections import AsyncAgentConnection

if TYPE_CHECKING:
    from hopx_agent_api.models.element_bounds import ElementBounds
    from hopx_agent_api.models.find_element_response import FindElementResponse
    from hopx_agent_api.models.system_process import SystemProcess
    from hopx_agent_api.models.vnc_info import VncInfo as VNCInfo
    from hopx_agent_api.models.window_info import WindowInfo

    from .._results import DisplayInfo, RecordingInfo


class AsyncDesktop:
    """Desktop automation of the sandbox (X11 + VNC)."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    # -------------------------------------------------------------- VNC

    async def start_vnc(
        self, display: int = 1, password: str | None = None, *, request_timeout: float | None = None
    ) -> VNCInfo:
        """Start the VNC server."""
        from hopx_agent_api.api.desktop import desktop_vnc_start
        from hopx_agent_api.models import VncStartRequest

        body = VncStartRequest(display=display, password=password or None)
        info = await self._agent.call(
            desktop_vnc_start.request(body=body),
            "desktop.start_vnc",
            request_timeout=request_timeout,
        )
        if password and not info.password:
            info.password = password
        return info

    async def stop_vnc(self, *, request_timeout: float | None = None) -> None:
        """Stop the VNC server."""
        from hopx_agent_api.api.desktop import desktop_vnc_stop

        await self._agent.call(
            desktop_vnc_stop.request(), "desktop.stop_vnc", request_timeout=request_timeout
        )

    async def get_vnc_status(self, *, request_timeout: float | None = None) -> VNCInfo:
        """The VNC server's state (``running`` is False when stopped)."""
        from hopx_agent_api.api.desktop import desktop_vnc_status

        return await self._agent.call(
            desktop_vnc_status.request(), "desktop.get_vnc_status", request_timeout=request_timeout
        )

    async def get_vnc_url(self, *, request_timeout: float | None = None) -> str:
        """The VNC URL (empty if the server is not running)."""
        return (await self.get_vnc_status(request_timeout=request_timeout)).url or ""

    # -------------------------------------------------------------- mouse

    async def click(
        self,
        x: int,
        y: int,
        button: str = "left",
        clicks: int = 1,
        *,
        request_timeout: float | None = None,
    ) -> None:
        """Click at (x, y)."""
        from hopx_agent_api.api.desktop import desktop_mouse_click
        from hopx_agent_api.models import MouseButton, MouseClickRequest

        body = MouseClickRequest(
            x=x, y=y, button=enum_value(MouseButton, button, "button"), clicks=clicks
        )
        await self._agent.call(
            desktop_mouse_click.request(body=body), "desktop.click", request_timeout=request_timeout
        )

    async def move(self, x: int, y: int, *, request_timeout: float | None = None) -> None:
        """Move the pointer to (x, y)."""
        from hopx_agent_api.api.desktop import desktop_mouse_move
        from hopx_agent_api.models import MouseMoveRequest

        await self._agent.call(
            desktop_mouse_move.request(body=MouseMoveRequest(x=x, y=y)),
            "desktop.move",
            request_timeout=request_timeout,
        )

    async def drag(
        self,
        from_x: int,
        from_y: int,
        to_x: int,
        to_y: int,
        button: str = "left",
        *,
        request_timeout: float | None = None,
    ) -> None:
        """Press at (from_x, from_y), move to (to_x, to_y), release."""
        from hopx_agent_api.api.desktop import desktop_mouse_drag
        from hopx_agent_api.models import MouseButton, MouseDragRequest

        body = MouseDragRequest(
            from_x=from_x,
            from_y=from_y,
            to_x=to_x,
            to_y=to_y,
            button=enum_value(MouseButton, button, "button"),
        )
        await self._agent.call(
            desktop_mouse_drag.request(body=body), "desktop.drag", request_timeout=request_timeout
        )

    async def scroll(
        self, amount: int, direction: str = "down", *, request_timeout: float | None = None
    ) -> None:
        """Scroll ``amount`` steps (``up``, ``down``, ``left``, ``right``)."""
        from hopx_agent_api.api.desktop import desktop_mouse_scroll
        from hopx_agent_api.models import MouseScrollRequest, MouseScrollRequestDirection

        body = MouseScrollRequest(
            amount=amount,
            direction=enum_value(MouseScrollRequestDirection, direction, "direction"),
        )
        await self._agent.call(
            desktop_mouse_scroll.request(body=body),
            "desktop.scroll",
            request_timeout=request_timeout,
        )

    # -------------------------------------------------------------- keyboard

    async def type(
        self, text: str, delay_ms: int = 10, *, request_timeout: float | None = None
    ) -> None:
        """Type ``text``, ``delay_ms`` between keys."""
        from hopx_agent_api.api.desktop import desktop_keyboard_type
        from hopx_agent_api.models import KeyboardTypeRequest

        await self._agent.call(
            desktop_keyboard_type.request(body=KeyboardTypeRequest(text=text, delay_ms=delay_ms)),
            "desktop.type",
            request_timeout=request_timeout,
        )

    async def press(self, key: str, *, request_timeout: float | None = None) -> None:
        """Press one key (X11 key name, e.g. ``Return``)."""
        from hopx_agent_api.api.desktop import desktop_keyboard_press
        from hopx_agent_api.models import KeyboardPressRequest

        await self._agent.call(
            desktop_keyboard_press.request(body=KeyboardPressRequest(key=key)),
            "desktop.press",
            request_timeout=request_timeout,
        )

    async def combination(
        self, modifiers: builtins.list[str], key: str, *, request_timeout: float | None = None
    ) -> None:
        """Press ``key`` with ``modifiers`` held (e.g. ``["ctrl"], "c"``)."""
        from hopx_agent_api.api.desktop import desktop_keyboard_combination

        await self._agent.call(
            desktop_keyboard_combination.request(body=_key_combination(modifiers, key)),
            "desktop.combination",
            request_timeout=request_timeout,
        )

    async def hotkey(
        self,
        modifiers: builtins.list[str],
        key: str,
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> None:
        """Send a hotkey (``modifiers`` + ``key``) through X11."""
        from hopx_agent_api.api.desktop import desktop_hotkey

        await self._agent.call(
            desktop_hotkey.request(body=_key_combination(modifiers, key)),
            "desktop.hotkey",
            timeout=timeout,
            request_timeout=request_timeout,
        )

    # -------------------------------------------------------------- clipboard

    async def set_clipboard(self, text: str, *, request_timeout: float | None = None) -> None:
        """Put ``text`` on the clipboard."""
        from hopx_agent_api.api.desktop import desktop_clipboard_set
        from hopx_agent_api.models import ClipboardSetRequest

        await self._agent.call(
            desktop_clipboard_set.request(body=ClipboardSetRequest(text=text)),
            "desktop.set_clipboard",
            request_timeout=request_timeout,
        )

    async def get_clipboard(self, *, request_timeout: float | None = None) -> str:
        """The clipboard's text."""
        from hopx_agent_api.api.desktop import desktop_clipboard_get

        answer = await self._agent.call(
            desktop_clipboard_get.request(),
            "desktop.get_clipboard",
            request_timeout=request_timeout,
        )
        return answer.text

    async def get_clipboard_history(
        self, *, request_timeout: float | None = None
    ) -> builtins.list[str]:
        """Recent clipboard texts."""
        from hopx_agent_api.api.desktop import desktop_clipboard_history

        request = desktop_clipboard_history.request()
        answer = await self._agent.call(
            request, "desktop.get_clipboard_history", request_timeout=request_timeout
        )
        return [str(item) for item in answer.history]

    # -------------------------------------------------------------- screen

    async def screenshot(self, *, request_timeout: float | None = None) -> bytes:
        """The whole screen as PNG bytes."""
        from hopx_agent_api.api.desktop import desktop_screenshot_png

        image = await self._agent.call(
            desktop_screenshot_png.request(), "desktop.screenshot", request_timeout=request_timeout
        )
        return image.payload.read()

    async def screenshot_region(
        self, x: int, y: int, width: int, height: int, *, request_timeout: float | None = None
    ) -> bytes:
        """A rectangle of the screen as PNG bytes."""
        from hopx_agent_api.api.desktop import desktop_screenshot_region
        from hopx_agent_api.models import ScreenshotRegionRequest

        body = ScreenshotRegionRequest(x=x, y=y, width=width, height=height)
        request = desktop_screenshot_region.request(body=body)
        answer = await self._agent.call(
            request, "desktop.screenshot_region", request_timeout=request_timeout
        )
        if not answer.image:
            raise APIError(
                "desktop: the screenshot answer has no image", code="unexpected_response"
            )
        return base64.b64decode(answer.image)

    async def capture_window(
        self,
        window_id: int | str | None = None,
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> bytes:
        """One window (the active one by default) as PNG bytes."""
        from hopx_agent_api.api.desktop import desktop_capture_window

        request = desktop_capture_window.request(
            window_id=_window_id(window_id) if window_id is not None else None
        )
        image = await self._agent.call(
            request, "desktop.capture_window", timeout=timeout, request_timeout=request_timeout
        )
        return image.payload.read()

    async def ocr(
        self,
        x: int,
        y: int,
        width: int,
        height: int,
        *,
        language: str = "eng",
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> str:
        """Text recognised in a rectangle of the screen."""
        from hopx_agent_api.api.desktop import desktop_ocr
        from hopx_agent_api.models import OcrRequest

        body = OcrRequest(x=x, y=y, width=width, height=height, language=language)
        answer = await self._agent.call(
            desktop_ocr.request(body=body),
            "desktop.ocr",
            timeout=timeout,
            request_timeout=request_timeout,
        )
        return answer.text

    async def find_element(
        self, text: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> ElementBounds | None:
        """Where ``text`` is on screen, or None."""
        from hopx_agent_api.api.desktop import desktop_find_element
        from hopx_agent_api.models import FindElementRequest

        request = desktop_find_element.request(body=FindElementRequest(text=text))
        answer = await self._agent.call(
            request, "desktop.find_element", timeout=timeout, request_timeout=request_timeout
        )
        return _element(answer)

    async def wait_for(
        self, text: str, *, timeout: int = 30, request_timeout: float | None = None
    ) -> ElementBounds:
        """Wait up to ``timeout`` seconds for ``text`` to appear on screen."""
        from hopx_agent_api.api.desktop import desktop_wait_for
        from hopx_agent_api.models import WaitForRequest

        answer = await self._agent.call(
            desktop_wait_for.request(body=WaitForRequest(text=text, timeout=timeout)),
            "desktop.wait_for",
            timeout=timeout + HTTP_MARGIN,
            execution_timeout=timeout,
            request_timeout=request_timeout,
        )
        element = _element(answer)
        if element is None:
            raise TimeoutError(
                f"desktop.wait_for: {text!r} did not appear within {timeout} s; "
                "pass timeout= to wait longer",
                code="not_found",
            )
        return element

    async def get_bounds(
        self, text: str, *, timeout: int | None = None, request_timeout: float | None = None
    ) -> ElementBounds:
        """Bounds of ``text`` on screen."""
        from hopx_agent_api.api.desktop import desktop_get_bounds
        from hopx_agent_api.models import FindElementRequest

        request = desktop_get_bounds.request(body=FindElementRequest(text=text))
        return await self._agent.call(
            request, "desktop.get_bounds", timeout=timeout, request_timeout=request_timeout
        )

    async def drag_drop(
        self,
        from_x: int,
        from_y: int,
        to_x: int,
        to_y: int,
        *,
        timeout: int | None = None,
        request_timeout: float | None = None,
    ) -> None:
        """Drag from one point and drop at another."""
        from hopx_agent_api.api.desktop import desktop_drag_drop
        from hopx_agent_api.models import DragDropRequest

        body = DragDropRequest(from_x=from_x, from_y=from_y, to_x=to_x, to_y=to_y)
        await self._agent.call(
            desktop_drag_drop.request(body=body),
            "desktop.drag_drop",
            timeout=timeout,
            request_timeout=request_timeout,
        )

    # -------------------------------------------------------------- recording

    async def start_recording(
        self,
        fps: int = 10,
        format: str = "mp4",
        quality: str = "medium",
        *,
        request_timeout: float | None = None,
    ) -> RecordingInfo:
        """Start recording the screen."""
        from hopx_agent_api.api.desktop import desktop_recording_start
        from hopx_agent_api.models import RecordingQuality, RecordingStartRequest, VideoFormat

        from .._results import RecordingInfo

        body = RecordingStartRequest(
            fps=fps,
            format_=enum_value(VideoFormat, format, "format"),
            quality=enum_value(RecordingQuality, quality, "quality"),
        )
        return await self._agent.call(
            desktop_recording_start.request(body=body),
            "desktop.start_recording",
            cast_to=RecordingInfo.from_dict,
            request_timeout=request_timeout,
        )

    async def stop_recording(
        self, recording_id: str, *, request_timeout: float | None = None
    ) -> RecordingInfo:
        """Stop a recording."""
        from hopx_agent_api.api.desktop import desktop_recording_stop
        from hopx_agent_api.models import RecordingStopRequest

        from .._results import RecordingInfo

        return await self._agent.call(
            desktop_recording_stop.request(body=RecordingStopRequest(recording_id=recording_id)),
            "desktop.stop_recording",
            cast_to=RecordingInfo.from_dict,
            request_timeout=request_timeout,
        )

    async def get_recording_status(
        self, recording_id: str, *, request_timeout: float | None = None
    ) -> RecordingInfo:
        """State of a recording."""
        from hopx_agent_api.api.desktop import desktop_recording_status

        from .._results import RecordingInfo

        return await self._agent.call(
            desktop_recording_status.request(id=recording_id),
            "desktop.get_recording_status",
            cast_to=RecordingInfo.from_dict,
            request_timeout=request_timeout,
        )

    async def download_recording(
        self, recording_id: str, *, request_timeout: float | None = None
    ) -> bytes:
        """The video file of a stopped recording."""
        from hopx_agent_api.api.desktop import desktop_recording_download

        video = await self._agent.call(
            desktop_recording_download.request(id=recording_id),
            "desktop.download_recording",
            timeout=120,
            request_timeout=request_timeout,
        )
        return video.payload.read()

    # -------------------------------------------------------------- windows

    async def get_windows(
        self, *, request_timeout: float | None = None
    ) -> builtins.list[WindowInfo]:
        """The open windows."""
        from hopx_agent_api.api.desktop import desktop_windows_list

        listing = await self._agent.call(
            desktop_windows_list.request(), "desktop.get_windows", request_timeout=request_timeout
        )
        return listing.windows

    async def focus_window(
        self, window_id: int | str, *, request_timeout: float | None = None
    ) -> None:
        """Bring a window to the front."""
        from hopx_agent_api.api.desktop import desktop_window_focus
        from hopx_agent_api.models import WindowActionRequest

        body = WindowActionRequest(window_id=_window_id(window_id))
        await self._agent.call(
            desktop_window_focus.request(body=body),
            "desktop.focus_window",
            request_timeout=request_timeout,
        )

    async def close_window(
        self, window_id: int | str, *, request_timeout: float | None = None
    ) -> None:
        """Close a window."""
        from hopx_agent_api.api.desktop import desktop_window_close
        from hopx_agent_api.models import WindowActionRequest

        body = WindowActionRequest(window_id=_window_id(window_id))
        await self._agent.call(
            desktop_window_close.request(body=body),
            "desktop.close_window",
            request_timeout=request_timeout,
        )

    async def minimize_window(
        self, window_id: int | str, *, request_timeout: float | None = None
    ) -> None:
        """Minimize a window."""
        from hopx_agent_api.api.desktop import desktop_window_minimize
        from hopx_agent_api.models import WindowActionRequest

        body = WindowActionRequest(window_id=_window_id(window_id))
        await self._agent.call(
            desktop_window_minimize.request(body=body),
            "desktop.minimize_window",
            request_timeout=request_timeout,
        )

    async def resize_window(
        self, window_id: int | str, width: int, height: int, *, request_timeout: float | None = None
    ) -> None:
        """Resize a window."""
        from hopx_agent_api.api.desktop import desktop_window_resize
        from hopx_agent_api.models import WindowResizeRequest

        body = WindowResizeRequest(window_id=_window_id(window_id), width=width, height=height)
        await self._agent.call(
            desktop_window_resize.request(body=body),
            "desktop.resize_window",
            request_timeout=request_timeout,
        )

    # -------------------------------------------------------------- display

    async def get_display(self, *, request_timeout: float | None = None) -> DisplayInfo:
        """The current display."""
        from hopx_agent_api.api.desktop import desktop_display_current

        from .._results import DisplayInfo

        return await self._agent.call(
            desktop_display_current.request(),
            "desktop.get_display",
            cast_to=DisplayInfo.from_dict,
            request_timeout=request_timeout,
        )

    async def get_available_resolutions(
        self, *, request_timeout: float | None = None
    ) -> builtins.list[tuple[int, int]]:
        """Resolutions the display supports, as ``(width, height)``."""
        from hopx_agent_api.api.desktop import desktop_display_available

        request = desktop_display_available.request()
        listing = await self._agent.call(
            request, "desktop.get_available_resolutions", request_timeout=request_timeout
        )
        return [(item.width, item.height) for item in listing.resolutions]

    async def set_resolution(
        self, width: int, height: int, *, request_timeout: float | None = None
    ) -> DisplayInfo:
        """Change the display's resolution."""
        from hopx_agent_api.api.desktop import desktop_display_set
        from hopx_agent_api.models import DisplaySetRequest

        from .._results import DisplayInfo

        return await self._agent.call(
            desktop_display_set.request(body=DisplaySetRequest(width=width, height=height)),
            "desktop.set_resolution",
            cast_to=DisplayInfo.from_dict,
            request_timeout=request_timeout,
        )

    # -------------------------------------------------------------- debugging

    async def get_debug_logs(self, *, request_timeout: float | None = None) -> builtins.list[str]:
        """Logs of the desktop services."""
        from hopx_agent_api.api.desktop import desktop_debug_logs

        answer = await self._agent.call(
            desktop_debug_logs.request(), "desktop.get_debug_logs", request_timeout=request_timeout
        )
        return [str(line) for line in answer.logs]

    async def get_debug_processes(
        self, *, request_timeout: float | None = None
    ) -> builtins.list[SystemProcess]:
        """Processes of the desktop services."""
        from hopx_agent_api.api.desktop import desktop_debug_processes

        request = desktop_debug_processes.request()
        listing = await self._agent.call(
            request, "desktop.get_debug_processes", request_timeout=request_timeout
        )
        return listing.processes

    def __repr__(self) -> str:
        return f"<{builtins.type(self).__name__}>"


def _key_combination(modifiers: builtins.list[str], key: str) -> Any:
    from hopx_agent_api.models import KeyboardCombinationRequest, KeyModifier

    if isinstance(modifiers, str):
        modifiers = [modifiers]
    return KeyboardCombinationRequest(
        modifiers=[enum_value(KeyModifier, m, "modifiers") for m in modifiers], key=key
    )


def _window_id(window_id: int | str) -> int:
    try:
        return int(window_id)
    except (TypeError, ValueError):
        raise ValidationError(
            f"window_id must be an X11 window id (an integer), got {window_id!r}",
            field="window_id",
        ) from None


def _element(answer: FindElementResponse) -> ElementBounds | None:
    if not answer.get("found", answer.element is not None) or answer.element is None:
        return None
    return answer.element
