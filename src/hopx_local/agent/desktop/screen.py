"""Screenshots as PNG bytes: ffmpeg's x11grab reads the framebuffer (whole, a region, a window)."""

from __future__ import annotations

import struct
from dataclasses import dataclass

from hopx_local.agent.desktop.procs import run_tool, tool_failure
from hopx_local.agent.desktop.xserver import XServer
from hopx_local.agent.errors import AgentFault

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# One frame is all a screenshot reads: without these, ffmpeg first grabs frames for about half
# a second to analyse the stream.
SINGLE_FRAME_PROBE = ("-probesize", "32", "-analyzeduration", "0")


@dataclass(frozen=True)
class Region:
    x: int
    y: int
    width: int
    height: int


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from a PNG's IHDR chunk."""
    if not data.startswith(PNG_SIGNATURE) or data[12:16] != b"IHDR":
        raise tool_failure("ffmpeg", "did not produce a PNG image")
    width, height = struct.unpack(">II", data[16:24])
    return int(width), int(height)


def clip_region(region: Region, screen_width: int, screen_height: int) -> Region:
    """The part of ``region`` on the screen; 400 when none of it is."""
    left, top = max(region.x, 0), max(region.y, 0)
    right = min(region.x + region.width, screen_width)
    bottom = min(region.y + region.height, screen_height)
    if region.width <= 0 or region.height <= 0 or right <= left or bottom <= top:
        raise AgentFault(
            400,
            "INVALID_REQUEST",
            f"region {region.width}x{region.height}+{region.x}+{region.y} lies entirely outside "
            f"the screen ({screen_width}x{screen_height})",
            {"field": "x", "screen_width": screen_width, "screen_height": screen_height},
        )
    return Region(left, top, right - left, bottom - top)


@dataclass(frozen=True)
class Shot:
    data: bytes
    format: str
    width: int
    height: int


def _encoder(image_format: str, quality: int) -> list[str]:
    if image_format == "png":
        return ["-c:v", "png"]
    if image_format == "jpeg":
        # ffmpeg's JPEG scale runs 2 (best) .. 31 (worst); map 100 .. 1 onto it.
        qscale = round(2 + (100 - min(max(quality, 1), 100)) * 29 / 99)
        return ["-c:v", "mjpeg", "-q:v", str(qscale), "-pix_fmt", "yuvj420p"]
    raise AgentFault(
        400,
        "INVALID_REQUEST",
        f"unknown image format {image_format!r}; use png or jpeg",
        {"field": "format"},
    )


class Screen:
    def __init__(self, x: XServer) -> None:
        self.x = x

    async def _grab(self, source: list[str], image_format: str, quality: int) -> bytes:
        result = await run_tool(
            [
                "ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-f", "x11grab", "-draw_mouse", "0", *SINGLE_FRAME_PROBE, *source,
                "-frames:v", "1", *_encoder(image_format, quality), "-f", "image2pipe", "-",
            ],
            self.x.env(),
            timeout=20,
        )  # fmt: skip
        if not result.stdout:
            raise tool_failure("ffmpeg", "produced no image")
        return result.stdout

    async def capture(
        self, region: Region | None = None, image_format: str = "png", quality: int = 90
    ) -> Shot:
        """The whole screen, or the on-screen part of ``region``, as PNG or JPEG."""
        width, height = self.x.size
        area = Region(0, 0, width, height) if region is None else clip_region(region, width, height)
        source = [
            "-video_size", f"{area.width}x{area.height}",
            "-i", f"{self.x.display_name}+{area.x},{area.y}",
        ]  # fmt: skip
        data = await self._grab(source, image_format, quality)
        return Shot(data, image_format, area.width, area.height)

    async def capture_window(self, window_id: int, area: Region | None = None) -> bytes:
        """PNG of one window: read from the window itself (not what covers it); for a window
        partly off the screen X refuses that, so its on-screen ``area`` is captured instead."""
        try:
            data = await self._grab(
                ["-window_id", str(window_id), "-i", self.x.display_name], "png", 0
            )
            png_size(data)
            return data
        except AgentFault:
            if area is None:
                raise
        return (await self.capture(area)).data
