"""How hard the contract suites push: example counts, stateful scenario length, seed."""

from __future__ import annotations

import attrs


@attrs.frozen
class Profile:
    name: str
    max_examples: int
    """Test cases per operation in the fuzzing phase (and the cap of the other phases)."""
    stateful_scenarios: dict[str, int]
    """Per suite: scenarios (call sequences along the document's links) of the stateful phase.
    The agent's links are short (write -> read -> remove), the sandbox lifecycle is long."""
    stateful_max_steps: int
    """Calls per stateful scenario (create -> get -> pause -> resume -> delete is five)."""
    seed: int | None
    """Fixed seed for reproducible runs; None draws one (printed in the report). Not
    hypothesis' derandomized mode: that one explores stateful sequences breadth-first from the
    first call and, in a bounded run, never got from create -> pause to resume."""
    desktop_coverage: bool
    """Coverage phase for the desktop operations too. Outside the desktop template they all
    answer 503 after validating the request; ~30 of them cost a third of the agent suite."""
    workers: int
    request_timeout: float
    """Seconds before a request counts as hung (a failure: the server must never hang)."""


PROFILES: dict[str, Profile] = {
    # What `make test` runs: small and reproducible, < ~8 minutes on 2 cores.
    "bounded": Profile(
        name="bounded",
        max_examples=8,
        stateful_scenarios={"control-plane": 30, "vm-agent": 10},
        stateful_max_steps=10,
        seed=20251121,
        desktop_coverage=False,
        workers=2,
        request_timeout=60,
    ),
    # `make contract`: more examples, still a fixed seed so a failure reproduces.
    "full": Profile(
        name="full",
        max_examples=50,
        stateful_scenarios={"control-plane": 100, "vm-agent": 50},
        stateful_max_steps=10,
        seed=20251121,
        desktop_coverage=True,
        workers=2,
        request_timeout=120,
    ),
    # `make contract-soak`: long, random seed each run.
    "soak": Profile(
        name="soak",
        max_examples=1000,
        stateful_scenarios={"control-plane": 2000, "vm-agent": 1000},
        stateful_max_steps=20,
        seed=None,
        desktop_coverage=True,
        workers=2,
        request_timeout=300,
    ),
}

# `--url` runs against servers we do not own: bounded example count whatever the profile.
REMOTE_MAX_EXAMPLES = 25
