"""Limits on what a client may do before its request headers are complete (both servers).

httptools has no cap of its own on header size or count, and uvicorn has no timeout for a
request that never finishes its headers, so unauthenticated clients could grow the server's
memory without bound (a 256 MB header) or hold its descriptors forever (half-open connections).
:func:`guarded_httptools_protocol` returns uvicorn's httptools protocol with:

- ``max_header_bytes``: request line + headers larger than this get ``431`` and the connection
  is closed (counted as received, before the parser buffers more);
- ``max_headers``: more header lines than this get ``431``;
- ``header_timeout``: a connection that has not completed a request's headers this many
  seconds after it opened (or after the request's first byte) gets ``408`` and is closed;
- ``max_connections``: beyond this many open connections, the oldest one still waiting for
  its headers is closed to make room (a slow client loses its place, not a served one); when
  every connection is busy being served, the new one is closed at once.

Answers are plain HTTP (no body schema): nothing has been routed yet, as with uvicorn's own 400.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

import attrs
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

DEFAULT_MAX_HEADER_BYTES = 64 * 1024
DEFAULT_MAX_HEADERS = 128
DEFAULT_HEADER_TIMEOUT = 10.0
DEFAULT_MAX_CONNECTIONS = 1024
LINGER_SECONDS = 2.0
LINGER_BYTES = 4 * 1024 * 1024

_REASONS = {408: b"Request Timeout", 431: b"Request Header Fields Too Large"}


@attrs.frozen
class HeaderLimits:
    max_header_bytes: int = DEFAULT_MAX_HEADER_BYTES
    max_headers: int = DEFAULT_MAX_HEADERS
    header_timeout: float = DEFAULT_HEADER_TIMEOUT
    max_connections: int = DEFAULT_MAX_CONNECTIONS


def refusal(status: int, message: str) -> bytes:
    """A complete ``connection: close`` answer with a one-line text body."""
    body = message.encode()
    return b"".join(
        [
            b"HTTP/1.1 %d %s\r\n" % (status, _REASONS.get(status, b"Error")),
            b"content-type: text/plain; charset=utf-8\r\n",
            b"content-length: %d\r\n" % len(body),
            b"connection: close\r\n\r\n",
            body,
        ]
    )


def guarded_httptools_protocol(limits: HeaderLimits) -> type[asyncio.Protocol]:
    """uvicorn's httptools protocol class with ``limits`` applied (pass it as ``http=``)."""
    # Connections of one server still waiting for headers, oldest first (dicts keep order).
    waiting: weakref.WeakKeyDictionary[Any, dict[_Guarded, None]] = weakref.WeakKeyDictionary()

    class _Guarded(HttpToolsProtocol):
        _in_headers = True
        _header_bytes = 0
        _header_count = 0
        _refused = False
        _discarded = 0
        _timer: asyncio.TimerHandle | None = None

        def connection_made(self, transport: asyncio.BaseTransport) -> None:
            super().connection_made(transport)  # type: ignore[arg-type]
            self._waiting = waiting.setdefault(self.server_state, {})
            if len(self.connections) > limits.max_connections and not self._make_room():
                self._refused = True
                self.transport.close()
                return
            self._await_headers()

        def _make_room(self) -> bool:
            """Close the oldest connection still waiting for its headers; False if none."""
            for oldest in self._waiting:
                if oldest is not self:
                    oldest._refuse(408, "Closed to make room: the request headers came too slowly.")
                    return True
            return False

        def _await_headers(self) -> None:
            self._in_headers = True
            self._header_bytes = 0
            self._header_count = 0
            self._waiting[self] = None
            if self._timer is None:
                self._timer = self.loop.call_later(limits.header_timeout, self._headers_too_slow)

        def _headers_done(self) -> None:
            self._in_headers = False
            self._waiting.pop(self, None)
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

        def _headers_too_slow(self) -> None:
            self._timer = None
            if self._in_headers:
                self._refuse(
                    408,
                    f"The request headers were not complete within {limits.header_timeout:g} s.",
                )

        def _refuse(self, status: int, message: str, *, linger: bool = False) -> None:
            """Answer and close. ``linger``: close once the client had time to read the
            answer (it is still sending: closing with unread input would reset the connection
            before the client read the answer)."""
            if self._refused:
                return
            self._refused = True
            self._headers_done()
            self._discarded = 0
            if not self.transport.is_closing():
                self.transport.write(refusal(status, message))
                if linger and self.transport.can_write_eof():
                    self.transport.write_eof()
                    self.loop.call_later(LINGER_SECONDS, self.transport.close)
                else:
                    self.transport.close()

        def connection_lost(self, exc: Exception | None) -> None:
            self._headers_done()
            super().connection_lost(exc)

        def data_received(self, data: bytes) -> None:
            if self._refused:  # lingering after a refusal: drop what still comes, bounded
                self._discarded += len(data)
                if self._discarded > LINGER_BYTES:
                    self.transport.close()
                return
            counting = self._in_headers
            super().data_received(data)
            if counting and self._in_headers and not self._refused:
                self._header_bytes += len(data)
                if self._header_bytes > limits.max_header_bytes:
                    self._refuse(
                        431,
                        f"The request line and headers exceed {limits.max_header_bytes} bytes.",
                        linger=True,
                    )

        def send_400_response(self, msg: str) -> None:
            if not self._refused:  # a refusal above already answered and closed
                self._headers_done()
                super().send_400_response(msg)

        def on_message_begin(self) -> None:
            super().on_message_begin()
            self._await_headers()

        def on_header(self, name: bytes, value: bytes) -> None:
            self._header_count += 1
            if self._header_count > limits.max_headers:
                self._refuse(
                    431, f"A request may carry at most {limits.max_headers} headers.", linger=True
                )
                raise ValueError("too many headers")  # stops the parser (answered already)
            super().on_header(name, value)

        def on_headers_complete(self) -> None:
            self._headers_done()
            super().on_headers_complete()

    return _Guarded
