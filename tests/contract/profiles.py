"""How hard the contract suites push: example counts, stateful scenario length, seed."""

from __future__ import annotations

import attrs


@attrs.frozen
class Profile:
    name: str
    max_examples: int
    """Test cases per operation in the fuzzing phase (and the cap of the other phases)."""
    stateful_scenarios: int
    """Scenarios (call sequences along the documents' links) of the stateful phase."""
    stateful_max_steps: int
    """Calls per stateful scenario (create -> get -> pause -> resume -> delete is five)."""
    seed: int | None
    """Fixed seed for reproducible runs; None draws one (printed in the report)."""
    deterministic: bool
    """Hypothesis' derandomized mode: the same cases on every run."""
    workers: int
    request_timeout: float
    """Seconds before a request counts as hung (a failure: the server must never hang)."""


PROFILES: dict[str, Profile] = {
    # What `make test` runs: small and reproducible, < ~8 minutes on 2 cores.
    "bounded": Profile(
        name="bounded",
        max_examples=8,
        stateful_scenarios=30,
        stateful_max_steps=6,
        seed=20251121,
        deterministic=True,
        workers=2,
        request_timeout=60,
    ),
    # `make contract`: more examples, still a fixed seed so a failure reproduces.
    "full": Profile(
        name="full",
        max_examples=50,
        stateful_scenarios=100,
        stateful_max_steps=10,
        seed=20251121,
        deterministic=False,
        workers=2,
        request_timeout=120,
    ),
    # `make contract-soak`: long, random seed each run.
    "soak": Profile(
        name="soak",
        max_examples=1000,
        stateful_scenarios=2000,
        stateful_max_steps=20,
        seed=None,
        deterministic=False,
        workers=2,
        request_timeout=300,
    ),
}

# `--url` runs against servers we do not own: bounded example count whatever the profile.
REMOTE_MAX_EXAMPLES = 25
