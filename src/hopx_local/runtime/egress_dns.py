"""The DNS forwarder of a sandbox: domain rules by resolving and pinning the answers.

The sandbox's only resolver is its gateway (169.254.100.1:53, a UDP socket this process
holds in the egress namespace). Each query is forwarded from the host's network namespace to
the upstream resolvers (the host's, by default); the addresses in the answer are remembered
under the name asked for, and when the policy names that name:
- denied: the sandbox gets NXDOMAIN, and the addresses join the denied set;
- allowed: the public addresses join the allowed set *before* the answer is delivered, so the
  connection that follows is already allowed (for HTTPS, plain TCP, UDP alike).

Why pinning and not SNI/Host inspection in a proxy: pinning holds for every protocol (plain
TCP has no name on the wire), needs no TLS parsing or transparent proxy, and costs nothing per
packet. Its limits, documented: a name that shares an address with an allowed one is reachable
too (same address, same verdict), and a denied name can still be reached by its address while
the default is open (use an allow list for a hard guarantee). A sandbox that asks another
resolver gets answers, but pins nothing: under an allow list its connections stay refused.
UDP and TCP are served (TCP for answers that do not fit a datagram; one query per connection).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import socket
import struct
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from pathlib import Path
from typing import Any

import attrs

from hopx_local.runtime.egress_policy import EgressPolicy, IPAddress, is_special, normalize_name

log = logging.getLogger("hopx_local.egress")

DNS_PORT = 53
UPSTREAM_TIMEOUT_S = 2.0
MAX_MESSAGE = 4096
MAX_NAMES = 4096  # answers remembered per sandbox (oldest forgotten first)
MAX_IN_FLIGHT = 64
TCP_IDLE_S = 10.0
_TYPE_A, _TYPE_AAAA = 1, 28
_RCODE_SERVFAIL, _RCODE_NXDOMAIN = 2, 3


class DnsFormatError(ValueError):
    """Not a DNS message this forwarder can read."""


@attrs.frozen
class Question:
    name: str
    end: int  # offset just past the question section's first entry


def host_nameservers(resolv_conf: Path = Path("/etc/resolv.conf")) -> list[str]:
    """The host's resolvers (``nameserver`` lines), IPv4 and IPv6."""
    servers = []
    with contextlib.suppress(OSError):
        for line in resolv_conf.read_text().splitlines():
            parts = line.split()
            if len(parts) >= 2 and parts[0] == "nameserver":
                with contextlib.suppress(ValueError):
                    servers.append(str(ipaddress.ip_address(parts[1].split("%")[0])))
    return servers


def _read_name(message: bytes, offset: int) -> tuple[str, int]:
    """A (possibly compressed) name at offset: (dotted name, offset just past it)."""
    labels: list[str] = []
    end = -1
    jumps = 0
    while True:
        if offset >= len(message):
            raise DnsFormatError("name runs past the message")
        length = message[offset]
        if length & 0xC0 == 0xC0:
            if offset + 1 >= len(message) or jumps > 16:
                raise DnsFormatError("bad compression pointer")
            if end < 0:
                end = offset + 2
            offset = ((length & 0x3F) << 8) | message[offset + 1]
            jumps += 1
            continue
        if length & 0xC0:
            raise DnsFormatError("unknown label type")
        offset += 1
        if length == 0:
            break
        labels.append(message[offset : offset + length].decode("ascii", "replace"))
        offset += length
    return ".".join(labels), (end if end >= 0 else offset)


def parse_question(message: bytes) -> Question:
    if len(message) < 12:
        raise DnsFormatError("shorter than a header")
    qdcount = struct.unpack_from("!H", message, 4)[0]
    if message[2] & 0x80 or qdcount != 1:
        raise DnsFormatError("not a query with one question")
    name, offset = _read_name(message, 12)
    if offset + 4 > len(message):
        raise DnsFormatError("question runs past the message")
    return Question(normalize_name(name), offset + 4)


