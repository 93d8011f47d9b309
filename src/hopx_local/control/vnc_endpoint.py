"""The host side of a desktop sandbox's VNC server.

x11vnc listens inside the sandbox on the unix socket ``/run/hopx/vnc.sock`` (``run/vnc.sock``
under the sandbox's root directory on the host). The control plane relays a loopback TCP port
to it byte for byte (an :class:`~hopx_local.control.relay.AgentRelay` on that socket: it
connects per client connection, so the socket need only exist once VNC is started) and tells
the agent that port in ``run/vnc-endpoint.json``, which the agent answers as ``VncInfo.url`` and
``port``: the address a viewer on the host connects to; and the URL of the WebSocket bridge
for browsers (vnc_websocket.py), answered as ``VncInfo.websocket_url``.
"""

from __future__ import annotations

import json
from pathlib import Path

from hopx_local.runtime import write_sandbox_file

VNC_SOCKET = "vnc.sock"
VNC_ENDPOINT_FILE = "vnc-endpoint.json"
VNC_WEBSOCKET_PATH = "/vnc/{sandbox_id}/websockify"


def vnc_websocket_url(base_url: str, sandbox_id: str) -> str:
    """The bridge's URL on the control plane at ``base_url`` (http -> ws, https -> wss)."""
    scheme, _, rest = base_url.partition("://")
    ws_scheme = "wss" if scheme == "https" else "ws"
    return f"{ws_scheme}://{rest}" + VNC_WEBSOCKET_PATH.format(sandbox_id=sandbox_id)


def vnc_socket(run_dir: Path) -> Path:
    """Host path of the sandbox's ``/run/hopx/vnc.sock``."""
    return run_dir / VNC_SOCKET


def publish_vnc_endpoint(
    run_dir: Path, host: str, port: int, *, uid: int, websocket_url: str | None = None
) -> None:
    """Write ``run/vnc-endpoint.json`` (safely: run/ is writable by the sandbox)."""
    endpoint: dict[str, object] = {"host": host, "port": port}
    if websocket_url is not None:
        endpoint["websocket_url"] = websocket_url
    document = json.dumps(endpoint).encode()
    write_sandbox_file(run_dir / VNC_ENDPOINT_FILE, document, uid=uid, mode=0o444)
