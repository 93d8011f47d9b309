"""How the desktop of one sandbox is set up (the agent builds it; tests build their own)."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def _home() -> Path:
    return Path(os.environ.get("HOME", "/home/user"))


@dataclass(frozen=True)
class DesktopConfig:
    display: int | None = 1
    """X display number; ``None`` (or a number already in use) lets Xvfb pick a free one.
    Inside a sandbox /tmp is private, so :1 is always free there."""
    width: int = 1920
    height: int = 1080
    """Resolution the display starts with."""
    max_width: int = 2560
    max_height: int = 1600
    """Framebuffer size Xvfb allocates: the largest resolution ``set_resolution`` can switch to
    without restarting the X server (Xvfb's RANDR resizes within it, never beyond)."""
    depth: int = 24
    state_dir: Path = Path("/tmp/hopx-desktop")
    """Logs of the X server, window manager and VNC server, and recordings."""
    run_dir: Path = Path("/run/hopx")
    """Where the VNC unix socket is created (the control plane relays a host port to it)."""
    vnc_tcp_base_port: int = 5900
    """x11vnc also listens on 127.0.0.1:(base + display) inside the sandbox's own network."""
    home: Path = field(default_factory=_home)
    path: str = "/usr/local/bin:/usr/bin:/bin"
    start_timeout: float = 15.0

    @property
    def vnc_socket(self) -> Path:
        return self.run_dir / "vnc.sock"

    @property
    def vnc_endpoint_file(self) -> Path:
        """JSON ``{"host": str, "port": int}`` written by the control plane: the host loopback
        address that relays to :attr:`vnc_socket`. Absent when nothing relays (tests, no CP)."""
        return self.run_dir / "vnc-endpoint.json"

    @property
    def recordings_dir(self) -> Path:
        return self.state_dir / "recordings"
