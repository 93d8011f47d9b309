"""Reading text off the screen with tesseract, and finding where a given text is.

The screen region is grabbed at twice its size (tesseract reads ~96 dpi screen fonts far better
upscaled) and tesseract's TSV word boxes are mapped back to screen pixels.
"""

from __future__ import annotations

import asyncio
import re
import time
from dataclasses import dataclass

from hopx_local.agent.desktop.procs import run_tool, tool_failure
from hopx_local.agent.desktop.screen import SINGLE_FRAME_PROBE, Region, clip_region
from hopx_local.agent.desktop.xserver import XServer
from hopx_local.agent.errors import AgentFault

SCALE = 2
PAGE_MODE_TEXT = "3"  # fully automatic page segmentation: reading order for plain text
PAGE_MODE_SPARSE = "11"  # sparse text: scattered labels of a user interface


@dataclass(frozen=True)
class Word:
    text: str
    x: int
    y: int
    width: int
    height: int
    confidence: float
    line: tuple[int, int, int]
    """(block, paragraph, line) numbers: words with equal keys share a line."""


@dataclass(frozen=True)
class Match:
    x: int
    y: int
    width: int
    height: int
    text: str
    confidence: float


def parse_tsv(text: str, origin_x: int = 0, origin_y: int = 0, scale: int = 1) -> list[Word]:
    """Words (level 5 rows with text) of tesseract's TSV output, in screen coordinates."""
    words = []
    for row in text.splitlines()[1:]:
        cells = row.split("\t")
        if len(cells) < 12 or cells[0] != "5" or not cells[11].strip():
            continue
        left, top, width, height = (int(cells[i]) for i in range(6, 10))
        words.append(
            Word(
                text=cells[11].strip(),
                x=origin_x + left // scale,
                y=origin_y + top // scale,
                width=-(-width // scale),
                height=-(-height // scale),
                confidence=max(float(cells[10]), 0.0),
                line=(int(cells[2]), int(cells[3]), int(cells[4])),
            )
        )
    return words


def lines_of(words: list[Word]) -> list[list[Word]]:
    """Words grouped into lines, lines in reading order (top, then left)."""
    grouped: dict[tuple[int, int, int], list[Word]] = {}
    for word in words:
        grouped.setdefault(word.line, []).append(word)
    lines = [sorted(line, key=lambda w: w.x) for line in grouped.values()]
    return sorted(lines, key=lambda line: (min(w.y for w in line), line[0].x))


def text_of(words: list[Word]) -> str:
    return "\n".join(" ".join(w.text for w in line) for line in lines_of(words))


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def visual_lines(words: list[Word]) -> list[list[Word]]:
    """Words grouped by where they sit (same baseline band, close together), reading order.

    Tesseract's own line numbers can split one visual line into blocks in sparse mode, so
    finding a phrase groups by geometry instead: words whose vertical centres are within half
    a word height share a band; a band is cut where the horizontal gap exceeds 1.5 heights.
    """
    bands: list[list[Word]] = []
    for word in sorted(words, key=lambda w: w.y + w.height / 2):
        centre = word.y + word.height / 2
        for band in bands:
            last = band[-1]
            if abs(last.y + last.height / 2 - centre) <= max(last.height, word.height) / 2:
                band.append(word)
                break
        else:
            bands.append([word])
    lines: list[list[Word]] = []
    for band in bands:
        band.sort(key=lambda w: w.x)
        line = [band[0]]
        for word in band[1:]:
            previous = line[-1]
            gap = word.x - (previous.x + previous.width)
            if gap > 1.5 * max(previous.height, word.height):
                lines.append(line)
                line = []
            line.append(word)
        lines.append(line)
    return sorted(lines, key=lambda line: (min(w.y for w in line), line[0].x))


def find_text(words: list[Word], query: str) -> Match | None:
    """First occurrence (reading order) of ``query`` in one visual line, case-insensitive.

    The match may start or end inside a word ("Hello" in "Hello,"): the box is then narrowed
    in proportion to the characters matched.
    """
    needle = _normalise(query)
    if not needle:
        return None
    for line in visual_lines(words):
        spans = []
        haystack = ""
        for word in line:
            if haystack:
                haystack += " "
            start = len(haystack)
            haystack += word.text.casefold()
            spans.append((start, len(haystack), word))
        at = haystack.find(needle)
        if at < 0:
            continue
        end = at + len(needle)
        covered = [(s, e, w) for s, e, w in spans if s < end and e > at]
        first_start, first_end, first = covered[0]
        last_start, last_end, last = covered[-1]
        left = first.x + first.width * (at - first_start) // max(first_end - first_start, 1)
        right = last.x + last.width * (end - last_start) // max(last_end - last_start, 1)
        top = min(w.y for _, _, w in covered)
        bottom = max(w.y + w.height for _, _, w in covered)
        confidence = sum(w.confidence for _, _, w in covered) / len(covered)
        return Match(
            x=left,
            y=top,
            width=max(right - left, 1),
            height=bottom - top,
            text=" ".join(w.text for _, _, w in covered),
            confidence=round(confidence, 1),
        )
    return None


@dataclass(frozen=True)
class OcrResult:
    text: str
    confidence: float | None
    region: Region
    words: list[Word]


class Ocr:
    def __init__(self, x: XServer) -> None:
        self.x = x
        self._languages: set[str] | None = None

    async def languages(self) -> set[str]:
        if self._languages is None:
            result = await run_tool(["tesseract", "--list-langs"], self.x.env(), timeout=10)
            lines = (result.stdout.decode() or result.stderr).splitlines()
            self._languages = {line.strip() for line in lines[1:] if line.strip()}
        return self._languages

    async def check_language(self, language: str) -> None:
        known = await self.languages()
        unknown = [part for part in language.split("+") if part not in known]
        if unknown:
            raise AgentFault(
                400,
                "INVALID_REQUEST",
                f"OCR language {'+'.join(unknown)!r} is not installed; installed: "
                f"{', '.join(sorted(known))}",
                {"field": "language", "installed": sorted(known)},
            )

    async def read(
        self, region: Region | None = None, language: str = "eng", mode: str = PAGE_MODE_TEXT
    ) -> OcrResult:
        await self.check_language(language)
        width, height = self.x.size
        area = Region(0, 0, width, height) if region is None else clip_region(region, width, height)
        env = self.x.env()
        grab = await run_tool(
            [
                "ffmpeg", "-hide_banner", "-loglevel", "error", "-nostdin",
                "-f", "x11grab", "-draw_mouse", "0", *SINGLE_FRAME_PROBE,
                "-video_size", f"{area.width}x{area.height}",
                "-i", f"{self.x.display_name}+{area.x},{area.y}",
                "-frames:v", "1", "-vf", f"scale=iw*{SCALE}:ih*{SCALE}:flags=bicubic",
                "-c:v", "png", "-f", "image2pipe", "-",
            ],
            env,
            timeout=20,
        )  # fmt: skip
        result = await run_tool(
            ["tesseract", "stdin", "stdout", "-l", language, "--psm", mode, "tsv"],
            {**env, "OMP_THREAD_LIMIT": "1"},
            stdin=grab.stdout,
            timeout=60,
        )
        if not result.stdout.startswith(b"level"):
            raise tool_failure("tesseract", result.stderr or "no TSV output")
        words = parse_tsv(result.stdout.decode("utf-8", "replace"), area.x, area.y, SCALE)
        confidence = round(sum(w.confidence for w in words) / len(words), 1) if words else None
        return OcrResult(text_of(words), confidence, area, words)

    async def find(self, text: str) -> Match | None:
        result = await self.read(mode=PAGE_MODE_SPARSE)
        return find_text(result.words, text)

    async def wait_for(self, text: str, timeout: float) -> Match | None:
        """Look again until ``text`` shows or ``timeout`` seconds pass (None then)."""
        deadline = time.monotonic() + timeout
        while True:
            match = await self.find(text)
            remaining = deadline - time.monotonic()
            if match is not None or remaining <= 0:
                return match
            await asyncio.sleep(min(0.2, remaining))  # leave the CPU to the application
