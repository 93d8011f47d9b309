"""HTTP handlers of the ``desktop*`` operations of vm-agent.yaml, over a :class:`DesktopEngine`.

Requests arrive validated against the YAML (spec_server); handlers map bodies to engine calls
and engine results to the YAML's response schemas. Engine faults become the flat error body.
"""

from __future__ import annotations

import base64
import functools
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any, Protocol

from starlette.responses import FileResponse, Response

from hopx_local.agent.clock import iso
from hopx_local.agent.desktop.config import DesktopConfig
from hopx_local.agent.desktop.engine import DesktopEngine, not_available
from hopx_local.agent.desktop.ocr import Match
from hopx_local.agent.desktop.recording import Recording
from hopx_local.agent.desktop.screen import Region, Shot
from hopx_local.agent.desktop.windows import Window
from hopx_local.agent.errors import AgentFault
from hopx_local.spec_server import ApiError, Call

Handler = Callable[[Call], Awaitable[Any]]
DESKTOP_TEMPLATE = "desktop"
REFRESH_RATE = 60


class _AgentConfigLike(Protocol):
    @property
    def template(self) -> str: ...


class AgentStateLike(Protocol):
    """What the desktop needs from the agent's state: its configuration's template."""

    @property
    def config(self) -> _AgentConfigLike: ...


def _faults_as_api_errors(handler: Handler) -> Handler:
    @functools.wraps(handler)
    async def wrapped(call: Call) -> Any:
        try:
            return await handler(call)
        except AgentFault as fault:
            raise ApiError(fault.status, fault.code, fault.message, fault.details) from fault

    return wrapped


def _ack(message: str = "ok") -> dict[str, Any]:
    return {"success": True, "message": message, "timestamp": iso()}


def _body(call: Call) -> dict[str, Any]:
    return call.body if isinstance(call.body, dict) else {}


def _shot(shot: Shot) -> dict[str, Any]:
    return {
        "image": base64.b64encode(shot.data).decode("ascii"),
        "format": shot.format,
        "width": shot.width,
        "height": shot.height,
        "size": len(shot.data),
        "timestamp": iso(),
    }


def _window(window: Window) -> dict[str, Any]:
    return {
        "id": window.id,
        "title": window.title,
        "x": window.x,
        "y": window.y,
        "width": window.width,
        "height": window.height,
        "is_active": window.is_active,
        "is_minimized": window.is_minimized,
        "desktop": window.desktop,
        "pid": window.pid,
    }


def _recording(recording: Recording) -> dict[str, Any]:
    info: dict[str, Any] = {
        "recording_id": recording.id,
        "status": recording.status,
        "format": recording.format,
        "fps": recording.fps,
        "quality": recording.quality,
        "start_time": iso(recording.start_time),
        "end_time": iso(recording.end_time) if recording.end_time is not None else None,
        "duration": recording.duration,
        "file_path": str(recording.path),
        "file_size": recording.file_size,
    }
    if recording.error is not None:
        info["error"] = recording.error
    return info


def _element(match: Match) -> dict[str, Any]:
    return {
        "x": match.x,
        "y": match.y,
        "width": match.width,
        "height": match.height,
        "text": match.text,
        "confidence": match.confidence,
    }


def _found(match: Match | None) -> dict[str, Any]:
    answer: dict[str, Any] = {"found": match is not None, "timestamp": iso()}
    if match is not None:
        answer["element"] = _element(match)
    return answer


def _region(body: dict[str, Any]) -> Region | None:
    """All four of x, y, width, height, or none of them (400 naming what is missing)."""
    fields = ("x", "y", "width", "height")
    given = [name for name in fields if body.get(name) is not None]
    if not given:
        return None
    missing = [name for name in fields if name not in given]
    if missing:
        raise AgentFault(
            400,
            "INVALID_REQUEST",
            f"give all of x, y, width, height or none of them; missing: {', '.join(missing)}",
            {"field": missing[0]},
        )
    return Region(int(body["x"]), int(body["y"]), int(body["width"]), int(body["height"]))