def answer_addresses(message: bytes) -> list[IPAddress]:
    """The A and AAAA addresses in a response's answer section."""
    if len(message) < 12:
        raise DnsFormatError("shorter than a header")
    qdcount, ancount = struct.unpack_from("!HH", message, 4)
    offset = 12
    for _ in range(qdcount):
        offset = _read_name(message, offset)[1] + 4
    addresses: list[IPAddress] = []
    for _ in range(ancount):
        offset = _read_name(message, offset)[1]
        if offset + 10 > len(message):
            raise DnsFormatError("answer runs past the message")
        kind, _klass, _ttl, length = struct.unpack_from("!HHIH", message, offset)
        offset += 10
        data = message[offset : offset + length]
        offset += length
        if kind == _TYPE_A and length == 4:
            addresses.append(ipaddress.IPv4Address(data))
        elif kind == _TYPE_AAAA and length == 16:
            addresses.append(ipaddress.IPv6Address(data))
    return addresses


def error_response(query: bytes, question: Question, rcode: int) -> bytes:
    """A response to query with rcode and no answers (question echoed)."""
    flags = 0x8000 | (struct.unpack_from("!H", query, 2)[0] & 0x0100) | 0x0080 | rcode
    return query[:2] + struct.pack("!HHHHH", flags, 1, 0, 0, 0) + query[12 : question.end]


@attrs.define
class AnswerPins:
    """Addresses answered per name (bounded), and the allowed/denied sets they make."""

    answers: OrderedDict[str, frozenset[IPAddress]] = attrs.field(factory=OrderedDict)

    def remember(self, name: str, addresses: Sequence[IPAddress]) -> None:
        known = self.answers.pop(name, frozenset())
        self.answers[name] = known | frozenset(addresses)
        while len(self.answers) > MAX_NAMES:
            self.answers.popitem(last=False)

    def pinned(
        self, policy: EgressPolicy, never: Callable[[IPAddress], bool]
    ) -> tuple[frozenset[IPAddress], frozenset[IPAddress]]:
        """(allowed, denied) addresses under policy: allowed ones are public and not never."""
        allowed: set[IPAddress] = set()
        denied: set[IPAddress] = set()
        for name, addresses in self.answers.items():
            verdict = policy.name_verdict(name)
            if verdict == "deny":
                denied |= addresses
            elif verdict == "allow":
                allowed |= {a for a in addresses if not is_special(a) and not never(a)}
        return frozenset(allowed - denied), frozenset(denied)


