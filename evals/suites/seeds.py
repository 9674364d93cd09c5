"""Seeds: merge and check the five seed reports, scored against the hand-written gold."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from evals.gold import load_seeds_gold
from evals.metrics import (
    carries_fact,
    citation_precision,
    contested_attribution,
    faithfulness,
    false_conflicts,
    key_fact_coverage,
    score_findings,
    word_count,
)
from evals.neutrality import loaded_word_rate
from evals.scorecard import SuiteResult
from summarize.analyze import analyze
from summarize.ingest import load_inputs
from summarize.judge import Judge
from summarize.pipeline import check, merge

if TYPE_CHECKING:
    from evals.suites import Progress
    from summarize.llm.settings import LLMSettings
    from summarize.models import Backend

# Five reports of ~400-600 words with 12 key facts: a reader's brief needs about 250 words to
# carry them; a short brief of 120 words is scored too (how many key facts fit in it).
SEEDS_MAX_WORDS = 250
SEEDS_SHORT_WORDS = 120


def run_seeds(
    backend: Backend, llm_settings: LLMSettings | None, progress: Progress
) -> SuiteResult:
    progress.start(total=4)
    gold = load_seeds_gold()
    (cluster,) = load_inputs([str(path) for path in gold.source_paths])
    texts = {document.id: document.text for document in cluster.documents}

    report = merge(cluster, SEEDS_MAX_WORDS, backend=backend, llm_settings=llm_settings)
    summary = report.summary or []
    sentences = [s.text for s in summary]
    progress.advance()

    judge_of = Judge(analyze(cluster.documents))

    def judge(claim: str, documents: Sequence[str]) -> str:
        return judge_of.judge(claim, documents).label

    unsupported = [
        f"{s.text} ({verdict.label}: {verdict.reason})"
        for s in summary
        for verdict in [judge_of.judge(s.text, s.citations)]
        if verdict.label != "supported"
    ]

    text = " ".join(sentences)
    metrics: dict[str, float | None] = {
        "merge.coverage": key_fact_coverage(gold.facts, sentences),
        "merge.faithfulness": faithfulness(summary, judge),
        "merge.citation_precision": citation_precision(summary, judge),
        "merge.contested_attribution": contested_attribution(gold.facts, sentences),
        "merge.loaded_rate": loaded_word_rate(text),
        "merge.words": float(word_count(text)),
    }
    progress.advance()

    short = merge(cluster, SEEDS_SHORT_WORDS, backend=backend, llm_settings=llm_settings)
    short_summary = short.summary or []
    short_sentences = [s.text for s in short_summary]
    metrics |= {
        "merge.short.coverage": key_fact_coverage(gold.facts, short_sentences),
        "merge.short.faithfulness": faithfulness(short_summary, judge),
        "merge.short.uncited": float(sum(not s.citations for s in short_summary)),
        "merge.short.words": float(word_count(" ".join(short_sentences))),
    }
    progress.advance()

    findings = check(cluster).findings
    scores = score_findings(findings, gold.findings, texts)
    wrong_conflicts = false_conflicts(findings, gold.non_conflicts, gold.findings, texts)
    metrics |= {
        "check.precision": scores.overall.precision,
        "check.recall": scores.overall.recall,
        "check.f1": scores.overall.f1,
        "check.false_conflicts": float(len(wrong_conflicts)),
        "check.findings": float(len(findings)),
    }
    for kind, score in scores.by_kind.items():
        metrics |= {
            f"check.{kind}.precision": score.precision,
            f"check.{kind}.recall": score.recall,
            f"check.{kind}.f1": score.f1,
        }
    progress.advance()

    return SuiteResult(
        name="seeds",
        metrics=metrics,
        details={
            "summary": [f"{s.text} [{', '.join(s.citations)}]" for s in summary],
            f"summary at {SEEDS_SHORT_WORDS} words": [
                f"{s.text} [{', '.join(s.citations)}]" for s in short_summary
            ],
            "sentences their citations do not support": unsupported,
            "key facts not covered": [
                fact.id
                for fact in gold.facts
                if not any(carries_fact(sentence, fact) for sentence in sentences)
            ],
            "gold findings missed": scores.missed,
            "findings matching no gold": scores.unmatched,
            "false conflicts": [
                " | ".join(e.quote for e in finding.evidence) for finding in wrong_conflicts
            ],
        },
    )
