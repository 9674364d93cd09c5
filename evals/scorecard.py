"""The scorecard: every run's scores by suite (and by cluster), the threshold checks, the
comparison with a baseline, and its Markdown rendering (the terminal's and a PR comment's)."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import BaseModel, Field

from evals.runs import Bound, Run, Thresholds

THRESHOLDS_PATH = Path(__file__).resolve().parent / "thresholds.toml"
Cell = str | float | int | None
DETAILS_SHOWN = 20  # items of one details list in the Markdown (all are in the JSON)


class Table(BaseModel):
    title: str
    columns: list[str]
    rows: list[list[Cell]]
    note: str = ""


class CaseResult(BaseModel):
    """One cluster's scores under one run, or why it has none."""

    id: str
    scores: dict[str, float | None] = Field(default_factory=dict)
    weights: dict[str, float] = Field(
        default_factory=dict, description="what a share counts (facts, sentences...); default 1"
    )
    details: dict[str, list[str]] = Field(default_factory=dict)
    error: str | None = None
    not_recorded: str | None = Field(
        default=None, description="replaying: the prompt versions of the request not recorded"
    )


class SuiteResult(BaseModel):
    name: str
    metrics: dict[str, float | None] = Field(description="flat names, e.g. 'merge.coverage'")
    cases: list[CaseResult] = Field(
        default_factory=list, description="per cluster, for dataset suites; the gate pairs them"
    )
    problems: list[str] = Field(
        default_factory=list, description="dataset lines that could not be used, and why"
    )
    tables: list[Table] = Field(default_factory=list)
    details: dict[str, list[str]] = Field(
        default_factory=dict, description="what a reader needs to see why a score is what it is"
    )
    seconds: float = 0.0

    @property
    def errors(self) -> list[CaseResult]:
        return [case for case in self.cases if case.error is not None]


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


class RunResult(BaseModel):
    run: Run
    suites: list[SuiteResult]
    checks: list[ThresholdCheck] = Field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[str]:
        return [check.message() for check in self.checks if not check.passed]

    def metric(self, name: str) -> float | None:
        """A score by its full name, 'suite.metric' (KeyError if it was not measured)."""
        suite, _, metric = name.partition(".")
        for result in self.suites:
            if result.name == suite:
                return result.metrics[metric]
        raise KeyError(name)


class ClusterChange(BaseModel):
    id: str
    before: float
    after: float


class MetricChange(BaseModel):
    """A metric that got worse than in the baseline, and whether by more than its noise."""

    run: str
    metric: str = Field(description="'suite.metric'")
    before: float
    after: float
    low: float = Field(description="the change's confidence interval over resampled clusters")
    high: float
    clusters: int = Field(description="clusters in both scorecards")
    regression: bool = Field(description="worse beyond the noise: the interval excludes 0")
    worse: list[ClusterChange] = Field(
        default_factory=list, description="the clusters that got worse, worst first"
    )

    def message(self) -> str:
        verdict = "beyond its noise" if self.regression else "within noise"
        return (
            f"[{self.run}] {self.metric} {self.before:.4g} -> {self.after:.4g} "
            f"({self.after - self.before:+.3g}; {verdict}: the change over resampled clusters "
            f"is {self.low:+.3g} to {self.high:+.3g})"
        )


class Comparison(BaseModel):
    baseline: str = Field(description="the baseline scorecard, as given")
    confidence: float
    resamples: int
    changes: list[MetricChange] = Field(description="every metric that got worse")
    notes: list[str] = Field(
        default_factory=list, description="what could not be compared (new runs, suites...)"
    )

    @property
    def regressions(self) -> list[MetricChange]:
        return [change for change in self.changes if change.regression]


