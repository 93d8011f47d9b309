"""Sandboxes by host name, as the public service serves them: ``{port}-{sandbox id}.<domain>``.

With ``--public-domain DOMAIN`` (a wildcard DNS name that points at the control plane), a
request whose Host is ``7777-<id>.DOMAIN`` goes to the sandbox's agent and ``<port>-<id>.DOMAIN``
to that port inside it, through the same routes as ``/agent/<id>/...`` and
``/preview/<id>/<port>/...``: this middleware only rewrites the path. Any other Host reaches the
control plane's API as before.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from hopx_local.control.preview_forwarding import AGENT_PORT, AGENT_PREFIX, PREFIX

HOST_ROUTED = "hopx.host_routed"
"""Scope key set on rewritten requests (their services live at the host's root: no prefix)."""


def sandbox_host(base_url: str, domain: str, port: int | str, sandbox_id: str) -> str:
    """``scheme://<port>-<id>.<domain>[:<server port>]`` for the server at ``base_url``."""
    parts = urlsplit(base_url)
    suffix = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{port}-{sandbox_id}.{domain}{suffix}"


class HostRouting:
    def __init__(self, app: ASGIApp, domain: str) -> None:
        self.app = app
        self._pattern = re.compile(
            rf"^(?P<port>\d{{1,5}})-(?P<id>[a-z0-9_]+)\.{re.escape(domain)}(?::\d+)?$",
            re.IGNORECASE,
        )

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            host = next(
                (value.decode("latin-1") for name, value in scope["headers"] if name == b"host"),
                "",
            )
            match = self._pattern.match(host)
            if match is not None:
                port, sandbox_id = int(match["port"]), match["id"].lower()
                prefix = (
                    f"{AGENT_PREFIX}/{sandbox_id}"
                    if port == AGENT_PORT
                    else f"{PREFIX}/{sandbox_id}/{port}"
                )
                path = prefix + scope["path"]
                scope = {
                    **scope,
                    "path": path,
                    "raw_path": path.encode("latin-1"),
                    HOST_ROUTED: True,
                }
        await self.app(scope, receive, send)
