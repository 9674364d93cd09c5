"""The library's front door: a cluster of reports in, a Report out.

ingest -> analyze -> align -> check -> compose. The CLI, the evals and the batch runner all call
`check` or `merge` here, so each of them gets the same behaviour.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from summarize.align import Similarities, align
from summarize.analyze import analyze
from summarize.check import check as find_disagreements
from summarize.compose.extractive import compose_extractive
from summarize.llm.errors import LLMError
from summarize.models import (
    DEFAULT_MAX_WORDS,
    Analysis,
    Backend,
    ClaimGroup,
    Cluster,
    DocumentInfo,
    Finding,
    Report,
    Summary,
)

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings


def _report(cluster: Cluster, **fields: object) -> Report:
    return Report(
        id=cluster.id,
        documents=[
            DocumentInfo(
                id=d.id, path=d.path, outlet=d.outlet, published=d.published, title=d.title
            )
            for d in cluster.documents
        ],
        problems=cluster.problems,
        **fields,
    )


@dataclass
class _Checked:
    analysis: Analysis
    groups: list[ClaimGroup]
    findings: list[Finding]


def _check(cluster: Cluster) -> _Checked:
    """ingest's output through analyze, align and check: what both commands start from."""
    analysis = analyze(cluster.documents)
    similarities = Similarities(analysis)
    groups = align(analysis, similarities)
    findings = find_disagreements(analysis, groups, similarities)
    return _Checked(analysis, groups, findings)


def check(cluster: Cluster) -> Report:
    checked = _check(cluster)
    return _report(cluster, findings=checked.findings)


def merge(
    cluster: Cluster,
    max_words: int = DEFAULT_MAX_WORDS,
    backend: Backend = "extractive",
    llm_settings: LLMSettings | None = None,
    fallback: bool = False,
) -> Report:
    """Merge the reports into one cited summary plus the consistency report.

    With `backend="llm"` and `fallback=True`, an endpoint that fails still gives the extractive
    summary, with a note saying so.
    """
    checked = _check(cluster)
    analysis, groups, findings = checked.analysis, checked.groups, checked.findings
    summary: Summary
    if backend == "llm":
        from summarize.compose.llm import compose_llm
        from summarize.llm.settings import LLMSettings

        try:
            summary = compose_llm(
                analysis, groups, findings, max_words, llm_settings or LLMSettings.from_env()
            )
        except LLMError as error:
            if not fallback:
                raise
            summary = compose_extractive(analysis, groups, max_words)
            summary.notes.append(
                f"The LLM backend failed ({error}); this is the extractive summary."
            )
    else:
        summary = compose_extractive(analysis, groups, max_words)
    return _report(
        cluster,
        findings=findings,
        summary=summary.sentences,
        backend=summary.backend,
        notes=summary.notes,
    )
