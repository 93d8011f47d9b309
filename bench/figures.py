"""Collecting timings, checking targets, and drawing the chart."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs


@attrs.define
class Figure:
    name: str
    unit: str
    samples: list[float]
    target: str | None = None
    met: bool | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def p95(self) -> float:
        ordered = sorted(self.samples)
        return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


@attrs.define
class Report:
    quick: bool = False
    figures: dict[str, Figure] = attrs.field(factory=dict)
    ratios: dict[str, dict[str, Any]] = attrs.field(factory=dict)
    notes: list[str] = attrs.field(factory=list)

    def repeats(self, full: int) -> int:
        return max(3, full // 10) if self.quick else full

    def add(self, name: str, unit: str, samples: list[float]) -> Figure:
        figure = Figure(name, unit, samples)
        self.figures[name] = figure
        return figure

    def target(self, name: str, text: str, met: bool) -> None:
        self.figures[name].target = text
        self.figures[name].met = met

    def ratio(
        self, name: str, ours: str, theirs: str, text: str, met: Callable[[float], bool]
    ) -> None:
        value = self.figures[ours].median / self.figures[theirs].median
        self.ratios[name] = {
            "ours": ours,
            "theirs": theirs,
            "ratio": value,
            "target": text,
            "met": met(value),
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "figures": {
                name: {
                    "unit": f.unit,
                    "median": f.median,
                    "p95": f.p95,
                    "runs": len(f.samples),
                    "target": f.target,
                    "met": f.met,
                }
                for name, f in self.figures.items()
            },
            "ratios": self.ratios,
            "notes": self.notes,
        }

    def summary(self) -> str:
        lines = [f"{'figure':48} {'median':>12} {'p95':>12}  target"]
        for f in self.figures.values():
            mark = "" if f.met is None else ("ok  " if f.met else "MISS")
            figures = f"{f.median:>10.3f}{f.unit:>2} {f.p95:>10.3f}{f.unit:>2}"
            lines.append(f"{f.name:48} {figures}  {mark} {f.target or ''}")
        for name, r in self.ratios.items():
            lines.append(
                f"{name:48} ratio {r['ratio']:.2f}  {'ok  ' if r['met'] else 'MISS'} {r['target']}"
            )
        missed = [f for f in self.figures.values() if f.met is False]
        missed_ratios = [n for n, r in self.ratios.items() if not r["met"]]
        if missed or missed_ratios:
            lines.append("\nTargets not met:")
            lines += [f"  {f.name}: {f.median:.3f} {f.unit} (target {f.target})" for f in missed]
            lines += [
                f"  {n}: ratio {self.ratios[n]['ratio']:.2f} (target {self.ratios[n]['target']})"
                for n in missed_ratios
            ]
        lines += [f"note: {n}" for n in self.notes]
        return "\n".join(lines)


def timed(fn: Callable[[], object], repeats: int, scale: float = 1000.0) -> list[float]:
    """Wall time of ``repeats`` calls, in milliseconds by default."""
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * scale)
    return samples


def _shortfall(figure: Figure) -> float | None:
    """How far a median is from its target: <= 1 meets it ("< 60 ms" and "> 200 MB/s" alike)."""
    if not figure.target:
        return None
    sign, number, *_ = figure.target.split()
    limit = float(number)
    return figure.median / limit if sign == "<" else limit / figure.median


def chart(report: Report, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    green, red = "#2a9d8f", "#e76f51"
    pairs = list(report.ratios.items())
    targets = [(f, r) for f in report.figures.values() if (r := _shortfall(f)) is not None]
    rows = max(len(pairs), len(targets))
    fig, (left, right) = plt.subplots(1, 2, figsize=(17, 0.5 * rows + 1.8))
    left.barh(
        [n for n, _ in pairs],
        [r["ratio"] for _, r in pairs],
        color=[green if r["met"] else red for _, r in pairs],
    )
    left.axvline(1.0, color="black", linewidth=0.8)
    left.set_xscale("log")
    left.set_xlim(right=max([1.0, *(r["ratio"] for _, r in pairs)]) * 6)
    left.set_title("Side by side, same run (ratio; target in results.json)")
    for i, (_, r) in enumerate(pairs):
        left.text(r["ratio"], i, f"  {r['ratio']:.2f}x", va="center", fontsize=8)
    right.barh(
        [f.name for f, _ in targets],
        [r for _, r in targets],
        color=[green if f.met else red for f, _ in targets],
    )
    right.axvline(1.0, color="black", linewidth=0.8)
    # Room right of the longest bar for its label.
    right.set_xlim(0, max([1.0, *(r for _, r in targets)]) * 2.4)
    for i, (f, r) in enumerate(targets):
        right.text(r, i, f"  {f.median:.1f} {f.unit} (target {f.target})", va="center", fontsize=8)
    right.set_title("Median relative to its target (<= 1 meets it)", loc="left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
