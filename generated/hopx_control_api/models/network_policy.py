from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar, TypeVar, cast

from attrs import define as _attrs_define

from .. import types as _types
from ..types import UNSET, Unset, WireModel

T = TypeVar("T", bound="NetworkPolicy")


@_attrs_define(eq=False, repr=False)
class NetworkPolicy(WireModel):
    """hopx-local extension: the sandbox's egress policy (names as E2B's `network` option). On a
    `Sandbox`, the policy in force. Entries are IPv4/IPv6 addresses or CIDRs
    (`203.0.113.0/24`, `198.51.100.7`) or domain patterns: an exact name (`api.example.com`)
    or `*.suffix` (every name below `suffix`, at any depth, not `suffix` itself).

    Order, first match wins: (1) the host's own addresses and loopback are never reachable,
    even when named; (2) `deny_out` is refused (deny beats allow); (3) CIDRs in `allow_out`
    are reachable, private ranges included: naming a private address or range (a database
    on the LAN) is the only way to reach one; (4) other private, link-local, CGNAT and
    multicast addresses are refused; (5) addresses answered for a name in `allow_out`
    (public ones only: a name never opens a private address) are reachable; (6) the rest:
    public addresses are reachable, unless `allow_out` is non-empty (or `deny_out` holds
    `0.0.0.0/0`, E2B's ALL_TRAFFIC, which sets the default instead of overriding `allow_out`),
    then nothing else is.

    Domain rules by "resolve and pin": the sandbox's resolver is hopx-local's forwarder; the
    addresses it answers for an allowed name become reachable (any protocol: HTTPS, plain
    TCP, UDP), a denied name answers NXDOMAIN and its addresses are refused. Addresses are
    judged, not names: a name sharing an address with a denied one is refused too, and while
    the default is open a denied name's address can still be used directly; use `allow_out`
    for a guarantee. A refused connection fails at once (TCP reset, or ICMP unreachable).
    No IPv6 leaves a sandbox. Up to 256 entries per list; a bad entry → 400
    `validation_error` naming it (e.g. `network.allow_out.2`).

        Attributes:
            allow_out (list[str] | Unset): Destinations to allow (addresses, CIDRs, domain patterns), e.g.
                `["api.example.com", "*.pypi.org", "10.0.5.0/24"]`.
            deny_out (list[str] | Unset): Destinations to refuse (addresses, CIDRs, domain patterns); beats `allow_out`.
                E.g.
                `["203.0.113.0/24", "ads.example.com"]`.
    """

    _known_keys: ClassVar[frozenset[str]] = frozenset(
        {
            "allow_out",
            "deny_out",
        }
    )

    allow_out: list[str] | Unset = UNSET
    deny_out: list[str] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        allow_out: list[str] | Unset = UNSET
        if not isinstance(self.allow_out, Unset):
            allow_out = self.allow_out

        deny_out: list[str] | Unset = UNSET
        if not isinstance(self.deny_out, Unset):
            deny_out = self.deny_out

        field_dict: dict[str, Any] = self.additional_properties

        field_dict.update({})
        if allow_out is not UNSET:
            field_dict["allow_out"] = allow_out
        if deny_out is not UNSET:
            field_dict["deny_out"] = deny_out

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any] | None) -> T:
        """Read an answer tolerantly: a missing optional property is None, a missing required
        one its type's empty value, values of other JSON types are converted where they can
        be; every property of ``src_dict`` stays readable as ``result[name]``."""
        d = _types.as_mapping(src_dict)
        allow_out = cast(list[str] | Unset, d.get("allow_out"))

        deny_out = cast(list[str] | Unset, d.get("deny_out"))

        _network_policy_instance = cls(
            allow_out=allow_out,
            deny_out=deny_out,
        )
        dict.update(_network_policy_instance, d)
        return _network_policy_instance
