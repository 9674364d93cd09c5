"""Scoring one cluster, and the scores of a dataset from its clusters' scores.

Every cluster gets faithfulness and citation precision (the support judge), loaded-word rates
and its length; the gold a line carries adds ROUGE (reference), key-fact coverage, checker
precision / recall / F1 and false conflicts. A dataset's score is the weighted mean of its
clusters' scores (the weight is what the share counts: facts, sentences, citations, findings;
1 for rates and ROUGE), a count's is the total, and an F1 is computed from the precision and
recall. The regression gate resamples clusters with the same `aggregate`.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from evals.dataset import EvalCase
from evals.metrics import (
    carries_fact,
    citation_precision,
    contested_attribution,
    faithfulness,
    false_conflicts,
    key_fact_coverage,
    retold_share,
    rouge_scores,
    score_findings,
    word_count,
)
from evals.neutrality import loaded_word_rate, novel_loaded_rate
from evals.scorecard import CaseResult
from summarize.analyze import analyze
from summarize.judge import Judge
from summarize.models import Analysis, Report, SummarySentence, SupportVerdict
from summarize.text.tokens import content_terms

Aggregate = Literal["mean", "total", "f1"]


@dataclass(frozen=True)
class MetricKind:
    aggregate: Aggregate
    direction: int  # +1 higher is better, -1 lower is better, 0 neither (a length, a count)


# By the last part of a metric's name ("check.framing.recall" -> "recall").
_KINDS = {
    "f1": MetricKind("f1", 1),
    "false_conflicts": MetricKind("total", -1),
    "loaded_rate": MetricKind("mean", -1),
    "novel_loaded_rate": MetricKind("mean", -1),
    "added_loaded_rate": MetricKind("mean", -1),
    "retold": MetricKind("mean", -1),
    "words": MetricKind("mean", 0),
    "length_ratio": MetricKind("mean", 0),
    "findings": MetricKind("mean", 0),
}
_SHARE = MetricKind("mean", 1)


def metric_kind(name: str) -> MetricKind:
    return _KINDS.get(name.rpartition(".")[2], _SHARE)


def _f1(precision: float | None, recall: float | None) -> float | None:
    if precision is None or recall is None:
        return None
    return 0.0 if precision + recall == 0 else 2 * precision * recall / (precision + recall)


def aggregate(cases: Sequence[CaseResult], name: str) -> float | None:
    """The dataset's value of metric `name` from its clusters' (None when no cluster has one)."""
    kind = metric_kind(name)
    if kind.aggregate == "f1":
        stem = name.removesuffix("f1")
        return _f1(aggregate(cases, stem + "precision"), aggregate(cases, stem + "recall"))
    values = [
        (value, case.weights.get(name, 1.0))
        for case in cases
        if (value := case.scores.get(name)) is not None
    ]
    if kind.aggregate == "total":
        return float(sum(value for value, _ in values)) if values else None
    total_weight = sum(weight for _, weight in values)
    if not total_weight:
        return None
    return sum(value * weight for value, weight in values) / total_weight


# The order of the scorecard's rows; a checker score by kind ("check.framing.recall") follows.
ORDER = (
    "merge.coverage",
    "merge.faithfulness",
    "merge.citation_precision",
    "merge.contested_attribution",
    "merge.rouge1",
    "merge.rouge2",
    "merge.rougeLsum",
    "merge.loaded_rate",
    "merge.novel_loaded_rate",
    "merge.added_loaded_rate",
    "merge.retold",
    "merge.words",
    "merge.length_ratio",
    "merge.within_length",
    "check.precision",
    "check.recall",
    "check.f1",
    "check.false_conflicts",
    "check.findings",
)


def metric_names(cases: Sequence[CaseResult]) -> list[str]:
    """Every metric some cluster has, in ORDER, then the checker's by kind."""
    names = {name for case in cases for name in case.scores}
    known = [name for name in ORDER if name in names]
    last = ("precision", "recall", "f1")

    def by_kind(name: str) -> tuple[str, int, str]:
        stem, _, end = name.rpartition(".")
        return stem, last.index(end) if end in last else len(last), end

    return known + sorted(names - set(known), key=by_kind)


def aggregate_all(cases: Sequence[CaseResult]) -> dict[str, float | None]:
    scored = [case for case in cases if case.error is None]
    return {name: aggregate(scored, name) for name in metric_names(scored)}


# ---------------------------------------------------------------- one cluster


class _Scores:
    """A cluster's scores as they are added, each with its weight."""

    def __init__(self) -> None:
        self.scores: dict[str, float | None] = {}
        self.weights: dict[str, float] = {}

    def add(self, name: str, value: float | None, weight: float | None = None) -> None:
        self.scores[name] = value
        if weight is not None:
            self.weights[name] = float(weight)


def _full_names(analysis: Analysis, text: str) -> list[str]:
    """The names of two words or more that `text` gives (the analysis's entities)."""
    return [
        variant
        for entity in analysis.entities
        for variant in entity.variants
        if " " in variant and variant in text
    ]


