"""Egress policy: public addresses only by default, allow/deny lists, domain rules, no way out.

Destinations are test hosts in namespaces these tests create (see netns_hosts); a sandbox's
probe connects from inside and reports what it saw. Nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import subprocess
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

from hopx_local.runtime import Runtime
from hopx_local.runtime.egress import host_addresses
from hopx_local.runtime.egress_policy import EgressPolicy
from tests.runtime.netns_hosts import NetnsHost, netns_host
from tests.runtime.support import CGROUP_ROOT, PYTHON, Sandboxes, host_skip_reason

pytestmark = pytest.mark.anyio

# Inside the sandbox: one JSON command per connection, one JSON answer.
PROBE = r"""
import json, socket, sys, time
server = socket.create_server(("127.0.0.1", int(sys.argv[1])))
while True:
    connection, _ = server.accept()
    with connection:
        command = json.loads(connection.recv(4096))
        started = time.monotonic()
        try:
            if command["op"] == "connect":
                with socket.create_connection((command["host"], command["port"]), timeout=5) as c:
                    c.sendall(b"hi")
                    result = c.recv(100).decode()
            elif command["op"] == "dns":
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as c:
                    c.settimeout(1.5)
                    c.connect((command["server"], 53))
                    labels = command["name"].split(".")
                    name = b"".join(bytes([len(p)]) + p.encode() for p in labels)
                    header = b"\x12\x34\x01\x00\x00\x01" + bytes(6)
                    c.send(header + name + b"\x00\x00\x01\x00\x01")
                    result = "answered:%d" % len(c.recv(512))
            elif command["op"] == "tcpdns":
                with socket.create_connection((command["server"], 53), timeout=3) as c:
                    labels = command["name"].split(".")
                    name = b"".join(bytes([len(p)]) + p.encode() for p in labels)
                    query = b"\x56\x78\x01\x00\x00\x01" + bytes(6) + name + b"\x00\x00\x01\x00\x01"
                    c.sendall(len(query).to_bytes(2, "big") + query)
                    size = int.from_bytes(c.recv(2), "big")
                    reply = c.recv(size)
                    result = "rcode:%d:%s" % (reply[3] & 15, socket.inet_ntoa(reply[-4:]))
            else:
                found = socket.getaddrinfo(command["name"], 80, socket.AF_INET)
                result = sorted({a[4][0] for a in found})
        except OSError as error:
            result = type(error).__name__
        answer = {"result": result, "seconds": time.monotonic() - started}
        connection.sendall(json.dumps(answer).encode())
"""
PROBE_PORT = 7070
ECHO_PORT = 8081
REFUSED = ("ConnectionRefusedError", "OSError")  # TCP reset / ICMP admin-prohibited


@pytest.fixture
def host() -> Iterator[NetnsHost]:
    with netns_host() as test_host:
        yield test_host


@attrs.define
class Probe:
    sandboxes: Sandboxes
    sandbox_id: str

    async def ask(self, **command: Any) -> dict[str, Any]:
        deadline = time.monotonic() + 10
        while True:
            try:
                reader, writer = await self.sandboxes.runtime.open_connection_in_sandbox(
                    self.sandbox_id, PROBE_PORT
                )
                break
            except ConnectionRefusedError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.01)
        writer.write(json.dumps(command).encode())
        await writer.drain()
        answer: dict[str, Any] = json.loads(await asyncio.wait_for(reader.read(65536), 15))
        writer.close()
        return answer

    async def connect(self, address: str, port: int = ECHO_PORT) -> str:
        answer = await self.ask(op="connect", host=address, port=port)
        assert answer["seconds"] < 2, answer  # refused at once, not a hang
        result: str = answer["result"]
        return result

    async def resolve(self, name: str) -> list[str] | str:
        result: list[str] | str = (await self.ask(op="resolve", name=name))["result"]
        return result

    async def set_policy(self, **lists: list[str]) -> None:
        await self.sandboxes.runtime.set_network_policy(
            self.sandbox_id, EgressPolicy.parse(**lists)
        )


@pytest.fixture
async def policy_sandboxes(host: NetnsHost, tmp_path: Path) -> AsyncIterator[Sandboxes]:
    """Sandboxes whose DNS forwarders ask the test host's DNS server."""
    reason = host_skip_reason()
    if reason is not None:
        pytest.skip(reason)
    host.add_public_address()
    base = tmp_path / "sandboxes"
    base.mkdir()
    factory = Sandboxes(Runtime(CGROUP_ROOT, dns_upstreams=[host.address]), base)
    try:
        yield factory
    finally:
        await factory.destroy_all()
        await factory.runtime.close()
        for root in Path("/sys/fs/cgroup").glob(f"*/{CGROUP_ROOT}"):
            with contextlib.suppress(OSError):
                root.rmdir()


