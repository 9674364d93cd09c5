"""The library's front door: a cluster of reports in, a Report out.

ingest -> analyze -> align -> check -> compose. The CLI, the evals and the batch runner all call
`check` or `merge` here, so each of them gets the same behaviour.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summarize.align import Similarities, align
from summarize.analyze import analyze
from summarize.check import Aligned, Checked, run_checkers
from summarize.compose import composer
from summarize.compose.disputes import disputed_figure_notes
from summarize.llm.errors import LLMError
from summarize.models import (
    Backend,
    Cluster,
    Document,
    DocumentInfo,
    Report,
    Summary,
    sort_findings,
)

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings

# The notes a report carries when the LLM failed and `fallback` gave the offline result.
FELL_BACK = "The LLM backend failed ({error}); this is the extractive summary."
CHECKER_FELL_BACK = "The LLM backend failed ({error}); these are the offline checker's findings."
SUMMARY_SHARE = 0.6
MIN_DEFAULT_WORDS = 80
MAX_DEFAULT_WORDS = 300
# The checkers every report gets (offline), and those a backend adds to them: a model's.
OFFLINE_CHECKERS = ("rules",)
ADDED_CHECKERS: dict[str, tuple[str, ...]] = {"extractive": (), "llm": ("llm",)}


def default_max_words(documents: list[Document]) -> int:
    """A summary about SUMMARY_SHARE as long as the average report, within the bounds: a few
    leads give a paragraph, long wire stories a page."""
    words = [len(document.text.split()) for document in documents] or [0]
    wanted = round(SUMMARY_SHARE * sum(words) / len(words))
    return max(MIN_DEFAULT_WORDS, min(MAX_DEFAULT_WORDS, wanted))


def _report(cluster: Cluster, summary: Summary | None = None, *, checked: Checked) -> Report:
    return Report(
        id=cluster.id,
        documents=[
            DocumentInfo(
                id=d.id, path=d.path, outlet=d.outlet, published=d.published, title=d.title
            )
            for d in cluster.documents
        ],
        problems=cluster.problems,
        findings=checked.findings,
        summary=summary.sentences if summary else None,
        backend=summary.backend if summary else None,
        notes=[*checked.notes, *(summary.notes if summary else [])],
    )


def _aligned(cluster: Cluster) -> Aligned:
    """ingest's output through analyze and align: what every checker starts from."""
    analysis = analyze(cluster.documents)
    similarities = Similarities(analysis)
    return Aligned(analysis, align(analysis, similarities), similarities)


def check(
    cluster: Cluster,
    backend: Backend = "extractive",
    llm_settings: LLMSettings | None = None,
    fallback: bool = False,
) -> Report:
    """The consistency report. With `backend="llm"` a model adds framing and attribution
    findings to the offline checker's (never removes any); a failing endpoint raises LLMError,
    or, with `fallback=True`, leaves the offline checker's findings, with a note saying so."""
    aligned = _aligned(cluster)
    checked = run_checkers(OFFLINE_CHECKERS, aligned)
    try:
        added = run_checkers(ADDED_CHECKERS[backend], aligned, llm_settings)
    except LLMError as error:
        if not fallback:
            raise
        checked.notes.append(CHECKER_FELL_BACK.format(error=error))
    else:
        checked = Checked(
            findings=sort_findings([*checked.findings, *added.findings]),
            notes=[*checked.notes, *added.notes],
        )
    return _report(cluster, checked=checked)


def merge(
    cluster: Cluster,
    max_words: int | None = None,
    backend: Backend = "extractive",
    llm_settings: LLMSettings | None = None,
    fallback: bool = False,
) -> Report:
    """Merge the reports into one cited summary plus the consistency report.

    `max_words` None: `default_max_words` of the reports, at most, each fact told once, in
    prose (the length is the tool's choice, so it ends shorter rather than tell a fact twice,
    and takes no headline); given, it is filled. The findings are always the offline checker's;
    `backend` chooses who writes the summary. With `fallback=True`, a failing LLM backend still
    gives the extractive summary, with a note saying so.
    """
    aligned = _aligned(cluster)
    checked = run_checkers(OFFLINE_CHECKERS, aligned)
    words = max_words or default_max_words(cluster.documents)
    fill = max_words is not None
    compose = composer(backend, llm_settings).compose
    try:
        summary = compose(aligned.analysis, aligned.groups, checked.findings, words, fill)
    except LLMError as error:
        if not fallback or backend == "extractive":
            raise
        summary = composer("extractive").compose(
            aligned.analysis, aligned.groups, checked.findings, words, fill
        )
        summary.notes.append(FELL_BACK.format(error=error))
    summary.notes += disputed_figure_notes(summary.sentences, checked.findings)
    return _report(cluster, summary, checked=checked)
