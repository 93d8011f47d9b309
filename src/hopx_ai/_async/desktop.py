"""``sandbox.desktop``: VNC, mouse, keyboard, clipboard, screenshots, recordings, windows.

Only templates with a desktop support it; otherwise every call raises
:class:`DesktopNotAvailableError` (agent code ``DESKTOP_NOT_AVAILABLE``) listing what is missing.
"""

from __future__ import annotations

import base64
import builtins
from typing import Any

from .._support import enum_value, list_of_objects
from ..errors import APIError, TimeoutError, ValidationError
from ..models import (
    DisplayInfo,
    ElementBounds,
    RecordingInfo,
    SystemProcess,
    VNCInfo,
    WindowInfo,
)
from ._connections import AsyncAgentConnection

# HTTP read timeout of wait_for = its own timeout + this margin (published: +30 s).
WAIT_FOR_HTTP_MARGIN = 30


class AsyncDesktop:
    """Desktop automation of the sandbox (X11 + VNC)."""

    def __init__(self, agent: AsyncAgentConnection) -> None:
        self._agent = agent

    # -------------------------------------------------------------- VNC

    async def start_vnc(self, display: int = 1, password: str | None = None) -> VNCInfo:
        """Start the VNC server."""
        from hopx_agent_api.api.desktop import desktop_vnc_start
        from hopx_agent_api.models import VncStartRequest
        from hopx_agent_api.types import UNSET

        body = VncStartRequest(display=display, password=password if password else UNSET)
        api = await self._agent.api()
        with self._agent.operation("desktop.start_vnc") as call:
            await desktop_vnc_start.asyncio_detailed(client=api, body=body)
        info = VNCInfo.from_dict(call.json())
        if password and not info.password:
            info.password = password
        return info

    async def stop_vnc(self) -> None:
        """Stop the VNC server."""
        from hopx_agent_api.api.desktop import desktop_vnc_stop

        api = await self._agent.api()
        with self._agent.operation("desktop.stop_vnc"):
            await desktop_vnc_stop.asyncio_detailed(client=api)

    async def get_vnc_status(self) -> VNCInfo:
        """The VNC server's state (``running`` is False when stopped)."""
        from hopx_agent_api.api.desktop import desktop_vnc_status

        api = await self._agent.api()
        with self._agent.operation("desktop.get_vnc_status") as call:
            await desktop_vnc_status.asyncio_detailed(client=api)
        return VNCInfo.from_dict(call.json())

    async def get_vnc_url(self) -> str:
        """The VNC URL (empty if the server is not running)."""
        return (await self.get_vnc_status()).url or ""

    # -------------------------------------------------------------- mouse

    async def click(self, x: int, y: int, button: str = "left", clicks: int = 1) -> None:
        """Click at (x, y)."""
        from hopx_agent_api.api.desktop import desktop_mouse_click
        from hopx_agent_api.models import MouseButton, MouseClickRequest

        body = MouseClickRequest(
            x=x, y=y, button=enum_value(MouseButton, button, "button"), clicks=clicks
        )
        api = await self._agent.api()
        with self._agent.operation("desktop.click"):
            await desktop_mouse_click.asyncio_detailed(client=api, body=body)

    async def move(self, x: int, y: int) -> None:
        """Move the pointer to (x, y)."""
        from hopx_agent_api.api.desktop import desktop_mouse_move
        from hopx_agent_api.models import MouseMoveRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.move"):
            await desktop_mouse_move.asyncio_detailed(client=api, body=MouseMoveRequest(x=x, y=y))

    async def drag(
        self, from_x: int, from_y: int, to_x: int, to_y: int, button: str = "left"
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
        api = await self._agent.api()
        with self._agent.operation("desktop.drag"):
            await desktop_mouse_drag.asyncio_detailed(client=api, body=body)

    async def scroll(self, amount: int, direction: str = "down") -> None:
        """Scroll ``amount`` steps (``up``, ``down``, ``left``, ``right``)."""
        from hopx_agent_api.api.desktop import desktop_mouse_scroll
        from hopx_agent_api.models import MouseScrollRequest, MouseScrollRequestDirection

        body = MouseScrollRequest(
            amount=amount,
            direction=enum_value(MouseScrollRequestDirection, direction, "direction"),
        )
        api = await self._agent.api()
        with self._agent.operation("desktop.scroll"):
            await desktop_mouse_scroll.asyncio_detailed(client=api, body=body)

    # -------------------------------------------------------------- keyboard

    async def type(self, text: str, delay_ms: int = 10) -> None:
        """Type ``text``, ``delay_ms`` between keys."""
        from hopx_agent_api.api.desktop import desktop_keyboard_type
        from hopx_agent_api.models import KeyboardTypeRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.type"):
            await desktop_keyboard_type.asyncio_detailed(
                client=api, body=KeyboardTypeRequest(text=text, delay_ms=delay_ms)
            )

    async def press(self, key: str) -> None:
        """Press one key (X11 key name, e.g. ``Return``)."""
        from hopx_agent_api.api.desktop import desktop_keyboard_press
        from hopx_agent_api.models import KeyboardPressRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.press"):
            await desktop_keyboard_press.asyncio_detailed(
                client=api, body=KeyboardPressRequest(key=key)
            )

    async def combination(self, modifiers: builtins.list[str], key: str) -> None:
        """Press ``key`` with ``modifiers`` held (e.g. ``["ctrl"], "c"``)."""
        from hopx_agent_api.api.desktop import desktop_keyboard_combination

        api = await self._agent.api()
        with self._agent.operation("desktop.combination"):
            await desktop_keyboard_combination.asyncio_detailed(
                client=api, body=_key_combination(modifiers, key)
            )

    async def hotkey(
        self, modifiers: builtins.list[str], key: str, *, timeout: int | None = None
    ) -> None:
        """Send a hotkey (``modifiers`` + ``key``) through X11."""
        from hopx_agent_api.api.desktop import desktop_hotkey

        api = await self._agent.api()
        with self._agent.operation("desktop.hotkey", http_timeout=timeout):
            await desktop_hotkey.asyncio_detailed(client=api, body=_key_combination(modifiers, key))

    # -------------------------------------------------------------- clipboard

    async def set_clipboard(self, text: str) -> None:
        """Put ``text`` on the clipboard."""
        from hopx_agent_api.api.desktop import desktop_clipboard_set
        from hopx_agent_api.models import ClipboardSetRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.set_clipboard"):
            await desktop_clipboard_set.asyncio_detailed(
                client=api, body=ClipboardSetRequest(text=text)
            )

    async def get_clipboard(self) -> str:
        """The clipboard's text."""
        from hopx_agent_api.api.desktop import desktop_clipboard_get

        api = await self._agent.api()
        with self._agent.operation("desktop.get_clipboard") as call:
            await desktop_clipboard_get.asyncio_detailed(client=api)
        text = call.json().get("text")
        return text if isinstance(text, str) else ""

    async def get_clipboard_history(self) -> builtins.list[str]:
        """Recent clipboard texts."""
        from hopx_agent_api.api.desktop import desktop_clipboard_history

        api = await self._agent.api()
        with self._agent.operation("desktop.get_clipboard_history") as call:
            await desktop_clipboard_history.asyncio_detailed(client=api)
        history = call.json().get("history")
        return [str(item) for item in history] if isinstance(history, builtins.list) else []

    # -------------------------------------------------------------- screen

    async def screenshot(self) -> bytes:
        """The whole screen as PNG bytes."""
        from hopx_agent_api.api.desktop import desktop_screenshot_png

        api = await self._agent.api()
        with self._agent.operation("desktop.screenshot") as call:
            await desktop_screenshot_png.asyncio_detailed(client=api)
        return call.content()

    async def screenshot_region(self, x: int, y: int, width: int, height: int) -> bytes:
        """A rectangle of the screen as PNG bytes."""
        from hopx_agent_api.api.desktop import desktop_screenshot_region
        from hopx_agent_api.models import ScreenshotRegionRequest

        body = ScreenshotRegionRequest(x=x, y=y, width=width, height=height)
        api = await self._agent.api()
        with self._agent.operation("desktop.screenshot_region") as call:
            await desktop_screenshot_region.asyncio_detailed(client=api, body=body)
        return _image(call.json())

    async def capture_window(
        self, window_id: int | str | None = None, *, timeout: int | None = None
    ) -> bytes:
        """One window (the active one by default) as PNG bytes."""
        from hopx_agent_api.api.desktop import desktop_capture_window
        from hopx_agent_api.types import UNSET

        api = await self._agent.api()
        with self._agent.operation("desktop.capture_window", http_timeout=timeout) as call:
            await desktop_capture_window.asyncio_detailed(
                client=api, window_id=_window_id(window_id) if window_id is not None else UNSET
            )
        return call.content()

    async def ocr(
        self,
        x: int,
        y: int,
        width: int,
        height: int,
        *,
        language: str = "eng",
        timeout: int | None = None,
    ) -> str:
        """Text recognised in a rectangle of the screen."""
        from hopx_agent_api.api.desktop import desktop_ocr
        from hopx_agent_api.models import OcrRequest

        body = OcrRequest(x=x, y=y, width=width, height=height, language=language)
        api = await self._agent.api()
        with self._agent.operation("desktop.ocr", http_timeout=timeout) as call:
            await desktop_ocr.asyncio_detailed(client=api, body=body)
        text = call.json().get("text")
        return text if isinstance(text, str) else ""

    async def find_element(self, text: str, *, timeout: int | None = None) -> ElementBounds | None:
        """Where ``text`` is on screen, or None."""
        from hopx_agent_api.api.desktop import desktop_find_element
        from hopx_agent_api.models import FindElementRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.find_element", http_timeout=timeout) as call:
            await desktop_find_element.asyncio_detailed(
                client=api, body=FindElementRequest(text=text)
            )
        return _element(call.json())

    async def wait_for(self, text: str, *, timeout: int = 30) -> ElementBounds:
        """Wait up to ``timeout`` seconds for ``text`` to appear on screen."""
        from hopx_agent_api.api.desktop import desktop_wait_for
        from hopx_agent_api.models import WaitForRequest

        api = await self._agent.api()
        with self._agent.operation(
            "desktop.wait_for",
            http_timeout=timeout + WAIT_FOR_HTTP_MARGIN,
            execution_timeout=timeout,
        ) as call:
            await desktop_wait_for.asyncio_detailed(
                client=api, body=WaitForRequest(text=text, timeout=timeout)
            )
        element = _element(call.json())
        if element is None:
            raise TimeoutError(
                f"desktop.wait_for: {text!r} did not appear within {timeout} s; "
                "pass timeout= to wait longer",
                code="not_found",
            )
        return element

    async def get_bounds(self, text: str, *, timeout: int | None = None) -> ElementBounds:
        """Bounds of ``text`` on screen."""
        from hopx_agent_api.api.desktop import desktop_get_bounds
        from hopx_agent_api.models import FindElementRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.get_bounds", http_timeout=timeout) as call:
            await desktop_get_bounds.asyncio_detailed(
                client=api, body=FindElementRequest(text=text)
            )
        return ElementBounds.from_dict(call.json())

    async def drag_drop(
        self, from_x: int, from_y: int, to_x: int, to_y: int, *, timeout: int | None = None
    ) -> None:
        """Drag from one point and drop at another."""
        from hopx_agent_api.api.desktop import desktop_drag_drop
        from hopx_agent_api.models import DragDropRequest

        body = DragDropRequest(from_x=from_x, from_y=from_y, to_x=to_x, to_y=to_y)
        api = await self._agent.api()
        with self._agent.operation("desktop.drag_drop", http_timeout=timeout):
            await desktop_drag_drop.asyncio_detailed(client=api, body=body)

    # -------------------------------------------------------------- recording

    async def start_recording(
        self, fps: int = 10, format: str = "mp4", quality: str = "medium"
    ) -> RecordingInfo:
        """Start recording the screen."""
        from hopx_agent_api.api.desktop import desktop_recording_start
        from hopx_agent_api.models import RecordingQuality, RecordingStartRequest, VideoFormat

        body = RecordingStartRequest(
            fps=fps,
            format_=enum_value(VideoFormat, format, "format"),
            quality=enum_value(RecordingQuality, quality, "quality"),
        )
        api = await self._agent.api()
        with self._agent.operation("desktop.start_recording") as call:
            await desktop_recording_start.asyncio_detailed(client=api, body=body)
        return RecordingInfo.from_dict(call.json())

    async def stop_recording(self, recording_id: str) -> RecordingInfo:
        """Stop a recording."""
        from hopx_agent_api.api.desktop import desktop_recording_stop
        from hopx_agent_api.models import RecordingStopRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.stop_recording") as call:
            await desktop_recording_stop.asyncio_detailed(
                client=api, body=RecordingStopRequest(recording_id=recording_id)
            )
        return RecordingInfo.from_dict(call.json())

    async def get_recording_status(self, recording_id: str) -> RecordingInfo:
        """State of a recording."""
        from hopx_agent_api.api.desktop import desktop_recording_status

        api = await self._agent.api()
        with self._agent.operation("desktop.get_recording_status") as call:
            await desktop_recording_status.asyncio_detailed(client=api, id=recording_id)
        return RecordingInfo.from_dict(call.json())

    async def download_recording(self, recording_id: str) -> bytes:
        """The video file of a stopped recording."""
        from hopx_agent_api.api.desktop import desktop_recording_download

        api = await self._agent.api()
        with self._agent.operation("desktop.download_recording", http_timeout=120) as call:
            await desktop_recording_download.asyncio_detailed(client=api, id=recording_id)
        return call.content()

    # -------------------------------------------------------------- windows

    async def get_windows(self) -> builtins.list[WindowInfo]:
        """The open windows."""
        from hopx_agent_api.api.desktop import desktop_windows_list

        api = await self._agent.api()
        with self._agent.operation("desktop.get_windows") as call:
            await desktop_windows_list.asyncio_detailed(client=api)
        data = call.json()
        return [WindowInfo.from_dict(item) for item in list_of_objects(data, "windows")]

    async def focus_window(self, window_id: int | str) -> None:
        """Bring a window to the front."""
        from hopx_agent_api.api.desktop import desktop_window_focus
        from hopx_agent_api.models import WindowActionRequest

        body = WindowActionRequest(window_id=_window_id(window_id))
        api = await self._agent.api()
        with self._agent.operation("desktop.focus_window"):
            await desktop_window_focus.asyncio_detailed(client=api, body=body)

    async def close_window(self, window_id: int | str) -> None:
        """Close a window."""
        from hopx_agent_api.api.desktop import desktop_window_close
        from hopx_agent_api.models import WindowActionRequest

        body = WindowActionRequest(window_id=_window_id(window_id))
        api = await self._agent.api()
        with self._agent.operation("desktop.close_window"):
            await desktop_window_close.asyncio_detailed(client=api, body=body)

    async def minimize_window(self, window_id: int | str) -> None:
        """Minimize a window."""
        from hopx_agent_api.api.desktop import desktop_window_minimize
        from hopx_agent_api.models import WindowActionRequest

        body = WindowActionRequest(window_id=_window_id(window_id))
        api = await self._agent.api()
        with self._agent.operation("desktop.minimize_window"):
            await desktop_window_minimize.asyncio_detailed(client=api, body=body)

    async def resize_window(self, window_id: int | str, width: int, height: int) -> None:
        """Resize a window."""
        from hopx_agent_api.api.desktop import desktop_window_resize
        from hopx_agent_api.models import WindowResizeRequest

        body = WindowResizeRequest(window_id=_window_id(window_id), width=width, height=height)
        api = await self._agent.api()
        with self._agent.operation("desktop.resize_window"):
            await desktop_window_resize.asyncio_detailed(client=api, body=body)

    # -------------------------------------------------------------- display

    async def get_display(self) -> DisplayInfo:
        """The current display."""
        from hopx_agent_api.api.desktop import desktop_display_current

        api = await self._agent.api()
        with self._agent.operation("desktop.get_display") as call:
            await desktop_display_current.asyncio_detailed(client=api)
        return DisplayInfo.from_dict(call.json())

    async def get_available_resolutions(self) -> builtins.list[tuple[int, int]]:
        """Resolutions the display supports, as ``(width, height)``."""
        from hopx_agent_api.api.desktop import desktop_display_available

        api = await self._agent.api()
        with self._agent.operation("desktop.get_available_resolutions") as call:
            await desktop_display_available.asyncio_detailed(client=api)
        data = call.json()
        return [
            (int(item.get("width", 0)), int(item.get("height", 0)))
            for item in list_of_objects(data, "resolutions")
        ]

    async def set_resolution(self, width: int, height: int) -> DisplayInfo:
        """Change the display's resolution."""
        from hopx_agent_api.api.desktop import desktop_display_set
        from hopx_agent_api.models import DisplaySetRequest

        api = await self._agent.api()
        with self._agent.operation("desktop.set_resolution") as call:
            await desktop_display_set.asyncio_detailed(
                client=api, body=DisplaySetRequest(width=width, height=height)
            )
        return DisplayInfo.from_dict(call.json())

    # -------------------------------------------------------------- debugging

    async def get_debug_logs(self) -> builtins.list[str]:
        """Logs of the desktop services."""
        from hopx_agent_api.api.desktop import desktop_debug_logs

        api = await self._agent.api()
        with self._agent.operation("desktop.get_debug_logs") as call:
            await desktop_debug_logs.asyncio_detailed(client=api)
        logs = call.json().get("logs")
        return [str(line) for line in logs] if isinstance(logs, builtins.list) else []

    async def get_debug_processes(self) -> builtins.list[SystemProcess]:
        """Processes of the desktop services."""
        from hopx_agent_api.api.desktop import desktop_debug_processes

        api = await self._agent.api()
        with self._agent.operation("desktop.get_debug_processes") as call:
            await desktop_debug_processes.asyncio_detailed(client=api)
        data = call.json()
        return [SystemProcess.from_dict(item) for item in list_of_objects(data, "processes")]

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


def _element(data: dict[str, Any]) -> ElementBounds | None:
    element = data.get("element")
    if not data.get("found", element is not None) or not isinstance(element, dict):
        return None
    return ElementBounds.from_dict(element)


def _image(data: dict[str, Any]) -> bytes:
    image = data.get("image")
    if not isinstance(image, str):
        raise APIError("desktop: the screenshot answer has no image", code="unexpected_response")
    return base64.b64decode(image)