async def start_probe(sandboxes: Sandboxes, **lists: list[str]) -> Probe:
    spec = sandboxes.spec([PYTHON, "-c", PROBE, str(PROBE_PORT)], internet_access=True)
    spec = attrs.evolve(spec, network_policy=EgressPolicy.parse(**lists))
    await sandboxes.start(spec)
    return Probe(sandboxes, spec.sandbox_id)


async def test_a_private_host_is_refused_until_allowed_and_again_after_an_update(
    host: NetnsHost, policy_sandboxes: Sandboxes
) -> None:
    host.echo_server("0.0.0.0", ECHO_PORT)
    probe = await start_probe(policy_sandboxes)
    assert await probe.connect(host.address) in REFUSED
    await probe.set_policy(allow_out=[f"{host.address}/32"])
    assert await probe.connect(host.address) == "echo:hi"
    await probe.set_policy()
    assert await probe.connect(host.address) in REFUSED


async def test_public_addresses_are_reachable_by_default_and_an_allow_list_narrows(
    host: NetnsHost, policy_sandboxes: Sandboxes
) -> None:
    public = host.public[0]
    host.echo_server("0.0.0.0", ECHO_PORT)
    probe = await start_probe(policy_sandboxes)
    assert await probe.connect(public) == "echo:hi"
    await probe.set_policy(allow_out=["203.0.113.0/24"])
    assert await probe.connect(public) in REFUSED
    await probe.set_policy(allow_out=[f"{public}/32"], deny_out=[f"{public}/32"])
    assert await probe.connect(public) in REFUSED  # deny beats allow


async def test_the_hosts_own_addresses_stay_unreachable_even_when_named(
    host: NetnsHost, policy_sandboxes: Sandboxes
) -> None:
    # Every IPv4 address of the host's own interfaces (e.g. eth0's, which slirp4netns alone
    # reached), each named in allow_out; a listener on all of them. Packets to them stay here.
    own = sorted(
        str(address)
        for address in await host_addresses("ip")
        if address.version == 4 and not address.is_loopback
    )
    assert host.host_address in own
    with socket.create_server(("0.0.0.0", 0)) as host_server:
        port = host_server.getsockname()[1]
        allow_out = [f"{address}/32" for address in own] + ["127.0.0.0/8", "10.0.2.0/24"]
        probe = await start_probe(policy_sandboxes, allow_out=allow_out)
        for address in [*own, "10.0.2.2"]:
            assert await probe.connect(address, port) in REFUSED, address
        # 127.0.0.1 inside is the sandbox's own loopback: nothing listens there.
        assert await probe.connect("127.0.0.1", port) == "ConnectionRefusedError"


