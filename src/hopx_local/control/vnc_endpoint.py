"""The host side of a desktop sandbox's VNC server.

x11vnc listens inside the sandbox on the unix socket ``/run/hopx/vnc.sock`` (``run/vnc.sock``
under the sandbox's root directory on the host). The control plane relays a loopback TCP port
to it byte for byte (an :class:`~hopx_local.control.relay.AgentRelay` on that socket: it
connects per client connection, so the socket need only exist once VNC is started) and tells
the agent that port in ``run/vnc-endpoint.json``, which the agent answers as ``VncInfo.url`` and
``port``: the address a viewer on the host connects to.
"""

from __future__ import annotations

import json
from pathlib import Path

from hopx_local.runtime import write_sandbox_file

VNC_SOCKET = "vnc.sock"
VNC_ENDPOINT_FILE = "vnc-endpoint.json"


def vnc_socket(run_dir: Path) -> Path:
    """Host path of the sandbox's ``/run/hopx/vnc.sock``."""
    return run_dir / VNC_SOCKET


def publish_vnc_endpoint(run_dir: Path, host: str, port: int, *, uid: int) -> None:
    """Write ``run/vnc-endpoint.json`` (safely: run/ is writable by the sandbox)."""
    document = json.dumps({"host": host, "port": port}).encode()
    write_sandbox_file(run_dir / VNC_ENDPOINT_FILE, document, uid=uid, mode=0o444)
