"""The suites and the runner: the NeuS data and peers, a smoke run of the seeds suite."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.metrics import retold_share
from evals.neutrality import loaded_word_rate, novel_loaded_rate
from evals.runner import run_evals, write_scorecard
from evals.suites import DEFAULT_SUITES, SEALED, SUITES, DatasetSuite, builtin_suite
from evals.suites import summedits as summedits_suite
from evals.suites.neus import (
    PEERS,
    clean_output,
    load_neus,
    load_peer,
    pooled_retold,
    score_system,
)
from evals.summedits import EDIT_TYPES
from summarize.text.sentences import split_sentences


def test_neus_data_is_the_307_test_clusters_with_ten_aligned_peers() -> None:
    dataset = load_neus()
    assert dataset.problems == []
    assert len(dataset.cases) == 307
    assert [case.line for case in dataset.cases] == list(range(1, 308))
    assert all(len(c.cluster.documents) == 3 and c.gold.reference for c in dataset.cases)
    for name in PEERS:
        outputs = load_peer(name)
        assert len(outputs) == len(dataset.cases)
        assert all(outputs), name


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("First.<n>Second one.", "First. Second one."),
        ("– The gunman who killed five officers said", "The gunman who killed five officers said"),
        (
            "TITLEAN=> Hope Hicks to Return. ARTICLE=> She will be a counselor.",
            "Hope Hicks to Return. She will be a counselor.",
        ),
        ("A 3–2 vote – narrow", "A 3–2 vote – narrow"),
    ],
)
def test_peer_markup_is_removed_and_words_are_kept(raw: str, clean: str) -> None:
    assert clean_output(raw) == clean


def test_loaded_rates_count_per_100_words_and_discount_the_reference() -> None:
    text = "The radical plan was a brutal failure. Critics said it was a massacre."
    assert loaded_word_rate(text) == pytest.approx(100 * 2 / 13)
    assert novel_loaded_rate(text, "Brutal, radical: the plan failed.") == 0.0
    assert novel_loaded_rate(text, "The plan failed, radically.") == pytest.approx(100 / 13)
    assert loaded_word_rate("") == 0.0


def test_every_system_is_scored_the_same_way() -> None:
    references = ["Port workers went on strike over pay on Tuesday."]
    same = score_system("copy", references, references)
    assert same.rouge1 == pytest.approx(100.0)
    other = score_system("other", ["A radical union wrecked the port."], references)
    assert other.rouge1 < 30
    assert other.novel_loaded_rate > 0
    assert same.row()[0] == "copy" and len(same.row()) == 8
    assert same.retold is None  # one sentence: nothing to retell


def test_retold_counts_sentences_that_retell_an_earlier_one() -> None:
    headline = "Twitter permanently bans Alex Jones. Twitter permanently blacklists Alex Jones."
    assert retold_share(split_sentences(headline)) == 1.0
    assert pooled_retold([headline, "Port workers struck. The mayor met them on Friday."]) == 0.5


def test_seeds_suite_smoke_run_writes_a_scorecard(tmp_path: Path) -> None:
    card = run_evals(["seeds"], progress=False)
    write_scorecard(card, tmp_path)
    (run,) = card.runs
    metrics = run.suites[0].metrics
    for name in ("merge.coverage", "merge.faithfulness", "check.precision", "check.recall"):
        assert 0.0 <= metrics[name] <= 1.0, name  # type: ignore[operator]
    assert metrics["merge.words"] <= 250  # type: ignore[operator]
    assert run.checks, "the seeds suite has thresholds"
    assert card.failed == []
    written = json.loads((tmp_path / "scorecard.json").read_text())
    assert written["runs"][0]["suites"][0]["name"] == "seeds"
    assert written["runs"][0]["suites"][0]["cases"][0]["id"] == "syria-hama"
    assert "## seeds" in (tmp_path / "scorecard.md").read_text()


def test_an_unknown_suite_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown eval suite"):
        run_evals(["nope"], progress=False)


def test_summedits_suite_reports_ours_next_to_the_published_figures(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scores = {
        "pairs": 4,
        "balanced_accuracy": 62.5,
        "recall": 50.0,
        "specificity": 75.0,
        "recall_by_edit": dict.fromkeys(EDIT_TYPES, 50.0),
    }
    monkeypatch.setattr(
        summedits_suite, "evaluate_summedits", lambda limit: {"all": scores, "test": scores}
    )
    result = run_evals(["summedits"], progress=False).runs[0].suites[0]
    assert result.metrics["balanced_accuracy"] == 62.5
    assert result.metrics["recall.antonym_swap"] == 50.0
    detectors = [row[0] for row in result.tables[0].rows]
    assert detectors[2:] == list(summedits_suite.PUBLISHED)


def test_summarize_eval_refuses_an_unknown_suite() -> None:
    from typer.testing import CliRunner

    from summarize.cli import app

    result = CliRunner().invoke(app, ["eval", "nope"])
    assert result.exit_code == 2
    assert "unknown eval suite" in result.stderr


@pytest.mark.parametrize(
    "name",
    [
        "checker_dev",
        "checker_test",
        "checker_sealed",
        "checker_heldout",
        "checker_review",
        "checker_fresh",
        "checker_blind",
    ],
)
def test_each_labelled_checker_set_loads_with_every_quote_found(name: str) -> None:
    suite = builtin_suite(name)
    assert isinstance(suite, DatasetSuite)
    dataset = suite.load()
    assert dataset.cases and dataset.problems == []


def test_the_sealed_set_runs_only_when_named() -> None:
    assert "checker_sealed" in SUITES and "checker_sealed" not in DEFAULT_SUITES
    assert set(DEFAULT_SUITES) == set(SUITES) - set(SEALED)


def test_a_judged_finding_is_gold_by_its_quote_before_the_ellipsis() -> None:
    from evals.suites.checker_judged import _gold_finding

    texts = {"a-1": "The council approved the budget on Thursday after a long debate."}
    item = {
        "kind": "unique_claim",
        "label": "acceptable",
        "quotes": [{"doc": "a-1", "quote": "The council approved the budget on Thu…"}],
    }
    gold = _gold_finding(item, texts)
    assert gold is not None and gold["required"] is False
    assert gold["evidence"] == [
        {"document": "a-1", "quote": "The council approved the budget on Thu"}
    ]
    assert _gold_finding({**item, "label": "real"}, texts)["required"] is True  # type: ignore[index]
    assert _gold_finding({**item, "kind": "claim_contradiction"}, texts) is None
    missing = {**item, "quotes": [{"doc": "a-1", "quote": "Not in the report"}]}
    assert _gold_finding(missing, texts) is None
