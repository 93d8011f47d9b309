"""A directory made once, whole or not at all: filled under a temporary name beside it, then
renamed into place. A process that dies mid-way leaves only a ``.build-*`` directory (its
owner removes those at start); concurrent makers of the same directory both succeed, one
rename wins."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

TEMPORARY_PREFIX = ".build-"


def make_directory_once(target: Path, fill: Callable[[Path], None]) -> Path:
    """``target``, made by ``fill(directory)`` unless it exists already (blocking)."""
    if target.is_dir():
        return target
    building = Path(tempfile.mkdtemp(prefix=TEMPORARY_PREFIX, dir=target.parent))
    try:
        os.chmod(building, 0o755)
        fill(building)
        try:
            os.rename(building, target)
        except OSError:
            if not target.is_dir():
                raise
    finally:
        if building.exists():
            shutil.rmtree(building, ignore_errors=True)
    return target
