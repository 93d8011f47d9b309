"""Egress policy parsing, verdicts and DNS answer handling (pure; no sandbox needed)."""

from __future__ import annotations

import ipaddress
import re
import struct

import pytest

from hopx_local.runtime.egress_dns import AnswerPins, answer_addresses, parse_question
from hopx_local.runtime.egress_policy import EgressPolicy, InvalidEgressPolicyError
from hopx_local.runtime.egress_rules import EgressState, render_ruleset


@pytest.mark.parametrize(
    ("allow_out", "message"),
    [
        (["10.0.0.1/8"], "allow_out[0] '10.0.0.1/8': has host bits set; did you mean 10.0.0.0/8?"),
        (["300.1.2.3"], "allow_out[0] '300.1.2.3': is not a valid IP address or CIDR"),
        (["ok.test", "exa mple.com"], "allow_out[1] 'exa mple.com': is not a valid domain"),
        (["api.*.com"], "a wildcard is allowed only as the first label"),
        (["*"], "is not a valid domain pattern"),
        ([""], "allow_out[0] '': must be a non-empty string"),
    ],
)
def test_bad_entries_are_named_with_the_fix(allow_out: list[str], message: str) -> None:
    with pytest.raises(InvalidEgressPolicyError, match=re.escape(message)):
        EgressPolicy.parse(allow_out=allow_out)


def test_domain_verdicts_deny_beats_allow_and_wildcards_skip_the_apex() -> None:
    policy = EgressPolicy.parse(
        allow_out=["*.Example.com.", "api.test"], deny_out=["bad.example.com"]
    )
    assert policy.allow_out == ("*.example.com", "api.test")
    assert policy.name_verdict("www.example.com") == "allow"
    assert policy.name_verdict("a.b.example.com") == "allow"
    assert policy.name_verdict("example.com") is None
    assert policy.name_verdict("BAD.example.com.") == "deny"
    assert policy.name_verdict("api.test") == "allow"
    assert policy.name_verdict("xapi.test") is None


def test_an_allow_list_or_all_traffic_denied_makes_the_default_deny() -> None:
    assert not EgressPolicy.parse().default_deny
    assert not EgressPolicy.parse(deny_out=["1.2.3.0/24"]).default_deny
    assert EgressPolicy.parse(allow_out=["1.2.3.4"]).default_deny
    everything = EgressPolicy.parse(allow_out=["1.2.3.4"], deny_out=["0.0.0.0/0"])
    assert everything.default_deny
    assert everything.deny_networks == ()  # E2B's ALL_TRAFFIC sets the default, no more


def test_pins_never_open_private_or_host_addresses_by_name() -> None:
    policy = EgressPolicy.parse(allow_out=["*.example.com"], deny_out=["bad.example.com"])
    pins = AnswerPins()
    public, private, host = (ipaddress.ip_address(a) for a in ("8.8.4.4", "10.1.2.3", "9.9.9.9"))
    pins.remember("www.example.com", [public, private, host])
    pins.remember("bad.example.com", [ipaddress.ip_address("1.1.1.1")])
    pins.remember("other.org", [ipaddress.ip_address("2.2.2.2")])
    allowed, denied = pins.pinned(policy, lambda address: address == host)
    assert allowed == {public}
    assert denied == {ipaddress.ip_address("1.1.1.1")}


def test_the_ruleset_refuses_special_ranges_unless_named_and_the_host_always() -> None:
    state = EgressState(
        EgressPolicy.parse(allow_out=["192.168.7.0/24"]),
        host_addresses=frozenset({ipaddress.ip_address("192.0.2.2")}),
    )
    rules = render_ruleset(state)
    assert "192.168.0.0/16" in rules and "169.254.0.0/16" in rules and "fc00::/7" in rules
    assert "elements = { 192.168.7.0/24 }" in rules
    outbound = rules.split("chain outbound {")[1].split("}")[0].split("\n")
    order = [line.strip() for line in outbound if line.strip().startswith("ip ")]
    assert order[0] == "ip daddr @never4 goto refuse"  # host addresses: before any allow
    assert order.index("ip daddr @deny4 goto refuse") < order.index("ip daddr @allow4 accept")
    assert outbound[-2].strip() == "goto refuse"  # an allow list: nothing else


def _response(name: str, addresses: list[str]) -> bytes:
    question = b"".join(bytes([len(p)]) + p.encode() for p in name.split(".")) + b"\0"
    message = b"\x00\x07" + struct.pack("!HHHHH", 0x8180, 1, len(addresses), 0, 0)
    message += question + struct.pack("!HH", 1, 1)
    for address in addresses:
        message += (
            b"\xc0\x0c" + struct.pack("!HHIH", 1, 1, 60, 4) + ipaddress.ip_address(address).packed
        )
    return message


def test_dns_answers_are_read_through_name_compression() -> None:
    response = _response("www.example.com", ["8.8.4.4", "1.1.1.1"])
    assert [str(a) for a in answer_addresses(response)] == ["8.8.4.4", "1.1.1.1"]
    query = response[:2] + struct.pack("!HHHHH", 0x0100, 1, 0, 0, 0) + response[12:33]
    assert parse_question(query).name == "www.example.com"
