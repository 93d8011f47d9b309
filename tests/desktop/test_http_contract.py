"""The desktop handlers behind the real vm-agent.yaml: requests validated by the spec-first app,
answers checked against the document's response schemas."""

from __future__ import annotations

import base64
import io
from typing import Any

import httpx
import pytest
from openapi_schema_validator import OAS30Validator
from PIL import Image

from hopx_local.agent.desktop import DesktopApi
from hopx_local.spec_server import SpecApp
from hopx_local.specs import load_spec, spec_path

from .conftest import HEIGHT, WIDTH, Desktop

DOCUMENT = load_spec(spec_path("vm-agent"))


def _documented(method: str, path: str, status: int) -> dict[str, Any]:
    operation = DOCUMENT["paths"][path][method.lower()]
    response = operation["responses"][str(status)]
    if "$ref" in response:
        response = DOCUMENT["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    schema: dict[str, Any] = response["content"]["application/json"]["schema"]
    return schema


def _check(method: str, path: str, answer: httpx.Response) -> Any:
    schema = _documented(method, path, answer.status_code)
    body = answer.json()
    validator = OAS30Validator({"allOf": [schema], "components": DOCUMENT["components"]})
    errors = [f"{list(e.path)}: {e.message}" for e in validator.iter_errors(body)]
    assert not errors, f"{method} {path} answered outside its schema: {errors}"
    return body


@pytest.fixture(scope="module")
def call(desktop: Desktop) -> Any:
    app = SpecApp(DOCUMENT, handlers=DesktopApi(desktop.engine).handlers(), error_style="flat")
    transport = httpx.ASGITransport(app=app.asgi())

    def request(method: str, path: str, **kwargs: Any) -> httpx.Response:
        async def send() -> httpx.Response:
            async with httpx.AsyncClient(transport=transport, base_url="http://agent") as client:
                return await client.request(method, path, timeout=60, **kwargs)

        return desktop.run(send())

    return request


def test_display_window_and_screenshot_operations(call: Any) -> None:
    display = _check("GET", "/desktop/display/current", call("GET", "/desktop/display/current"))
    assert (display["width"], display["height"]) == (WIDTH, HEIGHT)
    legacy = call("GET", "/desktop/display")
    assert legacy.json()["displays"] == display["displays"]

    available = _check(
        "GET", "/desktop/display/available", call("GET", "/desktop/display/available")
    )
    sizes = [(r["width"], r["height"]) for r in available["resolutions"]]
    assert sizes == sorted(sizes, reverse=True)

    refused = call("POST", "/desktop/display/set", json={"width": 1001, "height": 700})
    assert _check("POST", "/desktop/display/set", refused)["code"] == "INVALID_REQUEST"

    windows = _check("GET", "/desktop/windows/list", call("GET", "/desktop/windows/list"))
    assert windows["count"] == len(windows["windows"])

    png = call("GET", "/desktop/screenshot")
    assert png.headers["content-type"] == "image/png"
    assert Image.open(io.BytesIO(png.content)).size == (WIDTH, HEIGHT)

    shot = _check("POST", "/desktop/screenshot", call("POST", "/desktop/screenshot", json={}))
    assert base64.b64decode(shot["image"])[:4] == b"\x89PNG"
    region = _check(
        "POST",
        "/desktop/screenshot/region",
        call(
            "POST",
            "/desktop/screenshot/region",
            json={"x": 10, "y": 20, "width": 64, "height": 48, "format": "jpeg"},
        ),
    )
    assert (region["format"], region["width"], region["height"]) == ("jpeg", 64, 48)
    assert region["size"] == len(base64.b64decode(region["image"]))


def test_input_clipboard_and_ocr_operations(call: Any) -> None:
    click = call("POST", "/desktop/mouse/click", json={"x": 5, "y": 5, "clicks": 2})
    assert _check("POST", "/desktop/mouse/click", click)["success"] is True

    outside = call("POST", "/desktop/mouse/click", json={"x": WIDTH + 5, "y": 5})
    error = _check("POST", "/desktop/mouse/click", outside)
    assert (outside.status_code, error["details"]["field"]) == (400, "x")

    typo = call("POST", "/desktop/mouse/move", json={"x": "left"})
    assert typo.status_code == 400

    set_answer = call("POST", "/desktop/clipboard/set", json={"text": "contract text"})
    _check("POST", "/desktop/clipboard/set", set_answer)
    got = _check("GET", "/desktop/clipboard/get", call("GET", "/desktop/clipboard/get"))
    assert got["text"] == "contract text"
    history = _check("GET", "/desktop/clipboard/history", call("GET", "/desktop/clipboard/history"))
    assert history["history"][0] == "contract text"

    partial = call("POST", "/desktop/x11/ocr", json={"x": 0, "y": 0})
    assert _check("POST", "/desktop/x11/ocr", partial)["details"]["field"] == "width"
    ocr = call("POST", "/desktop/x11/ocr", json={"x": 0, "y": 0, "width": 200, "height": 100})
    assert _check("POST", "/desktop/x11/ocr", ocr)["region"]["width"] == 200

    absent = {"text": "no such words anywhere zq"}
    found = _check(
        "POST", "/desktop/x11/find_element", call("POST", "/desktop/x11/find_element", json=absent)
    )
    assert found == {"found": False, "timestamp": found["timestamp"]}
    bounds = call("POST", "/desktop/x11/get_bounds", json=absent)
    assert bounds.status_code == 404
    _check("POST", "/desktop/x11/get_bounds", bounds)


def test_vnc_recording_and_debug_operations(call: Any) -> None:
    status = _check("GET", "/desktop/vnc/status", call("GET", "/desktop/vnc/status"))
    assert status["running"] is False and "password" not in status

    started = call("POST", "/desktop/recording/start", json={"fps": 5})
    recording = _check("POST", "/desktop/recording/start", started)
    assert recording["status"] == "recording" and recording["end_time"] is None
    early = call("GET", "/desktop/recording/download", params={"id": recording["recording_id"]})
    assert early.status_code == 400
    stopped = call(
        "POST", "/desktop/recording/stop", json={"recording_id": recording["recording_id"]}
    )
    assert _check("POST", "/desktop/recording/stop", stopped)["status"] == "stopped"
    video = call("GET", "/desktop/recording/download", params={"id": recording["recording_id"]})
    assert video.headers["content-type"] == "video/mp4"
    assert video.content[4:8] == b"ftyp"
    unknown = call("GET", "/desktop/recording/status", params={"id": "rec_nope"})
    assert _check("GET", "/desktop/recording/status", unknown)["code"] == "NOT_FOUND"

    processes = _check("GET", "/desktop/debug/processes", call("GET", "/desktop/debug/processes"))
    assert {"Xvfb", "openbox"} <= {p["name"] for p in processes["processes"]}
    _check("GET", "/desktop/debug/logs", call("GET", "/desktop/debug/logs"))


def test_other_templates_answer_desktop_not_available(desktop: Desktop) -> None:
    api = DesktopApi(desktop.engine, template="code-interpreter")
    app = SpecApp(DOCUMENT, handlers=api.handlers(), error_style="flat")
    transport = httpx.ASGITransport(app=app.asgi())

    async def probe() -> httpx.Response:
        async with httpx.AsyncClient(transport=transport, base_url="http://agent") as client:
            return await client.get("/desktop/vnc/status")

    answer = desktop.run(probe())
    body = _check("GET", "/desktop/vnc/status", answer)
    assert (answer.status_code, body["code"]) == (503, "DESKTOP_NOT_AVAILABLE")
    assert body["details"]["required_template"] == "desktop"
    assert isinstance(body["details"]["missing_dependencies"], list)


def test_capture_window_even_partly_off_screen(desktop: Desktop, call: Any) -> None:
    window = desktop.open_terminal("hopx-capture", "exec cat", "40x10+900+650")
    answer = call("GET", "/desktop/x11/capture_window", params={"window_id": window.id})
    assert answer.headers["content-type"] == "image/png"
    visible = (min(window.width, WIDTH - window.x), min(window.height, HEIGHT - window.y))
    assert Image.open(io.BytesIO(answer.content)).size == visible

    unknown = call("GET", "/desktop/x11/capture_window", params={"window_id": 12345})
    assert _check("GET", "/desktop/x11/capture_window", unknown)["code"] == "NOT_FOUND"
