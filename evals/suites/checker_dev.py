"""Checker dev set: the consistency report on 48 NeuS clusters, scored against what three readers
found in them (`data/checker_dev/`): precision of each finding kind and of `high` findings,
recall of the real disagreements, findings per cluster, and false conflicts.

A finding is correct when it matches a required or an acceptable gold item (an optional finding,
or a listed non-conflict whose allowed kinds include its kind); one matching nothing is a false
alarm. Document ids are unique across clusters, so the clusters are scored as one pool.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evals.gold import load_checker_dev
from evals.metrics import false_conflicts, score_findings
from evals.scorecard import Cell, SuiteResult, Table
from evals.suites.neus import load_clusters
from summarize.ingest import cluster_from_record
from summarize.models import KIND_LABELS, Finding
from summarize.pipeline import check

if TYPE_CHECKING:
    from evals.suites import Progress
    from summarize.llm.settings import LLMSettings
    from summarize.models import Backend


def run_checker_dev(
    backend: Backend, llm_settings: LLMSettings | None, progress: Progress
) -> SuiteResult:
    gold = load_checker_dev()
    records = {record["id"]: record for record in load_clusters()}
    progress.start(total=len(gold))
    predicted: list[Finding] = []
    texts: dict[str, str] = {}
    for item in gold:
        cluster = cluster_from_record(records[item.cluster])
        texts |= {document.id: document.text for document in cluster.documents}
        predicted += check(cluster, backend=backend, llm_settings=llm_settings).findings
        progress.advance()
    findings = [finding for item in gold for finding in item.findings]
    non_conflicts = [trap for item in gold for trap in item.non_conflicts]
    scores = score_findings(predicted, findings, texts, non_conflicts)
    high = score_findings(
        [f for f in predicted if f.severity == "high"], findings, texts, non_conflicts
    )
    wrong_conflicts = false_conflicts(predicted, non_conflicts, findings, texts)
    metrics: dict[str, float | None] = {
        "precision": scores.overall.precision,
        "recall": scores.overall.recall,
        "f1": scores.overall.f1,
        "high.precision": high.overall.precision,
        "high.findings": float(high.overall.predicted),
        "findings_per_cluster": len(predicted) / len(gold),
        "false_conflicts": float(len(wrong_conflicts)),
    }
    rows: list[list[Cell]] = []
    for kind in KIND_LABELS:
        score = scores.by_kind.get(kind)
        if score is None:
            continue
        metrics |= {f"{kind}.precision": score.precision, f"{kind}.recall": score.recall}
        rows.append([kind, score.predicted, score.precision, score.gold, score.recall])
    return SuiteResult(
        name="checker_dev",
        metrics=metrics,
        tables=[
            Table(
                title="Checker dev set by kind (48 NeuS clusters)",
                columns=["kind", "reported", "precision", "required gold", "recall"],
                rows=rows,
                note="precision: share of reported findings matching a required or acceptable "
                "gold item; recall: share of the required gold found",
            )
        ],
        details={
            "required findings missed": scores.missed,
            "findings matching no gold": scores.unmatched,
            "false conflicts": [
                " | ".join(e.quote for e in finding.evidence) for finding in wrong_conflicts
            ],
        },
    )
