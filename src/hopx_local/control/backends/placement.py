"""Where a new sandbox goes: best of K random nodes by free capacity (power of K choices).

As E2B's orchestrator does (K=3): sampling K nodes and taking the best of them spreads load
nearly as well as scanning every node, in time that does not grow with the cluster, and
avoids the herd that "always the emptiest node" makes when many creates arrive at once. The
other nodes follow, best first, for when the chosen one answers ResourceExhausted.

A node's free capacity is its memory not yet promised to sandboxes, with memory overcommitted
by ``overcommit`` (sandboxes rarely use all of their limit), minus the new sandbox's
memory; ties go to the node running fewer sandboxes.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from hopx_local.control.backend import NodeCapacity

DEFAULT_K = 3
DEFAULT_OVERCOMMIT = 4.0


def placement_order(
    nodes: Sequence[NodeCapacity],
    memory_mb: int,
    *,
    k: int = DEFAULT_K,
    overcommit: float = DEFAULT_OVERCOMMIT,
    rng: random.Random | None = None,
) -> list[str]:
    """Node ids to try, in order: the best of K sampled nodes first, then the rest, best
    first. Nodes not alive or without room for ``memory_mb`` come last of all (a node's own
    check is the final word; our view may be stale)."""
    alive = [node for node in nodes if node.alive]
    if not alive:
        return []

    def free(node: NodeCapacity) -> float:
        return node.memory_mb_total * overcommit - node.memory_mb_committed - memory_mb

    def score(node: NodeCapacity) -> tuple[float, int]:
        return (-free(node), node.sandboxes)

    chooser = rng or random
    sampled = chooser.sample(alive, min(k, len(alive)))
    best = min(sampled, key=score)
    rest = sorted((node for node in alive if node is not best), key=score)
    ordered = [best, *rest]
    roomy = [node.node_id for node in ordered if free(node) >= 0]
    full = [node.node_id for node in ordered if free(node) < 0]
    return roomy + full
