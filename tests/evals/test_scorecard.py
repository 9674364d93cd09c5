"""Threshold checks and the scorecard's rendering: a regression must fail the run."""

from __future__ import annotations

import json

import pytest

from evals.runs import Run
from evals.scorecard import (
    THRESHOLDS_PATH,
    RunResult,
    Scorecard,
    SuiteResult,
    Table,
    combine,
    load_thresholds,
    render_markdown,
    threshold_checks,
)

THRESHOLDS = {
    "minimum": {"seeds.merge.coverage": 0.5, "neus.merge.rouge1": 30.0},
    "maximum": {"seeds.check.false_conflicts": 0.0},
}


def seeds(coverage: float | None = 0.6, false_conflicts: float = 0.0) -> SuiteResult:
    return SuiteResult(
        name="seeds",
        metrics={"merge.coverage": coverage, "check.false_conflicts": false_conflicts},
    )


def failed(suite: SuiteResult, thresholds: dict = THRESHOLDS) -> list[str]:  # type: ignore[type-arg]
    return [c.message() for c in threshold_checks([suite], thresholds) if not c.passed]


def test_scores_within_bounds_pass() -> None:
    assert failed(seeds()) == []


def test_a_lowered_score_fails() -> None:
    assert failed(seeds(coverage=0.4)) == ["seeds.merge.coverage = 0.4 < minimum 0.5"]


def test_a_raised_count_fails_its_maximum() -> None:
    assert failed(seeds(false_conflicts=2.0)) == ["seeds.check.false_conflicts = 2 > maximum 0"]


def test_a_missing_score_fails_and_a_suite_not_run_is_not_checked() -> None:
    assert failed(seeds(coverage=None)) == ["seeds.merge.coverage: no value (its minimum is 0.5)"]
    checked = {check.metric for check in threshold_checks([seeds()], THRESHOLDS)}
    assert "neus.merge.rouge1" not in checked


def test_every_reviewed_threshold_catches_a_regression() -> None:
    """Build suites exactly at the reviewed bounds, then push each score past its bound."""
    thresholds = load_thresholds("extractive")
    names = [name for limits in thresholds.values() for name in limits]
    assert names, f"no thresholds in {THRESHOLDS_PATH}"
    metrics: dict[str, dict[str, float | None]] = {}
    for limits in thresholds.values():
        for name, limit in limits.items():
            suite, _, metric = name.partition(".")
            metrics.setdefault(suite, {})[metric] = limit
    at_bounds = [SuiteResult(name=suite, metrics=values) for suite, values in metrics.items()]
    assert not [c for c in threshold_checks(at_bounds, thresholds) if not c.passed]
    for bound, limits in thresholds.items():
        for name, limit in limits.items():
            regressed = [suite.model_copy(deep=True) for suite in at_bounds]
            suite, _, metric = name.partition(".")
            step = max(abs(limit) * 0.05, 0.01)
            worse = limit - step if bound == "minimum" else limit + step
            next(r for r in regressed if r.name == suite).metrics[metric] = worse
            fails = [c.metric for c in threshold_checks(regressed, thresholds) if not c.passed]
            assert fails == [name]


def test_a_backend_without_thresholds_checks_nothing() -> None:
    assert load_thresholds("no-such-backend") == {"minimum": {}, "maximum": {}}


def test_later_thresholds_win_for_the_same_metric() -> None:
    shared = {"minimum": {"a.x": 0.5, "a.y": 0.2}}
    own = {"minimum": {"a.x": 0.7}, "maximum": {"a.z": 1.0}}
    assert combine(shared, own) == {"minimum": {"a.x": 0.7, "a.y": 0.2}, "maximum": {"a.z": 1.0}}


def card(*runs: tuple[str, SuiteResult]) -> Scorecard:
    results = []
    for name, suite in runs:
        result = RunResult(run=Run(name=name), suites=[suite])
        result.checks = threshold_checks([suite], THRESHOLDS)
        results.append(result)
    return Scorecard(runs=results)


def test_markdown_shows_scores_bounds_tables_and_failures() -> None:
    suite = seeds(coverage=0.4)
    suite.tables.append(
        Table(title="peers", columns=["system", "R-1"], rows=[["a|b", 41.234], ["c", None]])
    )
    suite.details["missed"] = ["temporal-update"]
    text = render_markdown(card(("extractive", suite)))
    assert "1 threshold(s) failed" in text
    assert "- FAILED seeds.merge.coverage = 0.4 < minimum 0.5" in text
    assert "| merge.coverage | 0.400 **FAILED** | minimum 0.5 |" in text
    assert "| a\\|b | 41.2 |" in text
    assert "| c | – |" in text
    assert "<summary>missed (1)</summary>" in text


def test_a_matrix_has_a_column_per_run_and_the_change_from_the_first() -> None:
    text = render_markdown(card(("extractive", seeds(0.6)), ("llm", seeds(0.9))))
    assert "| metric | extractive | llm | llm − extractive | threshold |" in text
    assert "| merge.coverage | 0.600 | 0.900 | +0.300 | minimum 0.5 |" in text


def test_scorecard_round_trips_through_json() -> None:
    again = Scorecard.model_validate(json.loads(card(("extractive", seeds())).model_dump_json()))
    assert again.runs[0].metric("seeds.merge.coverage") == pytest.approx(0.6)
    with pytest.raises(KeyError):
        again.runs[0].metric("neus.merge.rouge1")
