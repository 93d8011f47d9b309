"""The VNC server speaks RFB over TCP and over the unix socket the control plane relays."""

from __future__ import annotations

import socket
import struct

import pytest

from .conftest import HEIGHT, WIDTH, Desktop
from .rfb import authenticate, handshake


def _free_vnc_display() -> int:
    for display in range(60, 100):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", 5900 + display))
            except OSError:
                continue
            return display
    raise AssertionError("no free VNC port in 5960-5999")


def _authenticate(port: int, password: str) -> tuple[int, bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        outcome = authenticate(sock, password)
    if outcome is None:
        pytest.skip("openssl with the legacy (DES) provider is needed to answer VNC auth")
    return outcome


def test_vnc_with_password_over_tcp_and_unix_socket(desktop: Desktop) -> None:
    vnc = desktop.engine.vnc
    display = _free_vnc_display()
    state = desktop.run(vnc.start(display=display, password="s3cret12"))
    try:
        assert state.running
        assert state.port == 5900 + display
        assert state.url == f"vnc://127.0.0.1:{5900 + display}"
        assert state.password == "s3cret12"

        result, server_init = _authenticate(state.port, "s3cret12")
        assert result == 0, "the right password was refused"
        assert struct.unpack(">HH", server_init) == (WIDTH, HEIGHT)
        assert _authenticate(state.port, "wrong123")[0] != 0

        assert state.socket_path is not None
        with socket.socket(socket.AF_UNIX) as sock:
            sock.connect(state.socket_path)
            assert 2 in handshake(sock)

        # Starting again with the same settings keeps the server (idempotent).
        again = desktop.run(vnc.start(display=display))
        assert again == state
    finally:
        stopped = desktop.run(vnc.stop())
    assert not stopped.running
    with pytest.raises(ConnectionRefusedError):
        socket.create_connection(("127.0.0.1", state.port), timeout=2).close()


def test_vnc_without_password_gets_a_generated_one(desktop: Desktop) -> None:
    vnc = desktop.engine.vnc
    state = desktop.run(vnc.start(display=_free_vnc_display()))
    try:
        assert state.password is not None and len(state.password) == 8
        with socket.create_connection(("127.0.0.1", state.port), timeout=5) as sock:
            assert handshake(sock) == [2], "only VNC authentication may be offered"
        assert _authenticate(state.port, state.password)[0] == 0
    finally:
        desktop.run(vnc.stop())
