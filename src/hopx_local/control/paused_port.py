"""Answering a paused sandbox's agent port (409) instead of letting its clients hang.

The agent port's listening socket lives in the host's network namespace, bound by the control
plane and inherited by the agent. A frozen agent accepts nothing, but the kernel still
completes handshakes on the socket, so a client of a paused sandbox would wait forever. The
control plane keeps its own descriptor of that socket; while the sandbox is paused it accepts
on it and answers every request with the agent's flat error body: 409 ``SANDBOX_PAUSED``.
While the sandbox runs, only the agent accepts (nothing here watches the socket).

Connections the agent had accepted before it was frozen (a client's pooled keep-alive
connection) would hang too: they are reset when the sandbox is paused (``ss -K``, the kernel's
SOCK_DESTROY), so a client sees an error at once and its next connection gets the 409.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import shutil
import socket
import time

log = logging.getLogger("hopx_local.paused_port")

MAX_HEAD_BYTES = 64 * 1024
READ_TIMEOUT = 5.0
MAX_ANSWERING = 64
"""Connections answered at once per sandbox; more are closed at once."""


def paused_answer(sandbox_id: str, path: str) -> bytes:
    request_id = "req_" + secrets.token_hex(8)
    body = json.dumps(
        {
            "error": (
                f"Sandbox '{sandbox_id}' is paused: its agent cannot answer. Resume it with "
                "POST /v1/sandboxes/{id}/resume on the control plane, then retry."
            ),
            "code": "SANDBOX_PAUSED",
            "details": {"status": "paused"},
            "path": path,
            "request_id": request_id,
            "timestamp": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        }
    ).encode()
    head = (
        "HTTP/1.1 409 Conflict\r\n"
        "content-type: application/json\r\n"
        f"content-length: {len(body)}\r\n"
        f"x-request-id: {request_id}\r\n"
        "connection: close\r\n\r\n"
    )
    return head.encode() + body


async def _reset_established(address: tuple[str, int]) -> None:
    """Destroy the established TCP connections whose local end is ``address``."""
    ss = shutil.which("ss", path="/usr/sbin:/usr/bin:/sbin:/bin")
    if ss is None:
        return
    host, port = address[0], address[1]
    local = f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
    with contextlib.suppress(OSError, TimeoutError):
        process = await asyncio.create_subprocess_exec(
            ss, "-K", "-t", "-n", "state", "established", "src", local,
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        async with asyncio.timeout(5):
            await process.wait()


def _request_path(head: bytes) -> str:
    parts = head.split(b"\r\n", 1)[0].split(b" ")
    if len(parts) >= 2:
        path = parts[1].split(b"?", 1)[0]
        return path.decode("ascii", "replace")[:1024]
    return "/"


class PausedPortAnswer:
    """Owns the control plane's descriptor of one agent port's listening socket."""

    def __init__(self, listener: socket.socket, sandbox_id: str) -> None:
        self.listener = listener
        self.sandbox_id = sandbox_id
        self._loop: asyncio.AbstractEventLoop | None = None
        self._tasks: set[asyncio.Task[None]] = set()

    @property
    def answering(self) -> bool:
        return self._loop is not None

    async def start(self) -> None:
        """Answer every connection with 409 from now on (the sandbox was just frozen), and
        reset the connections the frozen agent holds."""
        if self._loop is None and self.listener.fileno() >= 0:
            self._loop = asyncio.get_running_loop()
            self.listener.setblocking(False)
            self._loop.add_reader(self.listener.fileno(), self._accept)
            await _reset_established(self.listener.getsockname())

    def stop(self) -> None:
        """Leave the connections to the agent again (before it is thawed)."""
        if self._loop is not None:
            with contextlib.suppress(ValueError, OSError):
                self._loop.remove_reader(self.listener.fileno())
            self._loop = None

    def close(self) -> None:
        """The sandbox's processes are gone: free the port."""
        self.stop()
        for task in list(self._tasks):
            task.cancel()
        self.listener.close()

    def _accept(self) -> None:
        loop = self._loop
        if loop is None:
            return
        for _ in range(MAX_ANSWERING):
            try:
                connection, _ = self.listener.accept()
            except (BlockingIOError, InterruptedError):
                return
            except OSError as exc:  # e.g. EMFILE: the backlog waits for the next round
                log.warning("paused sandbox %s: accept failed: %s", self.sandbox_id, exc)
                return
            if len(self._tasks) >= MAX_ANSWERING:
                connection.close()
                continue
            connection.setblocking(False)
            task = loop.create_task(self._answer(connection))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)

    async def _answer(self, connection: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        try:
            head = b""
            async with asyncio.timeout(READ_TIMEOUT):
                while b"\r\n\r\n" not in head and len(head) < MAX_HEAD_BYTES:
                    chunk = await loop.sock_recv(connection, 65536)
                    if not chunk:
                        break
                    head += chunk
            await loop.sock_sendall(connection, paused_answer(self.sandbox_id, _request_path(head)))
        except (OSError, TimeoutError):
            pass
        finally:
            connection.close()
