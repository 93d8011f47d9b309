"""Reading a build's log (``getTemplateBuildLogs`` from an offset) and the follower that turns
the polled text into lines for ``BuildOptions.on_log``: in ``_async/template_build.py``."""

from __future__ import annotations

from .._async.template_build import LogFollower, call_back, fetch_logs_from

__all__ = ["LogFollower", "call_back", "fetch_logs_from"]
