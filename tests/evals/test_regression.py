"""The regression gate: a drop beyond the noise of the clusters fails, one within it does not."""

from __future__ import annotations

import random

from evals.regression import compare
from evals.runs import Run
from evals.scorecard import CaseResult, RunResult, Scorecard, SuiteResult
from evals.scoring import aggregate_all


def scorecard(
    values: dict[str, list[float]], run: str = "extractive", suite: str = "news"
) -> Scorecard:
    """One run, one dataset suite whose clusters c0, c1... have these scores."""
    count = len(next(iter(values.values())))
    cases = [
        CaseResult(id=f"c{i}", scores={name: column[i] for name, column in values.items()})
        for i in range(count)
    ]
    result = SuiteResult(name=suite, metrics=aggregate_all(cases), cases=cases)
    return Scorecard(runs=[RunResult(run=Run(name=run), suites=[result])])


def noisy(count: int, shift: float = 0.0, seed: int = 1) -> list[float]:
    generator = random.Random(seed)
    return [min(1.0, max(0.0, generator.uniform(0.3, 0.9) + shift)) for _ in range(count)]


def test_the_same_scores_are_no_change() -> None:
    card = scorecard({"merge.coverage": noisy(40)})
    comparison = compare(card, card, "base.json")
    assert comparison.changes == [] and comparison.regressions == []


def test_a_drop_in_most_clusters_is_a_regression_naming_the_worst_clusters_first() -> None:
    before = noisy(40)
    after = [value - 0.1 for value in before]
    after[7] -= 0.3
    comparison = compare(
        scorecard({"merge.coverage": after}), scorecard({"merge.coverage": before}), "base.json"
    )
    (change,) = comparison.regressions
    assert change.metric == "news.merge.coverage" and change.run == "extractive"
    assert change.after - change.before < 0 and change.high < 0
    assert change.clusters == 40
    assert change.worse[0].id == "c7" and len(change.worse) == 40
    assert "beyond its noise" in change.message()


def test_a_drop_in_one_cluster_of_many_is_within_noise() -> None:
    before = noisy(40)
    after = list(before)
    after[3] = max(0.0, after[3] - 0.4)
    comparison = compare(
        scorecard({"merge.coverage": after}), scorecard({"merge.coverage": before}), "b"
    )
    (change,) = comparison.changes
    assert not change.regression and change.low < 0 < change.high + 1e-12
    assert [c.id for c in change.worse] == ["c3"]
    assert "within noise" in change.message()


def test_with_one_cluster_any_drop_is_beyond_noise() -> None:
    comparison = compare(
        scorecard({"merge.coverage": [0.75]}), scorecard({"merge.coverage": [0.8]}), "b"
    )
    assert len(comparison.regressions) == 1


def test_lower_is_better_for_loaded_words_and_lengths_are_not_gated() -> None:
    before = {"merge.loaded_rate": noisy(30), "merge.words": noisy(30)}
    worse = {
        "merge.loaded_rate": [v + 0.2 for v in before["merge.loaded_rate"]],
        "merge.words": [v + 50 for v in before["merge.words"]],
    }
    better = {
        "merge.loaded_rate": [v - 0.2 for v in before["merge.loaded_rate"]],
        "merge.words": before["merge.words"],
    }
    assert [c.metric for c in compare(scorecard(worse), scorecard(before), "b").regressions] == [
        "news.merge.loaded_rate"
    ]
    assert compare(scorecard(better), scorecard(before), "b").changes == []


def test_f1_and_totals_are_resampled_like_the_scorecard_aggregates_them() -> None:
    before = {
        "check.precision": [1.0] * 20,
        "check.recall": [1.0] * 20,
        "check.false_conflicts": [0.0] * 20,
        "check.f1": [1.0] * 20,
    }
    after = {
        "check.precision": [0.5] * 20,
        "check.recall": [1.0] * 20,
        "check.false_conflicts": [0.0] * 19 + [2.0],
        "check.f1": [2 / 3] * 20,
    }
    changes = {c.metric: c for c in compare(scorecard(after), scorecard(before), "b").changes}
    assert set(changes) == {"news.check.precision", "news.check.f1", "news.check.false_conflicts"}
    assert changes["news.check.f1"].regression
    assert changes["news.check.false_conflicts"].after == 2.0
    assert not changes["news.check.false_conflicts"].regression  # one cluster of twenty


def test_clusters_runs_and_suites_missing_from_the_baseline_are_said_not_compared() -> None:
    before = scorecard({"merge.coverage": [0.5, 0.5]})
    after = scorecard({"merge.coverage": [0.5, 0.5, 0.9]})
    assert "1 cluster(s) not scored in both" in compare(after, before, "b").notes[0]
    other_run = scorecard({"merge.coverage": [0.5]}, run="llm")
    assert compare(other_run, before, "b").notes == [
        "run 'llm' is not in the baseline: not compared"
    ]
    other_suite = scorecard({"merge.coverage": [0.5]}, suite="seeds")
    assert "suite 'seeds' is not in the baseline" in compare(other_suite, before, "b").notes[0]


def test_a_suite_without_clusters_is_compared_but_not_gated() -> None:
    def summedits(accuracy: float) -> Scorecard:
        suite = SuiteResult(name="summedits", metrics={"balanced_accuracy": accuracy})
        return Scorecard(runs=[RunResult(run=Run(), suites=[suite])])

    comparison = compare(summedits(69.0), summedits(70.6), "b")
    assert comparison.changes == []
    assert "not gated" in comparison.notes[0] and "70.6 -> 69" in comparison.notes[0]
