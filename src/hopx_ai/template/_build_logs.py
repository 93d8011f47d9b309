"""Reading a build's log: one call (``getTemplateBuildLogs`` from an offset), and a follower
that turns the polled text into lines for ``BuildOptions.on_log``."""

from __future__ import annotations

import inspect
from collections import deque
from typing import Any

from .._async._connections import AsyncControlPlane
from .._log import logger
from ..errors import HopxError
from ._wire import logs_response
from .types import InvalidTemplateError, LogsResponse

_LOG_DRAIN_POLLS = 5
_RECENT_LINES = 200


async def call_back(callback: Any, *args: Any) -> None:
    """Call a user callback, awaiting it if it is a coroutine function."""
    result = callback(*args)
    if inspect.isawaitable(result):
        await result


async def fetch_logs_from(cp: AsyncControlPlane, build_id: str, offset: int) -> LogsResponse:
    from hopx_control_api.api.templates import get_template_build_logs

    if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
        raise InvalidTemplateError(
            f"offset must be a non-negative integer (got {offset!r})", field="offset"
        )
    request = get_template_build_logs.request(build_id, offset=offset)
    return logs_response(await cp.call(request, "Template.get_logs"), offset)


def _level(line: str) -> str:
    if "❌" in line or "ERROR" in line:
        return "ERROR"
    if "⚠" in line or "WARN" in line:
        return "WARN"
    return "INFO"


class LogFollower:
    """Polls the build log from the last offset and hands complete lines to ``on_log``.

    A chunk may end inside a line: the partial line waits for the rest. Keeps the last lines
    for the error message of a failed build. A log endpoint that fails is given up (with a
    warning): the logs are a convenience, the build status decides.
    """

    def __init__(self, cp: AsyncControlPlane, build_id: str, on_log: Any) -> None:
        self._cp = cp
        self._build_id = build_id
        self._on_log = on_log
        self._offset = 0
        self._partial = ""
        self.complete = False
        self.available = True
        self.recent: deque[str] = deque(maxlen=_RECENT_LINES)

    async def poll(self) -> None:
        if self.complete or not self.available:
            return
        try:
            response = await fetch_logs_from(self._cp, self._build_id, self._offset)
        except HopxError as error:
            logger.warning("Build logs of %s are not available: %s", self._build_id, error)
            self.available = False
            return
        self._offset = response.offset
        *lines, self._partial = (self._partial + response.logs).split("\n")
        if response.complete:
            lines.append(self._partial)
            self._partial = ""
            self.complete = True
        for line in lines:
            await self._emit(line)

    async def finish(self) -> None:
        """After the build ended: read what is left of the log (bounded), then the last line."""
        for _ in range(_LOG_DRAIN_POLLS):
            if self.complete or not self.available:
                break
            await self.poll()
        if self._partial:
            line, self._partial = self._partial, ""
            await self._emit(line)

    async def _emit(self, line: str) -> None:
        line = line.rstrip("\r")
        if not line.strip():
            return
        self.recent.append(line)
        if self._on_log is not None:
            await call_back(self._on_log, {"level": _level(line), "message": line, "timestamp": ""})
