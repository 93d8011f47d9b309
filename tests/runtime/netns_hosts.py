"""Test hosts for the egress tests: network namespaces this test run creates, on veth pairs.

Every address used lives in a namespace created here: the host end of each veth gets
10.213.N.1/30, the test host 10.213.N.2/30, plus "public-looking" addresses from TEST-NET-2
(198.51.100.0/24, never routed on the internet) on the test host's loopback, with a /32 route
to them through the veth. A route is checked before anything is sent, so no packet ever takes
the host's default route. Deleting the namespace deletes its veth and with it the routes.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping

IP = "/usr/sbin/ip"
NSENTER = "/usr/bin/nsenter"
UNSHARE = "/usr/bin/unshare"
PYTHON = "/usr/bin/python3"
_numbers = itertools.count(1)

ECHO_SERVER = """
import socket, sys, threading
def serve(connection):
    with connection:
        connection.sendall(b"echo:" + connection.recv(100))
server = socket.create_server((sys.argv[1], int(sys.argv[2])))
print("listening", flush=True)
while True:
    connection, _ = server.accept()
    threading.Thread(target=serve, args=(connection,), daemon=True).start()
"""

# Answers A queries (UDP and TCP) from a JSON {name: address} table; NXDOMAIN for others.
DNS_SERVER = r"""
import json, socket, struct, sys, threading
table = json.loads(sys.argv[2])

def answer(query):
    offset, labels = 12, []
    while query[offset]:
        labels.append(query[offset + 1 : offset + 1 + query[offset]].decode())
        offset += 1 + query[offset]
    qtype = struct.unpack_from("!H", query, offset + 1)[0]
    question = query[12 : offset + 5]
    address = table.get(".".join(labels).lower())
    answers = b""
    if address and qtype == 1:
        answers = b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 30, 4) + socket.inet_aton(address)
    rcode = 0 if address else 3
    header = query[:2] + struct.pack("!HHHHH", 0x8180 | rcode, 1, 1 if answers else 0, 0, 0)
    return header + question + answers

def serve_tcp():
    listener = socket.create_server((sys.argv[1], 53))
    while True:
        connection, _ = listener.accept()
        with connection:
            size = struct.unpack("!H", connection.recv(2))[0]
            reply = answer(connection.recv(size))
            connection.sendall(struct.pack("!H", len(reply)) + reply)

udp = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
udp.bind((sys.argv[1], 53))
threading.Thread(target=serve_tcp, daemon=True).start()
print("listening", flush=True)
while True:
    query, client = udp.recvfrom(512)
    udp.sendto(answer(query), client)
"""


def ip(*args: str, netns: int | None = None) -> str:
    """Run ip(8), in the host's netns or (netns=pid) in that process's netns."""
    prefix = [NSENTER, f"--net=/proc/{netns}/ns/net", IP] if netns else [IP]
    return subprocess.run(
        [*prefix, *args], check=True, capture_output=True, text=True, timeout=10
    ).stdout


class NetnsHost:
    """One namespace with a veth to the host netns; servers started in it die with it.

    The namespace is held by a process of its own (no ``ip netns``: no files in /run/netns
    to leave behind, and no race on that mount with other users of ``ip netns``).
    """

    def __init__(self) -> None:
        number = next(_numbers)
        self.index = (os.getpid() * 7 + number) % 250 + 1
        self.host_side = f"hx{os.getpid() % 100000}n{number}"
        self.host_address = f"10.213.{self.index}.1"
        self.address = f"10.213.{self.index}.2"
        self.public: list[str] = []
        self._servers: list[subprocess.Popen[str]] = []
        self._holder = subprocess.Popen(
            [UNSHARE, "--net", "/bin/sh", "-c", "echo ready; exec sleep 3600"],
            stdout=subprocess.PIPE,
            text=True,
        )
        self.pid = self._holder.pid
        try:
            assert self._holder.stdout is not None
            assert self._holder.stdout.readline().strip() == "ready"
            peer = ("peer", "name", "eth0", "netns", str(self.pid))
            ip("link", "add", self.host_side, "type", "veth", *peer)
            ip("addr", "add", f"{self.host_address}/30", "dev", self.host_side)
            ip("link", "set", self.host_side, "up")
            ip("link", "set", "lo", "up", netns=self.pid)
            ip("addr", "add", f"{self.address}/30", "dev", "eth0", netns=self.pid)
            ip("link", "set", "eth0", "up", netns=self.pid)
            ip("route", "add", "default", "via", self.host_address, netns=self.pid)
        except BaseException:
            self.remove()
            raise

    def add_public_address(self) -> str:
        """A TEST-NET-2 address owned by this host, routed to it from the host netns."""
        address = f"198.51.100.{self.index}"
        ip("addr", "add", f"{address}/32", "dev", "lo", netns=self.pid)
        ip("route", "add", f"{address}/32", "via", self.address, "dev", self.host_side)
        route = json.loads(ip("-j", "route", "get", address))
        assert route[0]["dev"] == self.host_side, route  # never the default route
        self.public.append(address)
        return address

    def serve(self, code: str, *args: str) -> None:
        """Run a Python server in the namespace; returns once it printed 'listening'."""
        server = subprocess.Popen(
            [NSENTER, f"--net=/proc/{self.pid}/ns/net", PYTHON, "-c", code, *args],
            stdout=subprocess.PIPE,
            stderr=sys.stderr,
            text=True,
        )
        self._servers.append(server)
        assert server.stdout is not None
        assert server.stdout.readline().strip() == "listening"

    def echo_server(self, address: str, port: int) -> None:
        self.serve(ECHO_SERVER, address, str(port))

    def dns_server(self, table: Mapping[str, str]) -> str:
        self.serve(DNS_SERVER, self.address, json.dumps(dict(table)))
        return self.address

    def remove(self) -> None:
        for server in self._servers:
            server.kill()
            server.wait(10)
        with contextlib.suppress(subprocess.CalledProcessError):
            ip("link", "del", self.host_side)  # takes its routes and its peer along
        self._holder.kill()
        self._holder.wait(10)


@contextlib.contextmanager
def netns_host() -> Iterator[NetnsHost]:
    host = NetnsHost()
    try:
        yield host
    finally:
        host.remove()
