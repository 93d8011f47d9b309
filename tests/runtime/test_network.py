"""Networking: slirp4netns without host loopback, and the host's way into a sandbox's ports.

Only loopback and namespace-internal addresses are used; nothing leaves the machine.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import time

import pytest

from hopx_local.runtime import SandboxNotFoundError, procfs
from tests.runtime.support import PYTHON, Sandboxes

pytestmark = pytest.mark.anyio

ECHO_SERVER = (
    "import socket, sys\n"
    "server = socket.create_server(('127.0.0.1', int(sys.argv[1])))\n"
    "print('listening', flush=True)\n"
    "while True:\n"
    "    connection, _ = server.accept()\n"
    "    with connection:\n"
    "        connection.sendall(b'echo:' + connection.recv(100))\n"
)


async def test_internet_access_cannot_reach_host_loopback_services(sandboxes: Sandboxes) -> None:
    with socket.create_server(("127.0.0.1", 0)) as host_server:
        port = host_server.getsockname()[1]
        code = (
            "import json, socket\n"
            "result = {'interfaces': sorted(name for _, name in socket.if_nameindex())}\n"
            "for host in ('10.0.2.2', '127.0.0.1'):\n"
            "    try:\n"
            f"        socket.create_connection((host, {port}), timeout=3).close()\n"
            "        result[host] = 'connected'\n"
            "    except OSError as error:\n"
            "        result[host] = type(error).__name__\n"
            "print(json.dumps(result))\n"
        )
        status, output = await sandboxes.run_python(code, internet_access=True)
    assert status == 0, output
    result = json.loads(output.splitlines()[-1])
    assert result["interfaces"] == ["eth0", "lo"]
    assert result["10.0.2.2"] != "connected"  # slirp4netns's host gateway, refused
    assert result["127.0.0.1"] == "ConnectionRefusedError"  # the sandbox's own loopback


async def test_internet_access_configures_eth0_with_a_default_route(sandboxes: Sandboxes) -> None:
    status, output = await sandboxes.run_shell(
        "ip -4 -o addr show eth0; ip route show default; cat /etc/resolv.conf",
        internet_access=True,
    )
    assert status == 0, output
    assert "inet 169.254.100.2/30" in output
    assert "default via 169.254.100.1 dev eth0" in output
    assert "nameserver 169.254.100.1" in output


def free_host_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as probe:
        port: int = probe.getsockname()[1]
        return port


async def open_when_listening(
    sandboxes: Sandboxes, sandbox_id: str, port: int
) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    deadline = time.monotonic() + 10
    while True:
        try:
            return await sandboxes.runtime.open_connection_in_sandbox(sandbox_id, port)
        except ConnectionRefusedError:
            if time.monotonic() > deadline:
                raise
            await asyncio.sleep(0.01)


@pytest.mark.parametrize("internet_access", [False, True])
async def test_host_connects_to_a_port_inside_the_sandbox(
    sandboxes: Sandboxes, internet_access: bool
) -> None:
    port = free_host_port()
    spec = sandboxes.spec([PYTHON, "-c", ECHO_SERVER, str(port)], internet_access=internet_access)
    await sandboxes.start(spec)
    reader, writer = await open_when_listening(sandboxes, spec.sandbox_id, port)
    writer.write(b"hello")
    await writer.drain()
    assert await asyncio.wait_for(reader.read(100), 10) == b"echo:hello"
    writer.close()
    await writer.wait_closed()
    # The port lives only in the sandbox's namespace, not on the host.
    with pytest.raises(ConnectionRefusedError), socket.socket() as probe:
        probe.connect(("127.0.0.1", port))


async def test_connecting_to_a_closed_port_is_refused(sandboxes: Sandboxes) -> None:
    spec = sandboxes.spec(["/bin/sleep", "30"])
    await sandboxes.start(spec)
    with pytest.raises(ConnectionRefusedError):
        await sandboxes.runtime.open_connection_in_sandbox(spec.sandbox_id, 8000)


async def test_connecting_into_a_sandbox_that_is_not_running_fails(sandboxes: Sandboxes) -> None:
    with pytest.raises(SandboxNotFoundError):
        await sandboxes.runtime.open_connection_in_sandbox("sbx_never_started", 8000)


async def test_slirp4netns_does_not_race_bwrap_for_the_loopback(sandboxes: Sandboxes) -> None:
    # Found by the contract suite: slirp4netns brings `lo` up itself; when it did so before
    # bwrap's pid 1 had added 127.0.0.1, bwrap exited ("loopback: Failed RTM_NEWADDR") and about
    # one create with internet access in 40 answered 500. Several starts in a row must all work.
    for _ in range(12):
        status, output = await sandboxes.run_shell(
            "ip -4 -o addr show lo | grep -c 127.0.0.1", internet_access=True
        )
        assert (status, output.strip()) == (0, "1")


def test_loopback_is_up_reads_the_namespace_of_the_process() -> None:
    assert procfs.loopback_is_up(os.getpid()) is True  # the host's own lo
    assert procfs.loopback_is_up(2**22 + 7) is None  # no such process
