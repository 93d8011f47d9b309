"""Best-of-K placement over node capacities, and domain errors across a process boundary."""

from __future__ import annotations

import errno
import random
from collections import Counter

import attrs

from hopx_local.control.backend import NodeCapacity
from hopx_local.control.backends.placement import placement_order
from hopx_local.control.backends.remote_errors import decode_error, encode_error
from hopx_local.control.domain_errors import NodeLost, ResourceExhausted, SandboxGone


def node(
    name: str, committed_mb: int = 0, *, sandboxes: int = 0, alive: bool = True
) -> NodeCapacity:
    return NodeCapacity(
        node_id=name,
        sandboxes=sandboxes,
        vcpu_committed=0,
        memory_mb_committed=committed_mb,
        cpus=4,
        memory_mb_total=1000,
        memory_mb_available=1000,
        alive=alive,
    )


def test_with_k_covering_every_node_the_freest_comes_first_then_the_rest_best_first() -> None:
    nodes = [node("a", 3000), node("b", 100), node("c", 2000)]
    assert placement_order(nodes, 512, k=3) == ["b", "c", "a"]


def test_ties_go_to_the_node_running_fewer_sandboxes() -> None:
    nodes = [node("busy", 1000, sandboxes=9), node("quiet", 1000, sandboxes=1)]
    assert placement_order(nodes, 512, k=2)[0] == "quiet"


def test_dead_nodes_are_never_offered_and_full_ones_come_last() -> None:
    nodes = [node("dead", alive=False), node("full", 3900), node("roomy", 0)]
    # With overcommit 4, "full" has 4000 - 3900 = 100 MiB: not enough for 512.
    assert placement_order(nodes, 512, k=3) == ["roomy", "full"]
    assert placement_order([node("dead", alive=False)], 512) == []


def test_best_of_k_spreads_a_burst_evenly() -> None:
    rng = random.Random(3)
    nodes = {f"n{i}": node(f"n{i}") for i in range(10)}
    placed: Counter[str] = Counter()
    for _ in range(200):
        chosen = placement_order(list(nodes.values()), 100, k=3, rng=rng)[0]
        placed[chosen] += 1
        current = nodes[chosen]
        nodes[chosen] = attrs.evolve(
            current,
            memory_mb_committed=current.memory_mb_committed + 100,
            sandboxes=current.sandboxes + 1,
        )
    assert max(placed.values()) - min(placed.values()) <= 4, placed


def test_domain_errors_keep_their_kind_message_and_details_across_the_boundary() -> None:
    for error in (
        NodeLost("n1", "Node 'n1' was lost."),
        ResourceExhausted("No free port for the agent: none", node="n1"),
        SandboxGone("sbx_1"),
    ):
        again = decode_error(encode_error(error))
        assert type(again) is type(error)
        assert (again.message, again.details) == (error.message, error.details)  # type: ignore[union-attr]
    refused = decode_error(encode_error(ConnectionRefusedError(errno.ECONNREFUSED, "refused")))
    assert isinstance(refused, OSError) and refused.errno == errno.ECONNREFUSED
    assert isinstance(decode_error(("Unheard", "m", {})), Exception)
