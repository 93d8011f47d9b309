"""A sandbox's way out to the internet, filtered where the sandbox cannot reach: egress netns.

Decision. A sandbox with internet access gets a veth pair into an *egress namespace* of its
own, created by the server (host root) and held by a descriptor in the server process:

    sandbox netns                     egress netns (host root's)               host netns
    eth0 169.254.100.2 ── veth ──> veth0 169.254.100.1   tap0 ── slirp4netns ──> host sockets
    default via .1, DNS .1          nftables filter + NAT, DNS forwarder

The filter (``egress_rules``) and the DNS forwarder (``egress_dns``) live in the egress
namespace, owned by the host's initial user namespace: root inside the sandbox (even root of
its own user namespace) holds no capability there; all it controls is its end of the veth.
Flushing its own rules, changing its routes or using another resolver changes nothing past the
veth. slirp4netns (user-mode networking, as before) is attached to the egress namespace, so
the host's own network configuration is never touched: no forwarding, no host firewall rules.
One egress namespace per sandbox: sandboxes never share a link, so none reaches another.

Rejected: an egress proxy (HTTP CONNECT/SNI) would need every program to honour proxy
settings or a transparent redirect, and still could not name plain TCP; nftables in the
sandbox's own namespace would be flushed by its root; host-side nftables matching slirp4netns's
sockets would edit the host's firewall.

No IPv6 leaves a sandbox (slirp4netns runs without it); every IPv6 destination is refused.
The host's own addresses are read each time the rules are replaced (start, update, a new pin);
an address the host gains later is refused from the next replacement on.

Cost (bench/egress_bench.py on this shared 2-core machine): a connection costs about the same
as through plain slirp4netns (0.72-0.77 vs 0.65-0.68 ms connect + echo), throughput is ~20 %
lower when the machine is quiet (183-293 vs 229-356 MB/s; ~30 % under load: slirp4netns is the
bottleneck either way), set-up adds ~30-40 ms per start (~60-100 ms under load: ip and nft
subprocesses), an update takes ~24 ms.
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import json
import logging
import os
import socket
from collections.abc import Sequence
from pathlib import Path

from hopx_local.runtime.egress_dns import DNS_PORT, AnswerPins, DnsForwarder
from hopx_local.runtime.egress_policy import EgressPolicy, IPAddress
from hopx_local.runtime.egress_rules import (
    EGRESS_SIDE,
    GATEWAY,
    LINK_NET,
    SANDBOX_ADDRESS,
    SANDBOX_SIDE,
    EgressState,
    never_networks,
    replace_table_script,
)
from hopx_local.runtime.errors import SandboxRuntimeError, SandboxStartError
from hopx_local.runtime.launch import LAUNCH_ENV
from hopx_local.runtime.netns import NetnsDialer
from hopx_local.runtime.network import Slirp, attach_slirp4netns

log = logging.getLogger("hopx_local.egress")

RESOLV_CONF = f"nameserver {GATEWAY}\n"
MTU = 65520
COMMAND_TIMEOUT_S = 10.0


class EgressError(SandboxRuntimeError):
    """Setting up or changing a sandbox's egress failed (the message has the tool's stderr)."""


async def _run(argv: Sequence[str], stdin: str | None = None) -> str:
    process = await asyncio.create_subprocess_exec(
        *argv,
        stdin=asyncio.subprocess.PIPE if stdin is not None else asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        env=LAUNCH_ENV,
    )
    try:
        async with asyncio.timeout(COMMAND_TIMEOUT_S):
            out, err = await process.communicate(None if stdin is None else stdin.encode())
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            process.kill()
        await process.wait()
        raise EgressError(f"{argv[0]} did not finish within {COMMAND_TIMEOUT_S} s") from None
    if process.returncode != 0:
        raise EgressError(f"{' '.join(argv[:4])} failed: {err.decode(errors='replace').strip()}")
    return out.decode(errors="replace")


async def host_addresses(ip: str) -> frozenset[IPAddress]:
    """Every address on every interface of the host's network namespace."""
    addresses: set[IPAddress] = set()
    for link in json.loads(await _run([ip, "-j", "addr", "show"]) or "[]"):
        for info in link.get("addr_info", []):
            with contextlib.suppress(KeyError, ValueError):
                addresses.add(ipaddress.ip_address(info["local"].split("%")[0]))
    return frozenset(addresses)


