"""Shared pieces of the HTTP clients (no I/O)."""

from __future__ import annotations

import functools
import ssl
import urllib.request
from urllib.parse import urlsplit

import httpx

from ._version import __version__

USER_AGENT = f"hopx-ai-python/{__version__}"

# Added to an execution or command timeout to get the HTTP read timeout of the call that waits
# for it (run_code, commands.run; published: +30 s).
HTTP_MARGIN = 30

# Pool per client (one client per sandbox and per server).
POOL_LIMITS = httpx.Limits(max_connections=20, max_keepalive_connections=10)


@functools.cache
def ssl_context() -> ssl.SSLContext:
    """One TLS context for all clients: building one costs milliseconds (CA bundle parsing)."""
    return httpx.create_ssl_context()


def http_timeout(seconds: float) -> httpx.Timeout:
    """The client's default timeout: ``seconds`` for reads, at most 30 s to connect."""
    return httpx.Timeout(seconds, connect=min(seconds, 30.0))


def proxy_for(url: str) -> str | None:
    """The proxy the environment (``HTTPS_PROXY``, ``ALL_PROXY``, ``NO_PROXY``...) sets for
    ``url``, or None."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    proxies = urllib.request.getproxies()
    if not proxies or (host and urllib.request.proxy_bypass(host)):
        return None
    return proxies.get(parts.scheme) or proxies.get("all")