class Scorecard(BaseModel):
    runs: list[RunResult]
    comparison: Comparison | None = None
    seconds: float = 0.0

    @property
    def failed(self) -> list[str]:
        """A message for every threshold not met, in any run."""
        many = len(self.runs) > 1
        return [
            f"[{result.run.name}] {message}" if many else message
            for result in self.runs
            for message in result.failed
        ]

    @property
    def unscored(self) -> list[str]:
        """Every dataset line not used and every cluster not scored, with why."""
        messages: list[str] = []
        for result in self.runs:
            run = f"[{result.run.name}] " if len(self.runs) > 1 else ""
            for suite in result.suites:
                messages += suite.problems
                messages += [f"{run}{suite.name}/{case.id}: {case.error}" for case in suite.errors]
        return list(dict.fromkeys(messages))


# ---------------------------------------------------------------- thresholds


def load_thresholds(backend: str, path: Path = THRESHOLDS_PATH) -> Thresholds:
    """The reviewed bounds of the built-in suites for one backend ({} where nobody measured)."""
    table = tomllib.loads(path.read_text(encoding="utf-8")).get(backend, {})
    return {bound: dict(table.get(bound, {})) for bound in ("minimum", "maximum")}


def combine(*tables: Thresholds) -> Thresholds:
    """Bounds from several sources; a later one wins for the same metric."""
    combined: Thresholds = {"minimum": {}, "maximum": {}}
    for table in tables:
        for bound, limits in table.items():
            combined[bound] |= limits
    return combined


def threshold_checks(suites: list[SuiteResult], thresholds: Thresholds) -> list[ThresholdCheck]:
    """One check per bound whose suite ran."""
    ran = {result.name: result for result in suites}
    return [
        ThresholdCheck(
            metric=name, value=ran[suite].metrics.get(metric), bound=bound, limit=float(limit)
        )
        for bound, limits in thresholds.items()
        for name, limit in limits.items()
        for suite, _, metric in [name.partition(".")]
        if suite in ran
    ]


# ---------------------------------------------------------------- Markdown


def _number(value: float) -> str:
    return f"{value:.3f}" if abs(value) < 10 else f"{value:.1f}"


def _cell(value: Cell) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return _number(value)
    return str(value).replace("|", "\\|")


def _table(columns: list[str], rows: list[list[Cell]]) -> list[str]:
    lines = ["| " + " | ".join(columns) + " |", "|" + " --- |" * len(columns)]
    lines += ["| " + " | ".join(_cell(value) for value in row) + " |" for row in rows]
    return lines


def _details(title: str, items: list[str]) -> list[str]:
    shown = [f"- {item}" for item in items[:DETAILS_SHOWN]]
    if len(items) > DETAILS_SHOWN:
        shown.append(f"- ... and {len(items) - DETAILS_SHOWN} more (scorecard.json has them all)")
    return ["", f"<details><summary>{title} ({len(items)})</summary>", "", *shown, "", "</details>"]


def _suite_details(suite: SuiteResult) -> dict[str, list[str]]:
    """The suite's own details, then its clusters' (named when there are several)."""
    merged = {title: list(items) for title, items in suite.details.items()}
    many = len(suite.cases) > 1
    for case in suite.cases:
        for title, items in case.details.items():
            merged.setdefault(title, []).extend(f"{case.id}: {i}" if many else i for i in items)
    return merged


def _scores_table(name: str, runs: list[RunResult]) -> list[str]:
    """One row per metric: each run's value (with a failed bound marked), the change from the
    first run, and the bounds."""
    suites = [next((s for s in r.suites if s.name == name), None) for r in runs]
    metrics = list(dict.fromkeys(m for s in suites if s is not None for m in s.metrics))
    checks = [
        {
            check.metric.partition(".")[2]: check
            for check in r.checks
            if check.metric.startswith(f"{name}.")
        }
        for r in runs
    ]
    columns = ["metric", *(r.run.name for r in runs)]
    columns += [f"{r.run.name} − {runs[0].run.name}" for r in runs[1:]]
    columns.append("threshold")
    rows: list[list[Cell]] = []
    for metric in metrics:
        values = [s.metrics.get(metric) if s is not None else None for s in suites]
        cells: list[Cell] = []
        for value, run_checks in zip(values, checks, strict=True):
            check = run_checks.get(metric)
            text = _cell(value)
            cells.append(f"{text} **FAILED**" if check and not check.passed else text)
        first = values[0]
        for value in values[1:]:
            cells.append(None if value is None or first is None else f"{value - first:+.3f}")
        bounds = list(
            dict.fromkeys(
                f"{check.bound} {check.limit:g}"
                for run_checks in checks
                if (check := run_checks.get(metric))
            )
        )
        cells.append("; ".join(bounds))
        rows.append([metric, *cells])
    return _table(columns, rows)


