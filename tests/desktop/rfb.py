"""A minimal RFB (VNC) client for the tests: version handshake and VNC authentication."""

from __future__ import annotations

import shutil
import socket
import struct
import subprocess


def read_exact(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise AssertionError(f"connection closed after {len(data)} of {size} bytes")
        data += chunk
    return data


def handshake(sock: socket.socket) -> list[int]:
    """Protocol version exchange; the security types the server offers."""
    sock.settimeout(5)
    banner = read_exact(sock, 12)
    assert banner.startswith(b"RFB 003.00") and banner.endswith(b"\n"), banner
    sock.sendall(b"RFB 003.008\n")
    count = read_exact(sock, 1)[0]
    assert count > 0, "the server refused the connection"
    return list(read_exact(sock, count))


def des_response(password: str, challenge: bytes) -> bytes | None:
    """VNC authentication: DES-encrypt the challenge with the bit-reversed password as key."""
    if shutil.which("openssl") is None:
        return None
    key = bytes(int(f"{b:08b}"[::-1], 2) for b in password.encode()[:8].ljust(8, b"\0"))
    result = subprocess.run(
        ["openssl", "enc", "-des-ecb", "-nopad", "-K", key.hex(),
         "-provider", "legacy", "-provider", "default"],
        input=challenge,
        capture_output=True,
        check=False,
    )  # fmt: skip
    return result.stdout if result.returncode == 0 and len(result.stdout) == 16 else None


def authenticate(sock: socket.socket, password: str) -> tuple[int, bytes] | None:
    """(SecurityResult, framebuffer width+height of ServerInit or b"") of a VNC-auth login;
    None when this host cannot compute DES (openssl's legacy provider missing)."""
    assert 2 in handshake(sock)
    sock.sendall(b"\x02")
    response = des_response(password, read_exact(sock, 16))
    if response is None:
        return None
    sock.sendall(response)
    (result,) = struct.unpack(">I", read_exact(sock, 4))
    if result != 0:
        return result, b""
    sock.sendall(b"\x01")  # ClientInit: shared
    return result, read_exact(sock, 4)
