"""What the agent caches for executions: the Go build cache and pip's download cache.

The agent never replays execution results (executions have side effects), so the cache it
reports is the one that really speeds later executions up: compiled Go packages (``go run``) and
downloaded wheels (``pip install``), both under the agent's cache directory. ``size`` counts
their files, ``size_bytes`` their bytes; clearing removes them.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

from .clock import iso


class BuildCaches:
    def __init__(self, root: Path) -> None:
        self.directories = {"go_build": root / "go-build", "pip": root / "pip"}

    def _walk(self) -> tuple[int, int]:
        files = 0
        size = 0
        for directory in self.directories.values():
            for folder, _, names in os.walk(directory):
                for name in names:
                    try:
                        size += os.lstat(os.path.join(folder, name)).st_size
                    except OSError:
                        continue
                    files += 1
        return files, size

    def stats(self) -> dict[str, Any]:
        files, size = self._walk()
        return {
            "cache": {
                "size": files,
                "max_size": 0,
                "hits": 0,
                "misses": 0,
                "hit_rate": 0.0,
                "size_bytes": size,
                "directories": {name: str(path) for name, path in self.directories.items()},
            },
            "timestamp": iso(),
        }

    def clear(self) -> dict[str, Any]:
        files, size = self._walk()
        for directory in self.directories.values():
            shutil.rmtree(directory, ignore_errors=True)
        return {
            "success": True,
            "message": f"Cache cleared ({files} files, {size} bytes)",
            "cleared": files,
            "timestamp": iso(),
        }
