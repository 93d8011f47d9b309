"""The VNC server (x11vnc) of the display, always password-protected.

x11vnc listens on two endpoints:

* TCP ``127.0.0.1:(5900 + display)`` inside the sandbox's own network namespace (what the
  published API calls the VNC port; reachable by programs in the sandbox);
* the unix socket ``<run_dir>/vnc.sock`` (``/run/hopx/vnc.sock`` in a sandbox). The sandbox's
  /run/hopx is a host directory, so the control plane can relay a host loopback TCP port to this
  socket, the way it relays ``public_host`` to the agent socket. When it does, it writes
  ``<run_dir>/vnc-endpoint.json`` (``{"host": "127.0.0.1", "port": N}``) and the VNC info answers
  that address, the one a viewer on the host can use.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import string
from dataclasses import dataclass

from hopx_local.agent.desktop.procs import Service, poll_until, tool_failure
from hopx_local.agent.desktop.xserver import XServer

PASSWORD_ALPHABET = string.ascii_letters + string.digits
PASSWORD_LENGTH = 8  # classic VNC authentication uses at most 8 characters


def generate_password() -> str:
    return "".join(secrets.choice(PASSWORD_ALPHABET) for _ in range(PASSWORD_LENGTH))


@dataclass(frozen=True)
class VncState:
    running: bool
    display: int
    port: int
    url: str
    password: str | None
    socket_path: str | None
    """The unix socket x11vnc listens on (None when the run directory is not writable)."""
    websocket_url: str | None = None
    """The control plane's WebSocket bridge to this server (for noVNC), when it published one."""


class Vnc:
    def __init__(self, x: XServer) -> None:
        self.x = x
        self.service: Service | None = None
        self.display = 1
        self.password: str | None = None
        self.view_only = False
        self.socket_path: str | None = None

    @property
    def running(self) -> bool:
        return self.service is not None and self.service.running

    def _public_address(self, port: int) -> tuple[str, int, str | None]:
        """The control plane's host relay (and WebSocket bridge) when it published them, else
        the in-sandbox port."""
        try:
            endpoint = json.loads(self.x.config.vnc_endpoint_file.read_text())
            websocket_url = endpoint.get("websocket_url")
            return (
                str(endpoint["host"]),
                int(endpoint["port"]),
                str(websocket_url) if websocket_url else None,
            )
        except (OSError, ValueError, KeyError, TypeError, AttributeError):
            return "127.0.0.1", port, None

    def state(self) -> VncState:
        tcp_port = self.x.config.vnc_tcp_base_port + self.display
        host, port, websocket_url = self._public_address(tcp_port)
        return VncState(
            running=self.running,
            display=self.display,
            port=port,
            url=f"vnc://{host}:{port}",
            password=self.password if self.running else None,
            socket_path=self.socket_path if self.running else None,
            websocket_url=websocket_url,
        )

    async def start(
        self, display: int = 1, password: str | None = None, view_only: bool = False
    ) -> VncState:
        """Start x11vnc (idempotent: a running server with the same settings is kept)."""
        if (
            self.running
            and display == self.display
            and view_only == self.view_only
            and password in (None, self.password)
        ):
            return self.state()
        await self.stop()
        cfg = self.x.config
        self.display = display
        self.view_only = view_only
        self.password = password or generate_password()
        cfg.state_dir.mkdir(parents=True, exist_ok=True)
        password_file = cfg.state_dir / f"vnc-{secrets.token_hex(4)}.pass"
        fd = os.open(password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(self.password + "\n")
        port = cfg.vnc_tcp_base_port + display
        argv = [
            "x11vnc", "-display", self.x.display_name,
            "-rfbport", str(port), "-listen", "127.0.0.1",
            "-noipv6", "-forever", "-shared", "-noxdamage", "-nolookup",
            "-passwdfile", f"rm:{password_file}",
        ]  # fmt: skip
        self.socket_path = None
        if os.access(cfg.run_dir, os.W_OK):
            with contextlib.suppress(FileNotFoundError):
                cfg.vnc_socket.unlink()
            self.socket_path = str(cfg.vnc_socket)
            argv += ["-unixsock", self.socket_path]
        if view_only:
            argv.append("-viewonly")
        log_path = cfg.state_dir / "x11vnc.log"
        offset = log_path.stat().st_size if log_path.exists() else 0
        service = Service("x11vnc", argv, self.x.env(), log_path)
        self.service = service

        async def listening() -> bool:
            with open(log_path, "rb") as log:
                log.seek(offset)
                text = log.read().decode(errors="replace")
            if f"PORT={port}" in text:
                return True
            if not service.running:
                raise tool_failure("x11vnc", "exited at start", log=text[-1500:])
            return False

        try:
            await poll_until(listening, 10.0, what="the VNC server to listen")
        except Exception:
            await self.stop()
            raise
        finally:
            with contextlib.suppress(FileNotFoundError):
                password_file.unlink()
        return self.state()

    async def stop(self) -> VncState:
        if self.service is not None:
            await self.service.stop()
            self.service = None
            if self.socket_path is not None:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(self.socket_path)
        return self.state()

    def services(self) -> list[Service]:
        return [self.service] if self.service is not None else []
