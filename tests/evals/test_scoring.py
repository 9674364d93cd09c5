"""Scoring a cluster (each gold field adds its scores) and a dataset from its clusters."""

from __future__ import annotations

import json

import pytest

from evals.dataset import EvalCase, parse_dataset
from evals.runs import Run
from evals.scorecard import CaseResult
from evals.scoring import aggregate, aggregate_all, metric_kind, metric_names, score_case
from evals.solver import evaluate_case
from summarize.models import Report, SummarySentence
from tests.evals.test_dataset import GOOD
from tests.stories import STRIKE


def case_of(line: dict[str, object]) -> EvalCase:
    dataset = parse_dataset("test", "test.jsonl", json.dumps(line))
    assert dataset.problems == []
    return dataset.cases[0]


def test_every_cluster_gets_faithfulness_citations_neutrality_and_length() -> None:
    result = evaluate_case(case_of({"id": "strike", "sources": list(STRIKE.values())}), Run())
    assert result.error is None
    assert list(result.scores) == [
        "merge.faithfulness",
        "merge.citation_precision",
        "merge.loaded_rate",
        "merge.added_loaded_rate",
        "merge.retold",
        "merge.words",
        "check.findings",
    ]
    assert result.scores["merge.faithfulness"] == 1.0
    assert result.details["summary"]


def test_each_gold_field_adds_its_scores() -> None:
    result = evaluate_case(case_of(GOOD), Run())
    scores = result.scores
    assert scores["merge.coverage"] == 1.0 and result.weights["merge.coverage"] == 2
    assert 0 < scores["merge.rouge1"] <= 100  # type: ignore[operator]
    assert scores["merge.novel_loaded_rate"] is not None
    assert scores["merge.within_length"] == 1.0
    assert scores["check.recall"] == 1.0  # the 40 vs 25 dead conflict is found
    assert scores["check.quantity_conflict.recall"] == 1.0
    assert scores["check.false_conflicts"] == 0.0  # 30 km and 19 miles are one distance
    assert result.weights["merge.faithfulness"] == len(result.details["summary"])


def test_a_summary_gets_the_judges_verdicts_and_the_missed_facts() -> None:
    case = case_of(GOOD)
    report = Report(
        documents=[],
        findings=[],
        summary=[
            SummarySentence(text="An earthquake killed 5 people on Monday.", citations=["wire"]),
            SummarySentence(
                text="Rescue teams pulled 12 survivors from collapsed buildings overnight.",
                citations=["wire", "tabloid"],
            ),
        ],
    )
    result = score_case(case, report)
    assert result.scores["merge.faithfulness"] == 0.5
    assert result.scores["merge.citation_precision"] == 2 / 3
    assert result.weights["merge.citation_precision"] == 3
    assert result.details["key facts not covered"] == ["fact-2"]
    assert "contradicted" in result.details["sentences their citations do not support"][0]
    assert result.scores["check.recall"] == 0.0
    assert result.scores["check.precision"] is None  # nothing reported, nothing to be wrong


def test_a_sentence_a_cited_report_s_headline_states_is_supported_by_that_report() -> None:
    """The judge reads report bodies; a reader checking the citation reads the headline too."""
    headline = "Reporters Reach The Stricken Valley First"
    tabloid = {**GOOD["sources"][2], "title": headline}  # type: ignore[index, dict-item]
    case = case_of({"id": "quake", "sources": [tabloid]})
    report = Report(
        documents=[],
        findings=[],
        summary=[
            SummarySentence(text="Reporters reach the stricken valley.", citations=["tabloid"]),
            SummarySentence(text="Reporters reach the valley on Friday.", citations=["tabloid"]),
        ],
    )
    result = score_case(case, report)
    assert result.scores["merge.citation_precision"] == 0.5
    unsupported = result.details["sentences their citations do not support"]
    assert len(unsupported) == 1 and "Friday" in unsupported[0]


def case_result(name: str, **scores: tuple[float | None, float]) -> CaseResult:
    return CaseResult(
        id=name,
        scores={metric: value for metric, (value, _) in scores.items()},
        weights={metric: weight for metric, (_, weight) in scores.items()},
    )


def test_shares_pool_what_they_count_counts_add_up_and_f1_is_recomputed() -> None:
    cases = [
        case_result(
            "a",
            **{
                "merge.coverage": (1.0, 1),
                "check.precision": (0.5, 2),
                "check.recall": (1.0, 1),
                "check.f1": (0.667, 1),
                "check.false_conflicts": (1.0, 1),
            },
        ),
        case_result(
            "b",
            **{
                "merge.coverage": (0.25, 4),
                "check.precision": (None, 0),
                "check.recall": (0.0, 3),
                "check.f1": (None, 1),
                "check.false_conflicts": (2.0, 1),
            },
        ),
    ]
    assert aggregate(cases, "merge.coverage") == pytest.approx(2 / 5)  # 2 of 5 facts
    assert aggregate(cases, "check.precision") == 0.5
    assert aggregate(cases, "check.recall") == pytest.approx(1 / 4)
    assert aggregate(cases, "check.f1") == pytest.approx(2 * 0.5 * 0.25 / 0.75)
    assert aggregate(cases, "check.false_conflicts") == 3.0
    assert aggregate(cases, "merge.rouge1") is None


def test_an_errored_cluster_is_left_out_of_the_scores() -> None:
    cases = [
        case_result("a", **{"merge.words": (80.0, 1)}),
        CaseResult(id="b", error="the LLM failed"),
    ]
    assert aggregate_all(cases) == {"merge.words": 80.0}


def test_metrics_come_in_a_fixed_order_and_say_which_way_is_better() -> None:
    names = [
        "check.framing.f1",
        "check.framing.recall",
        "check.recall",
        "merge.words",
        "merge.coverage",
        "check.framing.precision",
    ]
    assert metric_names([case_result("a", **{name: (1.0, 1) for name in names})]) == [
        "merge.coverage",
        "merge.words",
        "check.recall",
        "check.framing.precision",
        "check.framing.recall",
        "check.framing.f1",
    ]
    assert metric_kind("merge.loaded_rate").direction == -1
    assert metric_kind("check.false_conflicts").aggregate == "total"
    assert metric_kind("merge.words").direction == 0
    assert metric_kind("check.framing.recall").direction == 1


def test_a_cluster_labelled_with_no_findings_makes_every_finding_a_false_alarm() -> None:
    sources = list(STRIKE.values())
    unlabelled = evaluate_case(case_of({"id": "strike", "sources": sources}), Run())
    assert unlabelled.scores["check.findings"]  # the checker finds something on this story
    assert "check.precision" not in unlabelled.scores  # nobody said what it should find
    labelled = evaluate_case(
        case_of({"id": "strike", "sources": sources, "expected_findings": []}), Run()
    )
    assert labelled.scores["check.precision"] == 0.0
