"""make bench: where the SDK and hopx-local stand, measured side by side in one run.

Writes bench/results.json and bench/results.png. Every figure is a median (and p95) over repeated
runs taken in this one run; comparisons are ratios of figures taken here, because these machines
are shared and noisy. Each target that is not met is named at the end with its figure.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from bench import figures, scenarios
from bench.figures import Report

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (a smoke run)")
    parser.add_argument("--only", nargs="*", help="run only these scenarios")
    args = parser.parse_args(argv)
    report = Report(quick=args.quick)
    scenarios.run_all(report, only=set(args.only or ()))
    results: dict[str, Any] = report.as_dict()
    (HERE / "results.json").write_text(json.dumps(results, indent=2) + "\n")
    figures.chart(report, HERE / "results.png")
    print(report.summary())
    return 0


if __name__ == "__main__":
    sys.exit(main())
