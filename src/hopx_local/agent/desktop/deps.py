"""What the desktop needs installed, and what of it is missing on this system."""

from __future__ import annotations

import glob
import shutil
from pathlib import Path

PACKAGES_FILE = Path(__file__).with_name("PACKAGES")

# program -> Debian package that provides it
REQUIRED_PROGRAMS: dict[str, str] = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "xdotool": "xdotool",
    "wmctrl": "wmctrl",
    "xclip": "xclip",
    "xrandr": "x11-xserver-utils",
    "xprop": "x11-utils",
    "xwininfo": "x11-utils",
    "x11vnc": "x11vnc",
    "ffmpeg": "ffmpeg",
    "ffprobe": "ffmpeg",
    "tesseract": "tesseract-ocr",
}
TESSERACT_ENGLISH = "tesseract-ocr-eng"
_ENGLISH_DATA = "/usr/share/tesseract-ocr/*/tessdata/eng.traineddata"

DEFAULT_PATH = "/usr/local/bin:/usr/bin:/bin"


def debian_packages() -> list[str]:
    """The packages to install for the desktop (the Makefile reads the same file)."""
    return [line.strip() for line in PACKAGES_FILE.read_text().splitlines() if line.strip()]


def missing_dependencies(path: str = DEFAULT_PATH) -> list[str]:
    """Debian packages whose programs (or data) are missing here, in install order; [] = ready."""
    missing = [
        package
        for program, package in REQUIRED_PROGRAMS.items()
        if shutil.which(program, path=path) is None
    ]
    if not glob.glob(_ENGLISH_DATA):
        missing.append(TESSERACT_ENGLISH)
    return list(dict.fromkeys(missing))
