"""A sandbox's egress policy (allow/deny lists of CIDRs and domain names) and its verdicts.

Pure: parses and validates entries, says what a domain name or an address gets. The nftables
ruleset that enforces it is rendered by ``egress_rules``; the names are pinned by ``egress_dns``.

Rules, in order (first match wins):
1. never: loopback, the host's own addresses, the egress plumbing itself. Not even by naming.
2. ``deny_out`` (CIDRs, and the answers of denied names): refused. Deny beats allow.
3. ``allow_out`` CIDRs: allowed, private ranges included (naming them is the only way in).
4. special-purpose ranges (RFC 1918, CGNAT, link-local, multicast, ...): refused.
5. the answers of allowed names (public addresses only: a name never opens a private one).
6. the default: public addresses are reachable, unless ``allow_out`` is non-empty (or
   ``deny_out`` holds ``0.0.0.0/0``, E2B's ALL_TRAFFIC): then nothing else is.

A domain pattern is an exact name (``example.com``) or ``*.suffix`` (every name below suffix,
at any depth, not suffix itself). Names are compared lower-case, without a trailing dot.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Sequence
from typing import Literal

import attrs

from hopx_local.runtime.errors import SandboxRuntimeError

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Verdict = Literal["allow", "deny"]

MAX_ENTRIES = 256
_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")

# Never public, whatever a DNS answer says (IANA special-purpose registries, both families).
SPECIAL_PURPOSE = tuple(
    ipaddress.ip_network(cidr)
    for cidr in (
        "0.0.0.0/8",
        "10.0.0.0/8",
        "100.64.0.0/10",
        "127.0.0.0/8",
        "169.254.0.0/16",
        "172.16.0.0/12",
        "192.0.0.0/24",
        "192.168.0.0/16",
        "198.18.0.0/15",
        "224.0.0.0/4",
        "240.0.0.0/4",
        "::/128",
        "::1/128",
        "::ffff:0:0/96",
        "64:ff9b:1::/48",
        "fc00::/7",
        "fe80::/10",
        "ff00::/8",
    )
)


class InvalidEgressPolicyError(SandboxRuntimeError, ValueError):
    """An allow_out/deny_out entry is unusable; names the list, the index and the fix."""

    def __init__(self, field: str, index: int | None, entry: str, reason: str) -> None:
        where = field if index is None else f"{field}[{index}]"
        super().__init__(f"{where} {entry!r}: {reason}")
        self.field = field
        self.index = index
        self.entry = entry
        self.reason = reason


@attrs.frozen
class DomainPattern:
    """``example.com`` (that name) or ``*.example.com`` (the names below it)."""

    suffix: str
    wildcard: bool

    def matches(self, name: str) -> bool:
        if self.wildcard:
            return name.endswith("." + self.suffix)
        return name == self.suffix

    def __str__(self) -> str:
        return f"*.{self.suffix}" if self.wildcard else self.suffix


@attrs.frozen
class EgressRules:
    """One list (allow_out or deny_out), split into networks and domain patterns."""

    networks: tuple[IPNetwork, ...] = ()
    domains: tuple[DomainPattern, ...] = ()

    def matches_name(self, name: str) -> bool:
        return any(pattern.matches(name) for pattern in self.domains)

    def contains(self, address: IPAddress) -> bool:
        return any(address in network for network in self.networks)


def normalize_name(name: str) -> str:
    return name.strip().rstrip(".").lower()


def parse_domain(field: str, index: int, entry: str) -> DomainPattern:
    name = normalize_name(entry)
    wildcard = name.startswith("*.")
    suffix = name[2:] if wildcard else name
    if not suffix or len(suffix) > 253:
        raise InvalidEgressPolicyError(
            field, index, entry, "is neither a CIDR nor a domain name (e.g. example.com)"
        )
    for label in suffix.split("."):
        if not _LABEL.match(label):
            hint = (
                "a wildcard is allowed only as the first label ('*.example.com'); "
                "to match every destination use 0.0.0.0/0"
                if "*" in label
                else "labels are letters, digits and '-' (1-63 characters; "
                "internationalized names in punycode, xn--...)"
            )
            raise InvalidEgressPolicyError(
                field, index, entry, f"is not a valid domain pattern: {hint}"
            )
    return DomainPattern(suffix, wildcard)


def parse_entry(field: str, index: int, entry: str) -> IPNetwork | DomainPattern:
    if not isinstance(entry, str) or not entry.strip():
        raise InvalidEgressPolicyError(field, index, str(entry), "must be a non-empty string")
    text = entry.strip()
    if re.fullmatch(r"[0-9.]+(/[0-9]+)?|[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*(/[0-9]+)?", text):
        try:
            return ipaddress.ip_network(text, strict=True)
        except ValueError as error:
            reason = str(error)
            if "host bits set" in reason:
                fixed = ipaddress.ip_network(text, strict=False)
                reason = f"has host bits set; did you mean {fixed}?"
            else:
                reason = f"is not a valid IP address or CIDR ({reason})"
            raise InvalidEgressPolicyError(field, index, entry, reason) from None
    return parse_domain(field, index, text)


def parse_rules(field: str, entries: Sequence[str]) -> EgressRules:
    if len(entries) > MAX_ENTRIES:
        raise InvalidEgressPolicyError(
            field, None, f"{len(entries)} entries", f"at most {MAX_ENTRIES} entries are allowed"
        )
    networks: list[IPNetwork] = []
    domains: list[DomainPattern] = []
    for index, entry in enumerate(entries):
        parsed = parse_entry(field, index, entry)
        if isinstance(parsed, DomainPattern):
            domains.append(parsed)
        else:
            networks.append(parsed)
    return EgressRules(tuple(networks), tuple(domains))


def is_special(address: IPAddress) -> bool:
    return any(address in network for network in SPECIAL_PURPOSE)


@attrs.frozen
class EgressPolicy:
    """allow_out / deny_out as given (kept verbatim, normalized), validated on creation.

    Build it with :meth:`parse` (raises InvalidEgressPolicyError naming the bad entry).
    """

    allow_out: tuple[str, ...] = ()
    deny_out: tuple[str, ...] = ()
    allow: EgressRules = attrs.field(factory=EgressRules, eq=False, repr=False)
    deny: EgressRules = attrs.field(factory=EgressRules, eq=False, repr=False)

    @classmethod
    def parse(cls, allow_out: Iterable[str] = (), deny_out: Iterable[str] = ()) -> EgressPolicy:
        allow_list, deny_list = list(allow_out), list(deny_out)
        allow = parse_rules("allow_out", allow_list)
        deny = parse_rules("deny_out", deny_list)
        return cls(
            tuple(_canonical(entry) for entry in allow_list),
            tuple(_canonical(entry) for entry in deny_list),
            allow,
            deny,
        )

    @property
    def default_deny(self) -> bool:
        """True when only the allowed destinations are reachable."""
        everything = any(network.prefixlen == 0 for network in self.deny.networks)
        return bool(self.allow_out) or everything

    @property
    def deny_networks(self) -> tuple[IPNetwork, ...]:
        """deny_out's networks, without the /0 entries (those set the default instead)."""
        return tuple(network for network in self.deny.networks if network.prefixlen != 0)

    def name_verdict(self, name: str) -> Verdict | None:
        """What a DNS name gets: deny wins over allow; None when no pattern names it."""
        name = normalize_name(name)
        if self.deny.matches_name(name):
            return "deny"
        if self.allow.matches_name(name):
            return "allow"
        return None

    def as_dict(self) -> dict[str, list[str]]:
        return {"allow_out": list(self.allow_out), "deny_out": list(self.deny_out)}


def _canonical(entry: str) -> str:
    text = entry.strip()
    try:
        return str(ipaddress.ip_network(text, strict=True))
    except ValueError:
        return normalize_name(text)


OPEN_POLICY = EgressPolicy()