class Egress:
    """One sandbox's egress namespace, its slirp4netns, filter and DNS forwarder."""

    def __init__(
        self,
        *,
        netns_fd: int,
        tools: dict[str, str],
        policy: EgressPolicy,
    ) -> None:
        self._netns_fd = netns_fd
        self._tools = tools
        self._policy = policy
        self._pins = AnswerPins()
        self._host_addresses: frozenset[IPAddress] = frozenset()
        self._applied: EgressState | None = None
        self._lock = asyncio.Lock()
        self.slirp: Slirp | None = None
        self._forwarder: DnsForwarder | None = None

    @property
    def netns_path(self) -> str:
        return f"/proc/{os.getpid()}/fd/{self._netns_fd}"

    @property
    def policy(self) -> EgressPolicy:
        return self._policy

    @classmethod
    async def attach(
        cls,
        *,
        netns_pid: int,
        dialer: NetnsDialer,
        tools: dict[str, str],
        procs_files: Sequence[Path],
        log_path: Path,
        policy: EgressPolicy,
        upstreams: Sequence[str],
    ) -> Egress:
        """Build the sandbox's way out (before the sandbox runs anything); policy in force."""
        egress = cls(netns_fd=await dialer.new_namespace(), tools=tools, policy=policy)
        try:
            await egress._link(netns_pid)
            # Both at once (the sandbox runs nothing before both are done): the filter, and
            # slirp4netns's uplink.
            _, egress.slirp = await asyncio.gather(
                egress.apply(policy),
                attach_slirp4netns(tools["slirp4netns"], egress.netns_path, procs_files, log_path),
            )
            udp, tcp = [
                await dialer.socket_at(egress.netns_path, socket.AF_INET, kind)
                for kind in (socket.SOCK_DGRAM, socket.SOCK_STREAM)
            ]
            try:
                for listener in (udp, tcp):
                    listener.bind((str(GATEWAY), DNS_PORT))
            except BaseException:
                udp.close()
                tcp.close()
                raise
            egress._forwarder = DnsForwarder(
                udp, tcp, upstreams, lambda: egress._policy, egress._pin
            )
            egress._forwarder.start()
        except EgressError as error:
            await egress.close()
            raise SandboxStartError(f"could not set up the sandbox's network: {error}") from None
        except BaseException:
            await egress.close()
            raise
        return egress

    async def _link(self, netns_pid: int) -> None:
        """The veth pair, both ends configured, in one process tree (each tool costs ms)."""
        nsenter = self._tools["nsenter"]
        script = [nsenter, f"--net={self.netns_path}", "--", "/bin/sh", "-ec", _LINK_SCRIPT]
        await _run([*script, "egress", str(netns_pid), nsenter])

    async def apply(self, policy: EgressPolicy) -> None:
        """Put policy in force (atomically; also cuts connections it no longer allows)."""
        async with self._lock:
            self._policy = policy
            self._host_addresses = await host_addresses(self._tools["ip"])
            await self._replace_rules()

    async def _pin(self, name: str, addresses: Sequence[IPAddress]) -> None:
        """A DNS answer: remember it; if it changes what is pinned, re-apply before answering."""
        async with self._lock:
            self._pins.remember(name, addresses)
            if self._policy.name_verdict(name) is not None:
                await self._replace_rules()

    async def _replace_rules(self) -> None:
        never = never_networks(self._host_addresses)
        allowed, denied = self._pins.pinned(
            self._policy, lambda address: any(address in network for network in never)
        )
        state = EgressState(self._policy, self._host_addresses, allowed, denied)
        if state == self._applied:
            return
        nft = [self._tools["nsenter"], f"--net={self.netns_path}", "--", self._tools["nft"]]
        await _run([*nft, "-f", "-"], stdin=replace_table_script(state))
        self._applied = state

    async def close(self) -> None:
        """Stop the forwarder and slirp4netns, free the namespace. Idempotent."""
        if self._forwarder is not None:
            await self._forwarder.close()
            self._forwarder = None
        if self.slirp is not None:
            self.slirp.close()
            with contextlib.suppress(ProcessLookupError, TimeoutError):
                await asyncio.wait_for(self.slirp.process.wait(), COMMAND_TIMEOUT_S)
            self.slirp = None
        if self._netns_fd >= 0:
            os.close(self._netns_fd)
            self._netns_fd = -1


# Runs in the egress namespace; $1: a pid in the sandbox's namespace, $2: nsenter.
_LINK_SCRIPT = f"""
printf '%s\\n' 'link set lo up' \\
  "link add {EGRESS_SIDE} mtu {MTU} type veth peer name {SANDBOX_SIDE} mtu {MTU} netns $1" \\
  'addr add {GATEWAY}/{LINK_NET.prefixlen} dev {EGRESS_SIDE}' \\
  'link set {EGRESS_SIDE} up' | ip -batch -
echo 1 > /proc/sys/net/ipv6/conf/{EGRESS_SIDE}/disable_ipv6
echo 1 > /proc/sys/net/ipv4/ip_forward
exec "$2" --net=/proc/$1/ns/net -- /bin/sh -ec "
echo 1 > /proc/sys/net/ipv6/conf/{SANDBOX_SIDE}/disable_ipv6
printf '%s\\n' 'addr add {SANDBOX_ADDRESS}/{LINK_NET.prefixlen} dev {SANDBOX_SIDE}' \\
  'link set {SANDBOX_SIDE} up' 'route add default via {GATEWAY}' | ip -batch -
"
"""