class DnsForwarder:
    """Serves one sandbox's queries (UDP, and TCP for answers too large for UDP); hands every
    answer's addresses to on_answer, and waits for it, before the sandbox gets the answer."""

    def __init__(
        self,
        udp: socket.socket,
        tcp: socket.socket,
        upstreams: Sequence[str],
        policy: Callable[[], EgressPolicy],
        on_answer: Callable[[str, Sequence[IPAddress]], Awaitable[None]],
    ) -> None:
        self._udp = udp
        self._tcp = tcp
        self._upstreams = list(upstreams)
        self._policy = policy
        self._on_answer = on_answer
        self._slots = asyncio.Semaphore(MAX_IN_FLIGHT)
        self._tasks: set[asyncio.Task[None]] = set()
        self._serving: list[asyncio.Task[None]] = []

    def start(self) -> None:
        for listener in (self._udp, self._tcp):
            listener.setblocking(False)
        self._tcp.listen(16)
        self._serving = [
            asyncio.create_task(self._serve_udp()),
            asyncio.create_task(self._serve_tcp()),
        ]

    async def close(self) -> None:
        tasks = [*self._serving, *self._tasks]
        for task in tasks:
            task.cancel()
        for task in tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        self._udp.close()
        self._tcp.close()

    async def _spawn(self, work: Coroutine[Any, Any, None]) -> None:
        await self._slots.acquire()
        task = asyncio.create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._done)

    def _done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._slots.release()

    async def _serve_udp(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            query, client = await loop.sock_recvfrom(self._udp, MAX_MESSAGE)
            await self._spawn(self._answer_udp(query, client))

    async def _answer_udp(self, query: bytes, client: tuple[str, int]) -> None:
        reply = await self._reply(query, self._ask_udp)
        if reply is not None:
            with contextlib.suppress(OSError):
                await asyncio.get_running_loop().sock_sendto(self._udp, reply, client)

    async def _serve_tcp(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            connection, _ = await loop.sock_accept(self._tcp)
            await self._spawn(self._answer_tcp(connection))

    async def _answer_tcp(self, connection: socket.socket) -> None:
        loop = asyncio.get_running_loop()
        with connection:
            connection.setblocking(False)
            with contextlib.suppress(OSError, TimeoutError, DnsFormatError):
                async with asyncio.timeout(TCP_IDLE_S):
                    query = await _read_framed(loop, connection)
                reply = await self._reply(query, self._ask_tcp)
                if reply is not None:
                    await loop.sock_sendall(connection, _framed(reply))

    async def _reply(
        self, query: bytes, ask: Callable[[str, bytes], Awaitable[bytes]]
    ) -> bytes | None:
        """The answer for the sandbox (None: not a query to answer)."""
        try:
            question = parse_question(query)
        except DnsFormatError:
            return None
        response = await self._resolve(query, ask)
        if response is None:
            return error_response(query, question, _RCODE_SERVFAIL)
        try:
            addresses = answer_addresses(response)
        except DnsFormatError:
            addresses = []
        if addresses:
            await self._on_answer(question.name, addresses)
        if self._policy().name_verdict(question.name) == "deny":
            return error_response(query, question, _RCODE_NXDOMAIN)
        return response

    async def _resolve(
        self, query: bytes, ask: Callable[[str, bytes], Awaitable[bytes]]
    ) -> bytes | None:
        for upstream in self._upstreams:
            try:
                async with asyncio.timeout(UPSTREAM_TIMEOUT_S):
                    return await ask(upstream, query)
            except (OSError, TimeoutError, DnsFormatError) as error:
                log.debug("upstream resolver %s failed: %s", upstream, error)
        return None

    @staticmethod
    async def _ask_udp(upstream: str, query: bytes) -> bytes:
        loop = asyncio.get_running_loop()
        family = socket.AF_INET6 if ":" in upstream else socket.AF_INET
        with socket.socket(family, socket.SOCK_DGRAM) as upstream_socket:
            upstream_socket.setblocking(False)
            await loop.sock_connect(upstream_socket, (upstream, DNS_PORT))
            await loop.sock_sendall(upstream_socket, query)
            while True:
                response = await loop.sock_recv(upstream_socket, MAX_MESSAGE)
                if response[:2] == query[:2]:
                    return response

    @staticmethod
    async def _ask_tcp(upstream: str, query: bytes) -> bytes:
        loop = asyncio.get_running_loop()
        family = socket.AF_INET6 if ":" in upstream else socket.AF_INET
        with socket.socket(family, socket.SOCK_STREAM) as upstream_socket:
            upstream_socket.setblocking(False)
            await loop.sock_connect(upstream_socket, (upstream, DNS_PORT))
            await loop.sock_sendall(upstream_socket, _framed(query))
            return await _read_framed(loop, upstream_socket)


def _framed(message: bytes) -> bytes:
    return struct.pack("!H", len(message)) + message


async def _read_framed(loop: asyncio.AbstractEventLoop, connection: socket.socket) -> bytes:
    """One length-prefixed DNS message from a TCP connection."""
    data = b""
    wanted = 2
    while len(data) < wanted:
        chunk = await loop.sock_recv(connection, wanted - len(data))
        if not chunk:
            raise DnsFormatError("connection closed mid-message")
        data += chunk
        if wanted == 2 and len(data) == 2:
            wanted = 2 + struct.unpack("!H", data)[0]
    return data[2:]
