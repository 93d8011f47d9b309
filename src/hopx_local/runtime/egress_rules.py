"""The nftables ruleset of a sandbox's egress namespace (pure: renders text, runs nothing).

One table, replaced as a whole in one transaction (``nft -f``) on every change: the policy's
CIDRs, the addresses pinned from DNS answers, the host's own addresses. Every packet the
sandbox sends out is judged (not only a connection's first), so an update also cuts the
connections it no longer allows; answers come back through conntrack. A refused TCP
connection gets a reset (ECONNREFUSED at once), anything else ICMP admin-prohibited.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

import attrs

from hopx_local.runtime.egress_policy import (
    SPECIAL_PURPOSE,
    EgressPolicy,
    IPAddress,
    IPNetwork,
)

TABLE = "hopx_egress"
SANDBOX_SIDE = "eth0"  # the sandbox's end of the veth pair (inside the sandbox)
EGRESS_SIDE = "veth0"  # its peer, in the egress namespace
UPLINK = "tap0"  # slirp4netns's device in the egress namespace
LINK_NET = ipaddress.ip_network("169.254.100.0/30")
GATEWAY = ipaddress.ip_address("169.254.100.1")  # egress side; also the sandbox's DNS
SANDBOX_ADDRESS = ipaddress.ip_address("169.254.100.2")
SLIRP_NET = ipaddress.ip_network("10.0.2.0/24")  # slirp4netns's default --cidr
LOOPBACK = (ipaddress.ip_network("127.0.0.0/8"), ipaddress.ip_network("::1/128"))


@attrs.frozen
class EgressState:
    """Everything the ruleset depends on at one moment."""

    policy: EgressPolicy
    host_addresses: frozenset[IPAddress] = frozenset()
    allowed_answers: frozenset[IPAddress] = frozenset()
    denied_answers: frozenset[IPAddress] = frozenset()


def never_networks(host_addresses: Iterable[IPAddress]) -> list[IPNetwork]:
    """Unreachable even when named: loopback, the host's addresses, the plumbing itself."""
    networks: list[IPNetwork] = [*LOOPBACK, LINK_NET, SLIRP_NET]
    networks += [ipaddress.ip_network(address) for address in host_addresses]
    return networks


def render_ruleset(state: EgressState) -> str:
    policy = state.policy
    sets = {
        "never": never_networks(state.host_addresses),
        "deny": list(policy.deny_networks),
        "denied_answers": [ipaddress.ip_network(a) for a in state.denied_answers],
        "allow": list(policy.allow.networks),
        "special": list(SPECIAL_PURPOSE),
        "allowed_answers": [ipaddress.ip_network(a) for a in state.allowed_answers],
    }
    lines = [f"table inet {TABLE} {{"]
    for name, networks in sets.items():
        for family, kind in ((4, "ipv4_addr"), (6, "ipv6_addr")):
            lines += _set(f"{name}{family}", kind, [n for n in networks if n.version == family])
    lines += [
        "  chain input {",
        "    type filter hook input priority 0; policy accept;",
        f'    iifname "{EGRESS_SIDE}" ip daddr {GATEWAY} udp dport 53 accept',
        f'    iifname "{EGRESS_SIDE}" ip daddr {GATEWAY} tcp dport 53 accept',
        f'    iifname "{EGRESS_SIDE}" ip daddr {GATEWAY} icmp type echo-request accept',
        f'    iifname "{EGRESS_SIDE}" goto refuse',
        "  }",
        "  chain forward {",
        "    type filter hook forward priority 0; policy drop;",
        f'    iifname "{UPLINK}" oifname "{EGRESS_SIDE}" ct state established,related accept',
        f'    iifname "{EGRESS_SIDE}" oifname "{UPLINK}" ip saddr {SANDBOX_ADDRESS} goto outbound',
        f'    iifname "{EGRESS_SIDE}" goto refuse',
        "  }",
        "  chain outbound {",
    ]
    for family, selector in ((4, "ip"), (6, "ip6")):
        lines += [
            f"    {selector} daddr @never{family} goto refuse",
            f"    {selector} daddr @deny{family} goto refuse",
            f"    {selector} daddr @denied_answers{family} goto refuse",
            f"    {selector} daddr @allow{family} accept",
            f"    {selector} daddr @special{family} goto refuse",
            f"    {selector} daddr @allowed_answers{family} accept",
        ]
    lines += [
        "    goto refuse" if policy.default_deny else "    accept",
        "  }",
        "  chain refuse {",
        "    meta l4proto tcp reject with tcp reset",
        "    reject with icmpx admin-prohibited",
        "  }",
        "  chain postrouting {",
        "    type nat hook postrouting priority 100; policy accept;",
        f'    oifname "{UPLINK}" masquerade',
        "  }",
        "}",
    ]
    return "\n".join(lines) + "\n"


def replace_table_script(state: EgressState) -> str:
    """An ``nft -f`` script that swaps the table atomically (first time: just creates it)."""
    return f"table inet {TABLE}\ndelete table inet {TABLE}\n" + render_ruleset(state)


def _set(name: str, kind: str, networks: list[IPNetwork]) -> list[str]:
    collapsed = _collapse(networks)
    lines = [f"  set {name} {{", f"    type {kind}; flags interval;"]
    if collapsed:
        lines.append(f"    elements = {{ {', '.join(map(str, collapsed))} }}")
    lines.append("  }")
    return lines


def _collapse(networks: list[IPNetwork]) -> list[IPNetwork]:
    v4 = [n for n in networks if isinstance(n, ipaddress.IPv4Network)]
    v6 = [n for n in networks if isinstance(n, ipaddress.IPv6Network)]
    return [*ipaddress.collapse_addresses(v4), *ipaddress.collapse_addresses(v6)]