def _summary_scores(
    case: EvalCase, summary: Sequence[SummarySentence], max_words: int | None, scores: _Scores
) -> dict[str, list[str]]:
    gold = case.gold
    sentences = [sentence.text for sentence in summary]
    text = " ".join(sentences)
    analysis = analyze(case.cluster.documents)
    judge_of = Judge(analysis)
    # What a reader checking a citation finds at a glance: the headline, and the names the
    # report gives ("Pelosi blasts ..." above "House Speaker Nancy Pelosi said ...").
    titles = {
        d.id: set(content_terms(f"{d.title or ''} {' '.join(_full_names(analysis, d.text))}"))
        for d in case.cluster.documents
    }

    @functools.cache
    def verdict(claim: str, documents: tuple[str, ...]) -> SupportVerdict:
        # A reader checking a citation reads the whole report, headline included, where the
        # judge reads report bodies: a sentence whose every content word a cited report's title
        # or its names have (the headline, cut; a name given in full) is supported by it.
        terms = set(content_terms(claim))
        if terms and any(terms <= titles.get(document, set()) for document in documents):
            return SupportVerdict(label="supported", score=1.0, reason="a cited report's title")
        return judge_of.judge(claim, list(documents))

    def judge(claim: str, documents: Sequence[str]) -> str:
        return verdict(claim, tuple(documents)).label

    if gold.key_facts:
        scores.add(
            "merge.coverage", key_fact_coverage(gold.key_facts, sentences), len(gold.key_facts)
        )
    pairs = sum(len(dict.fromkeys(sentence.citations)) for sentence in summary)
    scores.add(
        "merge.faithfulness", faithfulness(summary, judge) if summary else None, len(summary)
    )
    scores.add("merge.citation_precision", citation_precision(summary, judge), pairs)
    contested = [fact for fact in gold.key_facts if fact.contested]
    if contested:
        covered = sum(any(carries_fact(s, fact) for s in sentences) for fact in contested)
        scores.add(
            "merge.contested_attribution", contested_attribution(contested, sentences), covered
        )
    if gold.reference is not None:
        for name, value in rouge_scores(text, gold.reference).items():
            scores.add(f"merge.{name}", value)
    scores.add("merge.loaded_rate", loaded_word_rate(text))
    if gold.reference is not None:
        scores.add("merge.novel_loaded_rate", novel_loaded_rate(text, gold.reference))
    sources = " ".join(document.text for document in case.cluster.documents)
    scores.add("merge.added_loaded_rate", novel_loaded_rate(text, sources))
    scores.add("merge.retold", retold_share(sentences), max(len(sentences) - 1, 0))
    words = word_count(text)
    scores.add("merge.words", float(words))
    if gold.reference is not None and (reference_words := word_count(gold.reference)):
        scores.add("merge.length_ratio", words / reference_words)
    if max_words is not None:
        scores.add("merge.within_length", float(words <= max_words))

    verdicts = [(s, verdict(s.text, tuple(s.citations))) for s in summary]
    return {
        "summary": [f"{s.text} [{', '.join(s.citations)}]" for s in summary],
        "sentences their citations do not support": [
            f"{sentence.text} ({verdict.label}: {verdict.reason})"
            for sentence, verdict in verdicts
            if verdict.label != "supported"
        ],
        "key facts not covered": [
            fact.id
            for fact in gold.key_facts
            if not any(carries_fact(sentence, fact) for sentence in sentences)
        ],
    }


def _check_scores(case: EvalCase, report: Report, scores: _Scores) -> dict[str, list[str]]:
    gold = case.gold
    texts = {document.id: document.text for document in case.cluster.documents}
    details: dict[str, list[str]] = {}
    findings = report.findings
    expected, traps = gold.expected_findings, gold.not_conflicts
    found = (
        score_findings(findings, expected, texts, traps, gold.judged_false)
        if gold.labels_findings
        else None
    )
    if found is not None:
        scores.add("check.precision", found.overall.precision, found.overall.predicted)
        scores.add("check.recall", found.overall.recall, found.overall.gold)
        scores.add("check.f1", found.overall.f1)
        high = [finding for finding in findings if finding.severity == "high"]
        high_found = score_findings(high, expected, texts, traps)
        scores.add("check.high.precision", high_found.overall.precision, len(high))
        details |= {
            "gold findings missed": found.missed,
            "findings matching no gold": found.unmatched,
            "findings judged false before": found.judged_false,
        }
    if gold.expected_findings or gold.not_conflicts:
        wrong = false_conflicts(findings, gold.not_conflicts, gold.expected_findings, texts)
        scores.add("check.false_conflicts", float(len(wrong)))
        details["false conflicts"] = [
            " | ".join(e.quote for e in finding.evidence) for finding in wrong
        ]
    scores.add("check.findings", float(len(findings)))
    if found is not None:
        for kind, score in found.by_kind.items():
            scores.add(f"check.{kind}.precision", score.precision, score.predicted)
            scores.add(f"check.{kind}.recall", score.recall, score.gold)
            scores.add(f"check.{kind}.f1", score.f1)
    return details


def score_case(case: EvalCase, report: Report, max_words: int | None = None) -> CaseResult:
    """The cluster's scores: the summary's (when the report has one; `max_words` is the length
    it was asked for, if one was given) and the checker's."""
    scores = _Scores()
    details: dict[str, list[str]] = {}
    if report.summary is not None:
        details |= _summary_scores(case, report.summary, max_words, scores)
    details |= _check_scores(case, report, scores)
    return CaseResult(id=case.id, scores=scores.scores, weights=scores.weights, details=details)
