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
from summarize.check import sort_findings
from summarize.compose.extractive import compose_extractive
from summarize.llm.errors import LLMError
from summarize.models import (
    Analysis,
    Backend,
    ClaimGroup,
    Cluster,
    Document,
    DocumentInfo,
    Finding,
    Report,
    Summary,
)

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings

SUMMARY_SHARE = 0.6
MIN_DEFAULT_WORDS = 80
MAX_DEFAULT_WORDS = 300


def default_max_words(documents: list[Document]) -> int:
    """A summary about SUMMARY_SHARE as long as the average report, within the bounds: a few
    leads give a paragraph, long wire stories a page."""
    words = [len(document.text.split()) for document in documents] or [0]
    wanted = round(SUMMARY_SHARE * sum(words) / len(words))
    return max(MIN_DEFAULT_WORDS, min(MAX_DEFAULT_WORDS, wanted))


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


def check(
    cluster: Cluster, backend: Backend = "extractive", llm_settings: LLMSettings | None = None
) -> Report:
    """The consistency report. With `backend="llm"` a model adds framing and attribution
    findings to the offline checker's (never removes any); a failing endpoint raises LLMError."""
    checked = _check(cluster)
    if backend != "llm":
        return _report(cluster, findings=checked.findings)
    from summarize.llm.client import usage_notes
    from summarize.llm.framing import check_framing_llm
    from summarize.llm.settings import LLMSettings

    settings = llm_settings or LLMSettings.from_env()
    added = check_framing_llm(checked.analysis, checked.groups, settings)
    return _report(
        cluster,
        findings=sort_findings([*checked.findings, *added.findings]),
        notes=usage_notes("LLM framing check", settings, added.usage, {added.prompt_version}),
    )


def merge(
    cluster: Cluster,
    max_words: int | None = None,
    backend: Backend = "extractive",
    llm_settings: LLMSettings | None = None,
    fallback: bool = False,
) -> Report:
    """Merge the reports into one cited summary plus the consistency report.

    `max_words` None: `default_max_words` of the reports.

    With `backend="llm"` and `fallback=True`, an endpoint that fails still gives the extractive
    summary, with a note saying so.
    """
    checked = _check(cluster)
    analysis, groups, findings = checked.analysis, checked.groups, checked.findings
    max_words = max_words or default_max_words(cluster.documents)
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
