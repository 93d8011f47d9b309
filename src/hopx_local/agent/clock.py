"""Timestamps as the wire wants them: RFC 3339, UTC, with a ``Z``."""

from __future__ import annotations

import time
from datetime import UTC, datetime


def iso(timestamp: float | None = None) -> str:
    moment = datetime.fromtimestamp(time.time() if timestamp is None else timestamp, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