class DesktopApi:
    """The desktop operations of one agent. ``handlers()`` is what the agent app registers."""

    def __init__(self, engine: DesktopEngine, template: str = DESKTOP_TEMPLATE) -> None:
        self.engine = engine
        self.template = template

    # ------------------------------------------------------------------ availability
    def _check_available(self) -> None:
        missing = self.engine.missing()
        if self.template != DESKTOP_TEMPLATE:
            fault = not_available(
                missing,
                f"the sandbox's template is {self.template!r}; create the sandbox from the "
                f"{DESKTOP_TEMPLATE!r} template",
            )
            fault.details.update(template=self.template, required_template=DESKTOP_TEMPLATE)
            raise fault
        if missing:
            raise not_available(missing, "install " + " ".join(missing))

    async def _desktop(self) -> DesktopEngine:
        """The engine with its display running (503 when the desktop cannot run here)."""
        self._check_available()
        return await self.engine.ready()

    # ------------------------------------------------------------------ VNC
    def _vnc_info(self, with_password: bool = False) -> dict[str, Any]:
        state = self.engine.vnc.state()
        info: dict[str, Any] = {
            "running": state.running,
            "display": state.display,
            "port": state.port,
            "url": state.url,
            "timestamp": iso(),
        }
        if state.websocket_url is not None:
            info["websocket_url"] = state.websocket_url
        if with_password and state.password is not None:
            info["password"] = state.password
        return info

    async def vnc_start(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        await desktop.vnc.start(
            display=int(body.get("display", 1)),
            password=body.get("password"),
            view_only=bool(body.get("view_only", False)),
        )
        return self._vnc_info(with_password=True)

    async def vnc_stop(self, call: Call) -> dict[str, Any]:
        self._check_available()
        await self.engine.vnc.stop()
        return self._vnc_info()

    async def vnc_status(self, call: Call) -> dict[str, Any]:
        self._check_available()
        return self._vnc_info()

    # ------------------------------------------------------------------ mouse
    async def mouse_click(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        x, y = int(body["x"]), int(body["y"])
        desktop.x.check_point(x, y)
        clicks = int(body.get("clicks", 1))
        await desktop.input.click(x, y, str(body.get("button", "left")), clicks)
        return _ack(f"clicked {clicks}x at ({x}, {y})")

    async def mouse_move(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        x, y = int(body["x"]), int(body["y"])
        desktop.x.check_point(x, y)
        await desktop.input.move(x, y)
        return _ack(f"moved to ({x}, {y})")

    async def _drag(self, call: Call, default_duration_ms: int) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        from_x, from_y = int(body["from_x"]), int(body["from_y"])
        to_x, to_y = int(body["to_x"]), int(body["to_y"])
        desktop.x.check_point(from_x, from_y, "from_x", "from_y")
        desktop.x.check_point(to_x, to_y, "to_x", "to_y")
        await desktop.input.drag(
            from_x,
            from_y,
            to_x,
            to_y,
            button=str(body.get("button", "left")),
            duration_ms=int(body.get("duration_ms", default_duration_ms)),
        )
        return _ack(f"dragged ({from_x}, {from_y}) -> ({to_x}, {to_y})")

    async def mouse_drag(self, call: Call) -> dict[str, Any]:
        return await self._drag(call, default_duration_ms=200)

    async def drag_drop(self, call: Call) -> dict[str, Any]:
        return await self._drag(call, default_duration_ms=500)

    async def mouse_scroll(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        x, y = body.get("x"), body.get("y")
        if (x is None) != (y is None):
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                "give both x and y (or neither, to scroll at the pointer)",
                {"field": "y" if y is None else "x"},
            )
        if x is not None and y is not None:
            desktop.x.check_point(int(x), int(y))
        amount, direction = int(body["amount"]), str(body.get("direction", "down"))
        await desktop.input.scroll(
            amount, direction, int(x) if x is not None else None, int(y) if y is not None else None
        )
        return _ack(f"scrolled {direction} {amount}")

    # ------------------------------------------------------------------ keyboard
    async def keyboard_type(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        text = str(body["text"])
        await desktop.input.type(text, int(body.get("delay_ms", 10)))
        return _ack(f"typed {len(text)} characters")

    async def keyboard_press(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        await desktop.input.press(str(body["key"]))
        return _ack(f"pressed {body['key']}")

    async def keyboard_combination(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        keys = await desktop.input.combination(
            [str(m) for m in body["modifiers"]], str(body["key"])
        )
        return _ack(f"pressed {keys}")

    # ------------------------------------------------------------------ clipboard
    async def clipboard_set(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        await desktop.clipboard.set(str(body["text"]))
        return _ack("clipboard set")

    async def clipboard_get(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        return {"text": await desktop.clipboard.get(), "timestamp": iso()}

    async def clipboard_history(self, call: Call) -> dict[str, Any]:
        self._check_available()
        history = [entry.text for entry in reversed(self.engine.clipboard.history)][:50]
        return {"history": history, "count": len(history), "timestamp": iso()}

    # ------------------------------------------------------------------ screenshots
    async def screenshot_png(self, call: Call) -> Response:
        desktop = await self._desktop()
        shot = await desktop.screen.capture()
        return Response(shot.data, media_type="image/png")

    async def screenshot(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        shot = await desktop.screen.capture(
            None, str(body.get("format", "png")), int(body.get("quality", 90))
        )
        return _shot(shot)

    async def screenshot_region(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        region = _region(body)
        shot = await desktop.screen.capture(
            region, str(body.get("format", "png")), int(body.get("quality", 90))
        )
        return _shot(shot)

    async def capture_window(self, call: Call) -> Response:
        desktop = await self._desktop()
        window_id = call.query.get("window_id")
        if window_id is None:
            window_id = await desktop.windows.active_id()
            if window_id is None:
                raise AgentFault(404, "NOT_FOUND", "there is no active window; pass window_id", {})
        window = await desktop.windows.get(int(window_id))
        if window.is_minimized:
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"window {window.id} is minimized; focus it before capturing",
                {"field": "window_id", "window_id": window.id},
            )
        area = Region(window.x, window.y, window.width, window.height)
        png = await desktop.screen.capture_window(window.id, area)
        return Response(png, media_type="image/png")

    # ------------------------------------------------------------------ recording
    async def recording_start(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        recording = await desktop.recorder.start(
            fps=int(body.get("fps", 10)),
            video_format=str(body.get("format", "mp4")),
            quality=str(body.get("quality", "medium")),
        )
        return _recording(recording)

    async def recording_stop(self, call: Call) -> dict[str, Any]:
        self._check_available()
        return _recording(await self.engine.recorder.stop(str(_body(call)["recording_id"])))

    async def recording_status(self, call: Call) -> dict[str, Any]:
        self._check_available()
        return _recording(self.engine.recorder.get(str(call.query["id"])))

    async def recording_download(self, call: Call) -> Response:
        self._check_available()
        recording = self.engine.recorder.downloadable(str(call.query["id"]))
        return FileResponse(
            recording.path,
            media_type=recording.media_type,
            filename=recording.path.name,
        )

    # ------------------------------------------------------------------ windows
    async def windows_list(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        windows = [_window(w) for w in await desktop.windows.list()]
        return {"windows": windows, "count": len(windows), "timestamp": iso()}

    async def window_focus(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        window_id = int(_body(call)["window_id"])
        await desktop.windows.focus(window_id)
        return _ack(f"window {window_id} focused")

    async def window_close(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        window_id = int(_body(call)["window_id"])
        closed = await desktop.windows.close(window_id)
        return _ack(
            f"window {window_id} closed"
            if closed
            else f"window {window_id} was asked to close and is still open"
        )

    async def window_minimize(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        window_id = int(_body(call)["window_id"])
        await desktop.windows.minimize(window_id)
        return _ack(f"window {window_id} minimized")

    async def window_resize(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        window_id = int(body["window_id"])
        window = await desktop.windows.resize(window_id, int(body["width"]), int(body["height"]))
        return _ack(f"window {window_id} is now {window.width}x{window.height}")

    # ------------------------------------------------------------------ display
    def _display_info(self, desktop: DesktopEngine) -> dict[str, Any]:
        width, height = desktop.x.size
        return {
            "width": width,
            "height": height,
            "depth": desktop.config.depth,
            "refresh_rate": REFRESH_RATE,
            "displays": [
                {
                    "id": 0,
                    "name": desktop.x.display_name,
                    "width": width,
                    "height": height,
                    "primary": True,
                }
            ],
            "timestamp": iso(),
        }

    async def display_current(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        state = await desktop.x.screen()
        desktop.x.size = (state.width, state.height)
        return self._display_info(desktop)

    async def display_available(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        sizes = sorted(desktop.x.available_resolutions(), reverse=True)
        width, height = desktop.x.size
        return {
            "resolutions": [{"width": w, "height": h} for w, h in sizes],
            "current": {"width": width, "height": height},
            "timestamp": iso(),
        }

    async def display_set(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        await desktop.x.set_size(int(body["width"]), int(body["height"]))
        return self._display_info(desktop)

    # ------------------------------------------------------------------ OCR
    async def ocr(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        language = str(body.get("language", "eng"))
        result = await desktop.ocr.read(_region(body), language)
        answer: dict[str, Any] = {
            "text": result.text,
            "language": language,
            "region": {
                "x": result.region.x,
                "y": result.region.y,
                "width": result.region.width,
                "height": result.region.height,
            },
            "timestamp": iso(),
        }
        if result.confidence is not None:
            answer["confidence"] = result.confidence
        return answer

    async def find_element(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        return _found(await desktop.ocr.find(str(_body(call)["text"])))

    async def wait_for(self, call: Call) -> dict[str, Any]:
        body = _body(call)
        desktop = await self._desktop()
        match = await desktop.ocr.wait_for(str(body["text"]), float(body.get("timeout", 30)))
        return _found(match)

    async def get_bounds(self, call: Call) -> dict[str, Any]:
        desktop = await self._desktop()
        text = str(_body(call)["text"])
        match = await desktop.ocr.find(text)
        if match is None:
            raise AgentFault(
                404, "NOT_FOUND", f"text {text!r} is not on the screen", {"text": text}
            )
        return _element(match)

    # ------------------------------------------------------------------ debug
    async def debug_logs(self, call: Call) -> dict[str, Any]:
        self._check_available()
        logs = self.engine.logs()
        return {"logs": logs, "count": len(logs), "timestamp": iso()}

    async def debug_processes(self, call: Call) -> dict[str, Any]:
        self._check_available()
        processes = self.engine.processes()
        return {"processes": processes, "count": len(processes), "timestamp": iso()}

    # ------------------------------------------------------------------ registry
    def handlers(self) -> dict[str, Handler]:
        table: dict[str, Handler] = {
            "desktopVncStart": self.vnc_start,
            "desktopVncStop": self.vnc_stop,
            "desktopVncStatus": self.vnc_status,
            "desktopMouseClick": self.mouse_click,
            "desktopMouseMove": self.mouse_move,
            "desktopMouseDrag": self.mouse_drag,
            "desktopMouseScroll": self.mouse_scroll,
            "desktopKeyboardType": self.keyboard_type,
            "desktopKeyboardPress": self.keyboard_press,
            "desktopKeyboardCombination": self.keyboard_combination,
            "desktopHotkey": self.keyboard_combination,
            "desktopClipboardSet": self.clipboard_set,
            "desktopClipboardGet": self.clipboard_get,
            "desktopClipboardHistory": self.clipboard_history,
            "desktopScreenshotPng": self.screenshot_png,
            "desktopScreenshot": self.screenshot,
            "desktopScreenshotRegion": self.screenshot_region,
            "desktopCaptureWindow": self.capture_window,
            "desktopRecordingStart": self.recording_start,
            "desktopRecordingStop": self.recording_stop,
            "desktopRecordingStatus": self.recording_status,
            "desktopRecordingDownload": self.recording_download,
            "desktopWindowsList": self.windows_list,
            "desktopWindowsListLegacy": self.windows_list,
            "desktopWindowFocus": self.window_focus,
            "desktopWindowClose": self.window_close,
            "desktopWindowMinimize": self.window_minimize,
            "desktopWindowResize": self.window_resize,
            "desktopDisplayCurrent": self.display_current,
            "desktopDisplayLegacy": self.display_current,
            "desktopDisplayAvailable": self.display_available,
            "desktopDisplaySet": self.display_set,
            "desktopOcr": self.ocr,
            "desktopFindElement": self.find_element,
            "desktopWaitFor": self.wait_for,
            "desktopGetBounds": self.get_bounds,
            "desktopDragDrop": self.drag_drop,
            "desktopDragDropLegacy": self.drag_drop,
            "desktopDebugLogs": self.debug_logs,
            "desktopDebugProcesses": self.debug_processes,
        }
        return {op: _faults_as_api_errors(handler) for op, handler in table.items()}


def desktop_config_for(state: AgentStateLike) -> DesktopConfig:
    """Display :1, logs and recordings under the agent's cache directory, VNC socket in
    /run/hopx (used only when that directory is writable, as it is inside a sandbox)."""
    caches = getattr(state.config, "caches", None)
    home = getattr(state.config, "home", None)
    config = DesktopConfig()
    if isinstance(home, Path):
        config = replace(config, home=home)
    if isinstance(caches, Path):
        config = replace(config, state_dir=caches / "hopx-desktop")
    return config


def desktop_handlers(state: AgentStateLike) -> dict[str, Handler]:
    """Handlers of every ``desktop*`` operationId of vm-agent.yaml for the agent ``state``.

    When the template is not ``desktop`` they answer 503 DESKTOP_NOT_AVAILABLE (with
    ``details.missing_dependencies``, ``template`` and ``required_template``). The engine used is
    ``state.desktop`` when that is a :class:`DesktopEngine` (the agent then closes it at
    shutdown); otherwise one is made here and its processes end with the agent (they are
    started with a parent-death signal).
    """
    engine = getattr(state, "desktop", None)
    if not isinstance(engine, DesktopEngine):
        engine = DesktopEngine(desktop_config_for(state))
    return DesktopApi(engine, str(state.config.template)).handlers()
