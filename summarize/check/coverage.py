"""What only one report says (`unique_claim`) and what most say but one leaves out (`omission`).

- `unique_claim`: a sentence no other report matches, nor covers when the judge reads the
  reports' sentences on the same subject together (a fact split or merged differently is not
  unique). Medium when its report closely follows
  another one (a paraphrase or rewrite: half or more of its sentences align with that report),
  since that is where errors creep in; low otherwise.
- `omission`, low: a fact carried by at least three reports and two thirds of them that a report
  of the same date leaves out (an earlier report cannot carry what happened after it).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable

from summarize.align import Pair
from summarize.check.evidence import names, quote_sentence
from summarize.judge import Judge
from summarize.models import Analysis, ClaimGroup, Finding, SentenceRef
from summarize.text.display import shorten

MIN_TERMS = 5
# A sentence alone in its group is still not unique when the reports on the same subject cover
# this much of it (the judge's weighted share of its content words): it was split or merged
# differently, not added.
RESTATED_COVERAGE = 0.45


def _closest_twins(analysis: Analysis, groups: list[ClaimGroup]) -> dict[str, str]:
    """document -> the report it closely follows, when half or more of its sentences align."""
    shared: dict[str, Counter[str]] = {document.id: Counter() for document in analysis.documents}
    for group in groups:
        for member in group.members:
            shared[member.document].update(d for d in group.documents if d != member.document)
    twins = {}
    for document in analysis.documents:
        if shared[document.id] and document.sentences:
            twin, count = shared[document.id].most_common(1)[0]
            if count >= len(document.sentences) / 2:
                twins[document.id] = twin
    return twins


def _neighbours(analysis: Analysis, pairs: Iterable[Pair]) -> dict[int, set[str]]:
    """sentence index -> the other reports with a sentence on the same subject."""
    near: dict[int, set[str]] = defaultdict(set)
    for _, i, j in pairs:
        near[i].add(analysis.sentences[j].document)
        near[j].add(analysis.sentences[i].document)
    return near


def _restated(judge: Judge, ref: SentenceRef, near: set[str]) -> bool:
    """Another report says it too, in sentences that split or merge it differently."""
    if not near:
        return False
    verdict = judge.judge(judge.analysis.sentence(ref).text, sorted(near))
    return verdict.label == "supported" and verdict.score >= RESTATED_COVERAGE


def _unique_claims(
    analysis: Analysis, groups: list[ClaimGroup], pairs: Iterable[Pair]
) -> list[Finding]:
    twins = _closest_twins(analysis, groups)
    near = _neighbours(analysis, pairs)
    index_of = {(s.document, s.sentence): i for i, s in enumerate(analysis.sentences)}
    judge = Judge(analysis)
    findings = []
    for group in groups:
        if len(group.members) != 1:
            continue
        ref = group.members[0]
        if len(analysis.analysis_of(ref).terms) < MIN_TERMS:
            continue
        if _restated(judge, ref, near[index_of[(ref.document, ref.sentence)]]):
            continue
        twin = twins.get(ref.document)
        text = analysis.sentence(ref).text
        findings.append(
            Finding(
                kind="unique_claim",
                severity="medium" if twin else "low",
                documents=[ref.document],
                evidence=[quote_sentence(analysis, ref)],
                explanation=(
                    f"Only {ref.document} says “{shorten(text)}”"
                    + (
                        f"; {ref.document} and {twin} otherwise match sentence for sentence, so "
                        "one of them added or dropped this in editing."
                        if twin
                        else "."
                    )
                ),
            )
        )
    return findings


def _omissions(analysis: Analysis, groups: list[ClaimGroup]) -> list[Finding]:
    total = len(analysis.documents)
    dates = Counter(document.published for document in analysis.documents)
    latest = dates.most_common(1)[0][0] if dates else None
    needed = max(3, math.ceil(2 * total / 3))
    findings = []
    for group in groups:
        carrying = group.documents
        if len(carrying) < needed or len(carrying) == total:
            continue
        missing = [
            document.id
            for document in analysis.documents
            if document.id not in carrying and document.published in (latest, None)
        ]
        if not missing:
            continue
        first = group.members[0]
        findings.append(
            Finding(
                kind="omission",
                severity="low",
                documents=[*carrying, *missing],
                evidence=[quote_sentence(analysis, first)],
                explanation=(
                    f"{names(missing)} leave{'s' if len(missing) == 1 else ''} out what "
                    f"{names(carrying)} report: “{shorten(analysis.sentence(first).text)}”"
                ),
            )
        )
    return findings


def check_coverage(
    analysis: Analysis, groups: list[ClaimGroup], pairs: Iterable[Pair]
) -> list[Finding]:
    if len(analysis.documents) < 2:
        return []
    return _unique_claims(analysis, groups, pairs) + _omissions(analysis, groups)