async def test_domain_rules_pin_the_answers_and_deny_beats_allow(
    host: NetnsHost, policy_sandboxes: Sandboxes
) -> None:
    public = host.public[0]
    host.dns_server(
        {"www.example.test": public, "bad.example.test": public, "db.example.test": host.address}
    )
    host.echo_server("0.0.0.0", ECHO_PORT)
    probe = await start_probe(policy_sandboxes, allow_out=["*.example.test"])
    assert await probe.connect(public) in REFUSED  # nothing asked yet: not pinned
    assert await probe.resolve("www.example.test") == [public]
    assert await probe.connect(public) == "echo:hi"  # plain TCP to the pinned answer
    # A name never opens a private address: only a CIDR naming it does.
    assert await probe.resolve("db.example.test") == [host.address]
    assert await probe.connect(host.address) in REFUSED
    await probe.set_policy(allow_out=["*.example.test"], deny_out=["bad.example.test"])
    assert await probe.resolve("bad.example.test") == "gaierror"
    # bad.example.test shares the address of www: deny wins for the address too.
    assert await probe.connect(public) in REFUSED
    await probe.set_policy(allow_out=["other.test"])
    assert await probe.resolve("www.example.test") == [public]  # resolves, but not pinned
    assert await probe.connect(public) in REFUSED


async def test_dns_over_tcp_pins_the_answers_too(
    host: NetnsHost, policy_sandboxes: Sandboxes
) -> None:
    # What resolvers fall back to when an answer does not fit a datagram.
    public = host.public[0]
    host.dns_server({"www.example.test": public})
    host.echo_server("0.0.0.0", ECHO_PORT)
    probe = await start_probe(policy_sandboxes, allow_out=["*.example.test"])
    assert await probe.connect(public) in REFUSED
    answer = await probe.ask(op="tcpdns", server="169.254.100.1", name="www.example.test")
    assert answer["result"] == f"rcode:0:{public}", answer
    assert await probe.connect(public) == "echo:hi"


async def test_root_in_the_sandbox_netns_cannot_lift_the_policy(
    host: NetnsHost, policy_sandboxes: Sandboxes
) -> None:
    public = host.public[0]
    resolver = host.dns_server({"www.example.test": public})
    host.echo_server("0.0.0.0", ECHO_PORT)
    probe = await start_probe(policy_sandboxes, allow_out=["other.test"])
    pid = policy_sandboxes.runtime.netns_pid(probe.sandbox_id)
    # Full root in the sandbox's network namespace (more than its own root will ever hold):
    # flush every rule, route the test networks straight out, use another resolver.
    script = (
        "nft flush ruleset; "
        "ip route replace 10.213.0.0/16 via 169.254.100.1 dev eth0; "
        "ip route replace 198.51.100.0/24 via 169.254.100.1 dev eth0; "
        "ip addr add 10.0.2.100/24 dev eth0"
    )
    subprocess.run(
        ["nsenter", f"--net=/proc/{pid}/ns/net", "/bin/sh", "-c", script],
        check=True,
        timeout=10,
    )
    assert await probe.connect(public) in REFUSED
    assert await probe.connect(host.address) in REFUSED
    # Its own resolver: no answer (the sandbox's gateway answers; the test host cannot).
    answer = await probe.ask(op="dns", server=resolver, name="www.example.test")
    assert not str(answer["result"]).startswith("answered"), answer
    through_gateway = await probe.ask(op="dns", server="169.254.100.1", name="www.example.test")
    assert str(through_gateway["result"]).startswith("answered"), through_gateway
    assert await probe.connect(public) in REFUSED  # answered, but other.test is the allow list
    status = subprocess.run(
        ["nsenter", f"--net=/proc/{pid}/ns/net", "nft", "list", "tables"],
        capture_output=True,
        text=True,
        timeout=10,
    )
    assert "hopx_egress" not in status.stdout  # the filter is not in the sandbox's reach


async def test_the_sandbox_user_cannot_change_its_network(policy_sandboxes: Sandboxes) -> None:
    status, output = await policy_sandboxes.run_shell(
        "ip route replace default via 169.254.100.2 2>&1; echo route=$?; "
        "nft flush ruleset 2>&1; echo nft=$?",
        internet_access=True,
    )
    assert "route=0" not in output and "nft=0" not in output, output
