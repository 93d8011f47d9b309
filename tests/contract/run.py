"""Contract tests: schemathesis against the two OpenAPI documents.

    python -m tests.contract.run [--profile bounded|full|soak]
        Starts hopx-local (temporary data directory), runs the control-plane suite against it,
        removes the sandboxes that suite left, creates a fresh sandbox and runs the vm-agent
        suite against that sandbox's agent. After each suite the server (and the agent) must
        still answer: surviving the fuzzing is part of the test.

    python -m tests.contract.run --url URL --api-key KEY [--profile ...]
        The control-plane suite against any server (the public service, your own
        implementation), with a bounded example count. Only sandboxes this run created are
        deleted afterwards.

Reports: schemathesis' own report on the terminal and in ``reports/contract-<suite>.log``, junit
XML in ``reports/contract-<suite>.xml``. The exit status is non-zero on any failure.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from tests.contract import suites
from tests.contract.profiles import PROFILES, REMOTE_MAX_EXAMPLES, Profile
from tests.contract.sandboxes import ControlPlane, SurvivalError
from tests.contract.suites import Outcome, Suite

ROOT = Path(__file__).resolve().parents[2]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m tests.contract.run",
        description="Contract tests (schemathesis) of the control-plane and vm-agent documents.",
    )
    parser.add_argument("--profile", choices=sorted(PROFILES), default="full")
    parser.add_argument("--url", help="control-plane base URL of a running server")
    parser.add_argument("--api-key", help="API key for --url (default: $HOPX_API_KEY)")
    parser.add_argument(
        "--suite",
        choices=["all", "control-plane", "vm-agent"],
        default="all",
        help="run only one suite (hopx-local only; --url always runs control-plane)",
    )
    parser.add_argument(
        "--template",
        default=None,
        help="template of the sandboxes the control-plane suite creates "
        "(default: base on hopx-local, code-interpreter with --url)",
    )
    parser.add_argument(
        "--agent-template",
        default="code-interpreter",
        help="template of the sandbox whose agent the vm-agent suite tests",
    )
    parser.add_argument("--seed", type=int, help="override the profile's seed")
    parser.add_argument("--reports-dir", type=Path, default=ROOT / "reports")
    return parser


def _seed(profile: Profile, override: int | None) -> int:
    if override is not None:
        return override
    if profile.seed is not None:
        return profile.seed
    return random.SystemRandom().randrange(2**31)


@contextmanager
def _created_log() -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="hopx-contract-") as scratch:
        path = Path(scratch) / "created.txt"
        path.touch()
        yield path


def _control_plane_suite(
    control: ControlPlane, *, template: str, created: Path, window: int, builder: bool
) -> Suite:
    """``builder=False``: the server answers 501 to the template builder (hopx-local)."""
    return Suite(
        name="control-plane",
        spec=ROOT / "openapi" / "control-plane.yaml",
        base_url=control.base_url,
        headers={"X-API-Key": "HOPX_CONTRACT_API_KEY"},
        env={
            "HOPX_CONTRACT_BASE_URL": control.base_url,
            "HOPX_CONTRACT_API_KEY": control.api_key,
            "HOPX_CONTRACT_TEMPLATE": template,
            "HOPX_CONTRACT_CREATED": str(created),
            "HOPX_CONTRACT_STATEFUL_WINDOW": str(window),
            "HOPX_CONTRACT_WITHOUT_BUILDER": "" if builder else "1",
        },
        operations=suites.control_plane_operations(),
    )


def _vm_agent_suite(public_host: str, token: str, profile: Profile) -> Suite:
    return Suite(
        name="vm-agent",
        spec=ROOT / "openapi" / "vm-agent.yaml",
        base_url=public_host,
        headers={"Authorization": "HOPX_CONTRACT_AGENT_AUTHORIZATION"},
        env={"HOPX_CONTRACT_AGENT_AUTHORIZATION": f"Bearer {token}"},
        operations=suites.vm_agent_operations(desktop_coverage=profile.desktop_coverage),
    )


def _banner(text: str) -> None:
    print(f"\n{'=' * 20} {text} {'=' * 20}\n", flush=True)


def _run_local(
    args: argparse.Namespace, profile: Profile, seed: int
) -> tuple[list[Outcome], list[str]]:
    from hopx_local.launcher import local_server

    outcomes: list[Outcome] = []
    problems: list[str] = []
    window = profile.stateful_max_steps * profile.workers
    environment = dict(os.environ)

    def run(suite: Suite) -> Outcome:
        return suites.run(
            suite,
            profile,
            reports=args.reports_dir,
            max_examples=profile.max_examples,
            seed=seed,
            environment=environment,
        )

    # No template builds: a fuzzed image name would make the server reach out to registries.
    builder_off = ["--template-builder", "off"]
    with local_server(extra_args=builder_off) as server, _created_log() as created:
        control = ControlPlane(server.base_url, server.api_key)
        print(f"hopx-local at {server.base_url} (data in {server.data_dir})", flush=True)
        if args.suite in ("all", "control-plane"):
            _banner("control-plane suite")
            suite = _control_plane_suite(
                control,
                template=args.template or "base",
                created=created,
                window=window,
                builder=False,  # hopx-local answers 501 to the template builder
            )
            outcomes.append(run(suite))
            problems += _survived("control plane", control.check_alive)
            removed = control.delete_all_sandboxes()
            print(f"removed {removed} sandbox(es) left by the control-plane suite", flush=True)
        if args.suite in ("all", "vm-agent"):
            _banner("vm-agent suite")
            sandbox = control.create_sandbox(args.agent_template)
            try:
                suite = _vm_agent_suite(sandbox.public_host, sandbox.token, profile)
                outcomes.append(run(suite))
                problems += _survived("agent", lambda: control.check_agent_alive(sandbox))
                problems += _survived("control plane", control.check_alive)
            finally:
                control.delete_sandbox(sandbox.id)
    return outcomes, problems


def _run_remote(
    args: argparse.Namespace, profile: Profile, seed: int
) -> tuple[list[Outcome], list[str]]:
    api_key = args.api_key or os.environ.get("HOPX_API_KEY")
    if not api_key:
        raise SystemExit("--url needs --api-key KEY (or HOPX_API_KEY in the environment)")
    control = ControlPlane(args.url.rstrip("/"), api_key)
    max_examples = min(profile.max_examples, REMOTE_MAX_EXAMPLES)
    with _created_log() as created:
        suite = _control_plane_suite(
            control,
            template=args.template or "code-interpreter",
            created=created,
            window=profile.stateful_max_steps * profile.workers,
            builder=True,
        )
        try:
            outcome = suites.run(
                suite,
                profile,
                reports=args.reports_dir,
                max_examples=max_examples,
                seed=seed,
                environment=dict(os.environ),
            )
        finally:
            ids = [line for line in created.read_text().split() if line]
            removed = control.delete_sandboxes(ids)
            print(f"removed {removed} sandbox(es) this run created and left", flush=True)
    return [outcome], _survived("server", control.check_alive)


def _survived(what: str, check: object) -> list[str]:
    try:
        check()  # type: ignore[operator]
    except SurvivalError as exc:
        return [f"{what} did not survive the suite: {exc}"]
    return []


def _summary(
    outcomes: Sequence[Outcome], problems: Sequence[str], seed: int, elapsed: float
) -> None:
    _banner("contract summary")
    for outcome in outcomes:
        verdict = "passed" if outcome.returncode == 0 else f"FAILED (exit {outcome.returncode})"
        print(f"  {outcome.suite:<14} {verdict:<22} {outcome.seconds:7.1f} s")
        print(f"  {'':<14} junit: {outcome.junit}")
        print(f"  {'':<14} log:   {outcome.log}")
        if outcome.unreproduced_log is not None:
            print(f"  {'':<14} first run failed unreproducibly: {outcome.unreproduced_log}")
    for problem in problems:
        print(f"  FAILED: {problem}")
    print(f"\n  seed {seed}; total {elapsed:.1f} s", flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    profile = PROFILES[args.profile]
    seed = _seed(profile, args.seed)
    print(f"contract profile {profile.name}: {profile}, seed {seed}", flush=True)
    started = time.monotonic()
    if args.url:
        outcomes, problems = _run_remote(args, profile, seed)
    else:
        outcomes, problems = _run_local(args, profile, seed)
    _summary(outcomes, problems, seed, time.monotonic() - started)
    failed = problems or any(outcome.returncode != 0 for outcome in outcomes)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
