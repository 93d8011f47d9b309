"""Time as the control plane stores it (integer microseconds) and speaks it (RFC 3339, Z)."""

from __future__ import annotations

import time
from datetime import UTC, datetime


def now_us() -> int:
    return time.time_ns() // 1000


def rfc3339(us: int) -> str:
    """RFC 3339 UTC with a ``Z`` suffix, whole seconds (what the cloud sends)."""
    moment = datetime.fromtimestamp(us // 1_000_000, UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")
