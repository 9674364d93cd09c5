"""Threshold checks and the scorecard's rendering: a regression must fail the run."""

from __future__ import annotations

import json

import pytest

from evals.scorecard import (
    THRESHOLDS_PATH,
    Scorecard,
    SuiteResult,
    Table,
    failed_thresholds,
    load_thresholds,
    render_markdown,
    threshold_checks,
)

THRESHOLDS = {
    "minimum": {"seeds.merge.coverage": 0.5, "neus.rouge1": 30.0},
    "maximum": {"seeds.check.false_conflicts": 0.0},
}


def scorecard(coverage: float | None = 0.6, false_conflicts: float = 0.0) -> Scorecard:
    return Scorecard(
        backend="extractive",
        suites=[
            SuiteResult(
                name="seeds",
                metrics={
                    "merge.coverage": coverage,
                    "check.false_conflicts": false_conflicts,
                },
            )
        ],
    )


def test_scores_within_bounds_pass() -> None:
    assert failed_thresholds(scorecard(), THRESHOLDS) == []


def test_a_lowered_score_fails() -> None:
    assert failed_thresholds(scorecard(coverage=0.4), THRESHOLDS) == [
        "seeds.merge.coverage = 0.4 < minimum 0.5"
    ]


def test_a_raised_count_fails_its_maximum() -> None:
    assert failed_thresholds(scorecard(false_conflicts=2.0), THRESHOLDS) == [
        "seeds.check.false_conflicts = 2 > maximum 0"
    ]


def test_a_missing_score_fails_and_a_suite_not_run_is_not_checked() -> None:
    failed = failed_thresholds(scorecard(coverage=None), THRESHOLDS)
    assert failed == ["seeds.merge.coverage: no value (its minimum is 0.5)"]
    checked = {check.metric for check in threshold_checks(scorecard(), THRESHOLDS)}
    assert "neus.rouge1" not in checked


def test_every_reviewed_threshold_catches_a_regression() -> None:
    """Build a scorecard exactly at the reviewed bounds, then push each score past its bound."""
    thresholds = load_thresholds("extractive")
    names = [name for limits in thresholds.values() for name in limits]
    assert names, f"no thresholds in {THRESHOLDS_PATH}"
    metrics: dict[str, dict[str, float | None]] = {}
    for limits in thresholds.values():
        for name, limit in limits.items():
            suite, _, metric = name.partition(".")
            metrics.setdefault(suite, {})[metric] = limit
    at_bounds = Scorecard(
        backend="extractive",
        suites=[SuiteResult(name=suite, metrics=values) for suite, values in metrics.items()],
    )
    assert failed_thresholds(at_bounds) == []
    for bound, limits in thresholds.items():
        for name, limit in limits.items():
            regressed = at_bounds.model_copy(deep=True)
            suite, _, metric = name.partition(".")
            step = max(abs(limit) * 0.05, 0.01)
            worse = limit - step if bound == "minimum" else limit + step
            next(r for r in regressed.suites if r.name == suite).metrics[metric] = worse
            assert [message.split(" ")[0] for message in failed_thresholds(regressed)] == [name]


def test_a_backend_without_thresholds_checks_nothing() -> None:
    assert load_thresholds("no-such-backend") == {"minimum": {}, "maximum": {}}


def test_markdown_shows_scores_bounds_tables_and_failures() -> None:
    card = scorecard(coverage=0.4)
    card.checks = threshold_checks(card, THRESHOLDS)
    card.failed = failed_thresholds(card, THRESHOLDS)
    card.suites[0].tables.append(
        Table(title="peers", columns=["system", "R-1"], rows=[["a|b", 41.234], ["c", None]])
    )
    card.suites[0].details["missed"] = ["temporal-update"]
    text = render_markdown(card)
    assert "1 threshold(s) failed" in text
    assert "- FAILED seeds.merge.coverage = 0.4 < minimum 0.5" in text
    assert "| merge.coverage | 0.400 | minimum 0.5 | FAILED |" in text
    assert "| a\\|b | 41.2 |" in text
    assert "| c | – |" in text
    assert "<summary>missed (1)</summary>" in text


def test_scorecard_round_trips_through_json() -> None:
    card = scorecard()
    again = Scorecard.model_validate(json.loads(card.model_dump_json()))
    assert again.metric("seeds.merge.coverage") == pytest.approx(0.6)
    with pytest.raises(KeyError):
        again.metric("neus.rouge1")