def _verdict(scorecard: Scorecard) -> str:
    parts = []
    if scorecard.failed:
        parts.append(f"{len(scorecard.failed)} threshold(s) failed")
    if scorecard.comparison and scorecard.comparison.regressions:
        parts.append(f"{len(scorecard.comparison.regressions)} regression(s)")
    if scorecard.unscored:
        parts.append(f"{len(scorecard.unscored)} line(s) or cluster(s) not scored")
    return "; ".join(parts) or "all thresholds met"


def _comparison(comparison: Comparison) -> list[str]:
    lines = ["", f"## Against the baseline `{comparison.baseline}`", ""]
    if not comparison.changes:
        lines.append("No metric got worse.")
    else:
        lines.append(
            f"Noise: the {comparison.confidence:.0%} interval of the change when the clusters are "
            f"resampled ({comparison.resamples} paired bootstrap resamples). A drop whose interval "
            "excludes zero is a regression; the others are within noise."
        )
        lines.append("")
        rows: list[list[Cell]] = [
            [
                change.run,
                change.metric,
                change.before,
                change.after,
                f"{change.after - change.before:+.3f}",
                f"{change.low:+.3f} to {change.high:+.3f}",
                "REGRESSION" if change.regression else "within noise",
            ]
            for change in comparison.changes
        ]
        lines += _table(["run", "metric", "baseline", "now", "change", "interval", "verdict"], rows)
        for change in comparison.changes:
            items = [
                f"{c.id}: {_number(c.before)} -> {_number(c.after)} ({c.after - c.before:+.3f})"
                for c in change.worse
            ]
            if items:
                lines += _details(f"[{change.run}] {change.metric}: clusters that got worse", items)
    lines += [f"- {note}" for note in comparison.notes]
    return lines


def render_markdown(scorecard: Scorecard) -> str:
    runs = scorecard.runs
    names = list(dict.fromkeys(s.name for r in runs for s in r.suites))
    run_names = ", ".join(f"`{r.run.name}`" for r in runs)
    lines = [
        "# Eval scorecard",
        "",
        f"{len(runs)} run(s) ({run_names}) of {len(names)} suite(s) in "
        f"{scorecard.seconds:.1f} s; {_verdict(scorecard)}.",
    ]
    if not any(r.checks for r in runs):
        lines.append("No thresholds are set for these runs.")
    lines += [f"- FAILED {message}" for message in scorecard.failed]
    if scorecard.comparison:
        lines += [f"- REGRESSION {c.message()}" for c in scorecard.comparison.regressions]
    for name in names:
        ran = [(r.run.name, s) for r in runs for s in r.suites if s.name == name]
        seconds = ", ".join(
            f"{run} {s.seconds:.1f} s" if len(runs) > 1 else f"{s.seconds:.1f} s" for run, s in ran
        )
        count = len(ran[0][1].cases)
        size = f"{count} cluster{'s' if count > 1 else ''}, " if count else ""
        lines += ["", f"## {name} ({size}{seconds})", "", *_scores_table(name, runs)]
        for r in runs:
            suite = next((s for s in r.suites if s.name == name), None)
            if suite is None:
                continue
            label = f" ({r.run.name})" if len(runs) > 1 else ""
            for table in suite.tables:
                lines += ["", f"### {table.title}{label}", "", *_table(table.columns, table.rows)]
                if table.note:
                    lines += ["", table.note]
            for title, items in _suite_details(suite).items():
                if items:
                    lines += _details(f"{title}{label}", items)
    if scorecard.comparison:
        lines += _comparison(scorecard.comparison)
    if scorecard.unscored:
        lines += ["", "## Not scored", "", *(f"- {message}" for message in scorecard.unscored)]
    return "\n".join(lines) + "\n"
