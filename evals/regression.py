"""The regression gate: compare a scorecard with a baseline scorecard, cluster by cluster.

For every metric that got worse, the clusters scored in both are resampled with replacement
(a paired bootstrap: the same clusters for the baseline and now, so that how hard a cluster is
cancels out) and the metric's change is computed on each resample, with the same aggregate as
the scorecard (weighted mean, total, or F1 from precision and recall). A drop is a regression
when its confidence interval lies wholly on the worse side of zero; otherwise it is within the
noise the clusters give. A suite without per-cluster scores (SummEdits) is compared but not
gated: its thresholds guard it.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import NDArray

from evals.scorecard import (
    CaseResult,
    ClusterChange,
    Comparison,
    MetricChange,
    RunResult,
    Scorecard,
    SuiteResult,
)
from evals.scoring import aggregate, metric_kind, metric_names

RESAMPLES = 1000
CONFIDENCE = 0.95
SEED = 2024  # fixed: the same scorecards always give the same verdict
TOLERANCE = 1e-9  # float noise, not a change


def _resampled(
    cases: Sequence[CaseResult], name: str, picks: NDArray[np.int_]
) -> NDArray[np.float64]:
    """The metric on each resample (one row of `picks` = the indexes of one resample); NaN
    where a resample has no cluster with a value."""
    kind = metric_kind(name)
    if kind.aggregate == "f1":
        stem = name.removesuffix("f1")
        precision = _resampled(cases, stem + "precision", picks)
        recall = _resampled(cases, stem + "recall", picks)
        total = precision + recall
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(total == 0, 0.0, 2 * precision * recall / total)
    present = np.array([case.scores.get(name) is not None for case in cases])
    values = np.array([case.scores.get(name) or 0.0 for case in cases])
    weights = np.array([case.weights.get(name, 1.0) for case in cases]) * present
    if kind.aggregate == "total":
        sums = values[picks].sum(axis=1)
        return np.where(present[picks].any(axis=1), sums, np.nan)
    weight = weights[picks].sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(weight > 0, (values * weights)[picks].sum(axis=1) / weight, np.nan)


def _worse_clusters(
    before: Sequence[CaseResult], after: Sequence[CaseResult], name: str, direction: int
) -> list[ClusterChange]:
    changes = [
        ClusterChange(id=now.id, before=old_value, after=new_value)
        for old, now in zip(before, after, strict=True)
        if (old_value := old.scores.get(name)) is not None
        and (new_value := now.scores.get(name)) is not None
        and direction * (new_value - old_value) < -TOLERANCE
    ]
    return sorted(changes, key=lambda change: direction * (change.after - change.before))


def _paired(before: SuiteResult, after: SuiteResult) -> tuple[list[CaseResult], list[CaseResult]]:
    scored_before = {case.id: case for case in before.cases if case.error is None}
    pairs = [
        (scored_before[c.id], c) for c in after.cases if c.error is None and c.id in scored_before
    ]
    return [old for old, _ in pairs], [now for _, now in pairs]


def compare_suite(
    run: str, before: SuiteResult, after: SuiteResult, notes: list[str]
) -> list[MetricChange]:
    if not before.cases or not after.cases:
        for name, value in after.metrics.items():
            old = before.metrics.get(name)
            direction = metric_kind(name).direction
            if value is not None and old is not None and direction * (value - old) < -TOLERANCE:
                notes.append(
                    f"[{run}] {after.name}.{name} {old:.4g} -> {value:.4g}: no per-cluster scores "
                    "to estimate its noise, so not gated (its threshold still applies)"
                )
        return []
    old_cases, new_cases = _paired(before, after)
    unpaired = len(after.cases) - len(new_cases)
    if unpaired:
        notes.append(
            f"[{run}] {after.name}: {unpaired} cluster(s) not scored in both scorecards; "
            f"compared on the {len(new_cases)} that are"
        )
    if not new_cases:
        return []
    picks = np.random.default_rng(SEED).integers(0, len(new_cases), (RESAMPLES, len(new_cases)))
    tail = 100 * (1 - CONFIDENCE) / 2
    changes = []
    for name in metric_names(new_cases):
        direction = metric_kind(name).direction
        old, now = aggregate(old_cases, name), aggregate(new_cases, name)
        if direction == 0 or old is None or now is None or direction * (now - old) >= -TOLERANCE:
            continue
        differences = _resampled(new_cases, name, picks) - _resampled(old_cases, name, picks)
        low, high = (float(x) for x in np.nanpercentile(differences, [tail, 100 - tail]))
        beyond = high < -TOLERANCE if direction > 0 else low > TOLERANCE
        changes.append(
            MetricChange(
                run=run,
                metric=f"{after.name}.{name}",
                before=old,
                after=now,
                low=low,
                high=high,
                clusters=len(new_cases),
                regression=beyond,
                worse=_worse_clusters(old_cases, new_cases, name, direction),
            )
        )
    return changes


def compare(scorecard: Scorecard, baseline: Scorecard, baseline_name: str) -> Comparison:
    """Every metric of `scorecard` that is worse than in `baseline` (same run and suite names),
    each with its noise and the clusters that got worse."""
    before_runs = {result.run.name: result for result in baseline.runs}
    changes: list[MetricChange] = []
    notes: list[str] = []
    for result in scorecard.runs:
        before_run: RunResult | None = before_runs.get(result.run.name)
        if before_run is None:
            notes.append(f"run '{result.run.name}' is not in the baseline: not compared")
            continue
        before_suites = {suite.name: suite for suite in before_run.suites}
        for suite in result.suites:
            if suite.name not in before_suites:
                notes.append(f"[{result.run.name}] suite '{suite.name}' is not in the baseline")
                continue
            changes += compare_suite(result.run.name, before_suites[suite.name], suite, notes)
    return Comparison(
        baseline=baseline_name,
        confidence=CONFIDENCE,
        resamples=RESAMPLES,
        changes=changes,
        notes=notes,
    )
