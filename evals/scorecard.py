"""The scorecard: every suite's scores, the threshold checks, and its Markdown rendering."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

THRESHOLDS_PATH = Path(__file__).resolve().parent / "thresholds.toml"
Bound = Literal["minimum", "maximum"]
Cell = str | float | int | None


class Table(BaseModel):
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    note: str = ""


class SuiteResult(BaseModel):
    name: str
    metrics: dict[str, float | None] = Field(description="flat names, e.g. 'merge.coverage'")
    tables: list[Table] = Field(default_factory=list)
    details: dict[str, list[str]] = Field(
        default_factory=dict, description="what a reader needs to see why a score is what it is"
    )
    seconds: float = 0.0


class ThresholdCheck(BaseModel):
    metric: str
    value: float | None
    bound: Bound
    limit: float

    @property
    def passed(self) -> bool:
        if self.value is None:
            return False
        return self.value >= self.limit if self.bound == "minimum" else self.value <= self.limit

    def message(self) -> str:
        if self.value is None:
            return f"{self.metric}: no value (its {self.bound} is {self.limit:g})"
        sign = "<" if self.bound == "minimum" else ">"
        return f"{self.metric} = {self.value:.4g} {sign} {self.bound} {self.limit:g}"


class Scorecard(BaseModel):
    backend: str
    suites: list[SuiteResult]
    checks: list[ThresholdCheck] = Field(default_factory=list)
    failed: list[str] = Field(default_factory=list)
    seconds: float = 0.0

    def metric(self, name: str) -> float | None:
        """A score by its full name, 'suite.metric' (KeyError if it was not measured)."""
        suite, _, metric = name.partition(".")
        for result in self.suites:
            if result.name == suite:
                return result.metrics[metric]
        raise KeyError(name)


Thresholds = dict[Bound, dict[str, float]]


def load_thresholds(backend: str, path: Path = THRESHOLDS_PATH) -> Thresholds:
    """The reviewed bounds for one backend ({} for a backend nobody measured)."""
    table = tomllib.loads(path.read_text(encoding="utf-8")).get(backend, {})
    return {bound: dict(table.get(bound, {})) for bound in ("minimum", "maximum")}


def threshold_checks(scorecard: Scorecard, thresholds: Thresholds) -> list[ThresholdCheck]:
    """One check per bound whose suite is on the scorecard."""
    ran = {result.name: result for result in scorecard.suites}
    return [
        ThresholdCheck(
            metric=name, value=ran[suite].metrics.get(metric), bound=bound, limit=float(limit)
        )
        for bound, limits in thresholds.items()
        for name, limit in limits.items()
        for suite, _, metric in [name.partition(".")]
        if suite in ran
    ]


def failed_thresholds(scorecard: Scorecard, thresholds: Thresholds | None = None) -> list[str]:
    """A message for each score past its bound (the reviewed file's, unless given)."""
    if thresholds is None:
        thresholds = load_thresholds(scorecard.backend)
    return [
        check.message() for check in threshold_checks(scorecard, thresholds) if not check.passed
    ]


# ---------------------------------------------------------------- Markdown


def _cell(value: Cell) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"
    return str(value).replace("|", "\\|")


def _table(columns: list[str], rows: list[list[Cell]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return lines


def render_markdown(scorecard: Scorecard) -> str:
    verdict = (
        "all thresholds met"
        if not scorecard.failed
        else f"{len(scorecard.failed)} threshold(s) failed"
    )
    lines = [
        "# Eval scorecard",
        "",
        f"Backend `{scorecard.backend}`; {len(scorecard.suites)} suite(s) in "
        f"{scorecard.seconds:.1f} s; {verdict}.",
    ]
    if not scorecard.checks:
        lines.append(f"No thresholds are set for the `{scorecard.backend}` backend.")
    lines += [f"- FAILED {message}" for message in scorecard.failed]
    bounds = {check.metric: check for check in scorecard.checks}
    for result in scorecard.suites:
        lines += ["", f"## {result.name} ({result.seconds:.1f} s)", ""]
        rows: list[list[Cell]] = []
        for name, value in result.metrics.items():
            check = bounds.get(f"{result.name}.{name}")
            bound = f"{check.bound} {check.limit:g}" if check else ""
            status = ("ok" if check.passed else "FAILED") if check else ""
            rows.append([name, value, bound, status])
        lines += _table(["metric", "value", "threshold", ""], rows)
        for table in result.tables:
            lines += ["", f"### {table.title}", "", *_table(table.columns, table.rows)]
            if table.note:
                lines += ["", table.note]
        for title, items in result.details.items():
            if not items:
                continue
            lines += ["", f"<details><summary>{title} ({len(items)})</summary>", ""]
            lines += [f"- {item}" for item in items] + ["", "</details>"]
    return "\n".join(lines) + "\n"
