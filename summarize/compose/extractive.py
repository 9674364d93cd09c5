"""The default summary: sentences chosen from the reports, deterministic and offline.

Facts (claim groups) are ranked by how many reports carry them and how early the reports put
them; for each fact the plainest wording among the reports is used (no loaded words, the claim's
attribution kept, no sentence opening on a pronoun that points outside it). Light, safe edits
only: a leading connective is dropped, a fact only earlier reports carry is dated, and a claim's
"could not be verified" sentence travels with it. Every sentence cites every report carrying it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarize.analyze.attribution import is_unverified
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    SentenceRef,
    Summary,
    SummarySentence,
)

REDUNDANT_OVERLAP = 0.6
LONG_SENTENCE = 45

_DANGLING = re.compile(r"^(he|she|they|it|this|these|those|his|her|their|its|such)\b", re.I)
_CONNECTIVE = re.compile(
    r"^(however|meanwhile|additionally|also|moreover|furthermore|but|and|still|yet|instead|"
    r"in addition|at the same time)\b,?\s+",
    re.I,
)
_NOW = re.compile(r"\s+now\b")


@dataclass
class _Fact:
    group: ClaimGroup
    wording: SentenceRef
    score: float
    position: float
    dated: bool
    words: int = 0
    follow_up: SentenceRef | None = None
    terms: set[str] = field(default_factory=set)


def _relative_position(analysis: Analysis, ref: SentenceRef) -> float:
    total = len(analysis.document(ref.document).sentences)
    return ref.sentence / max(total, 1)


def _wording_penalty(analysis: Analysis, ref: SentenceRef, contested: bool) -> float:
    sentence = analysis.analysis_of(ref)
    text = analysis.sentence(ref).text
    penalty = 1.0 * len(sentence.loaded_terms)
    penalty += 3.0 if _DANGLING.match(text) else 0.0
    penalty += 3.0 if contested and not sentence.attributions else 0.0
    penalty += max(0, len(text.split()) - LONG_SENTENCE) * 0.1
    penalty += 0.5 if text[:1] in "“\"'‘" else 0.0
    return penalty


def _plainest(analysis: Analysis, group: ClaimGroup, central: dict[str, float]) -> SentenceRef:
    contested = any(analysis.analysis_of(m).attributions for m in group.members)
    return min(
        group.members,
        key=lambda m: (
            _wording_penalty(analysis, m, contested) - central[m.document],
            m.document,
        ),
    )


def _follow_up(analysis: Analysis, ref: SentenceRef) -> SentenceRef | None:
    """The next sentence when it says the claim could not be verified."""
    document = analysis.document(ref.document)
    if ref.sentence + 1 < len(document.sentences):
        following = document.sentences[ref.sentence + 1]
        if is_unverified(following.text) and not is_unverified(analysis.sentence(ref).text):
            return SentenceRef(document=ref.document, sentence=following.index)
    return None


def _facts(analysis: Analysis, groups: list[ClaimGroup]) -> list[_Fact]:
    total = len(analysis.documents)
    latest = max((d.published for d in analysis.documents if d.published), default=None)
    # Wording from the reports that share most facts with the others reads most like the story.
    shared = {document.id: 0 for document in analysis.documents}
    for group in groups:
        for document in group.documents:
            shared[document] += len(group.documents) - 1
    most = max(shared.values()) or 1
    central = {document: 0.5 * count / most for document, count in shared.items()}

    facts = []
    for group in groups:
        wording = _plainest(analysis, group, central)
        if _DANGLING.match(analysis.sentence(wording).text):
            continue
        position = min(_relative_position(analysis, m) for m in group.members)
        dates = {analysis.document(d).published for d in group.documents}
        dated = latest is not None and None not in dates and max(dates) < latest
        score = 2.0 * len(group.documents) / total + (1.0 - position) - (0.5 if dated else 0.0)
        facts.append(
            _Fact(
                group=group,
                wording=wording,
                score=score,
                position=position,
                dated=dated,
                follow_up=_follow_up(analysis, wording),
                terms=set(analysis.analysis_of(wording).terms),
            )
        )
    return sorted(facts, key=lambda fact: (-fact.score, fact.group.id))


def _starts_with_name(analysis: Analysis, ref: SentenceRef) -> bool:
    sentence = analysis.sentence(ref)
    return any(m.start == sentence.start for m in analysis.analysis_of(ref).entities)


def _text(analysis: Analysis, fact: _Fact) -> str:
    text = _CONNECTIVE.sub("", analysis.sentence(fact.wording).text)
    text = text[:1].upper() + text[1:]
    if fact.dated:
        published = min(analysis.document(d).published for d in fact.group.documents)
        first = text if _starts_with_name(analysis, fact.wording) else text[:1].lower() + text[1:]
        text = f"On {published:%B} {published.day}, {_NOW.sub('', first, count=1)}"
    if fact.follow_up:
        text = f"{text} {analysis.sentence(fact.follow_up).text}"
    return text


def _overlap(a: set[str], b: set[str]) -> float:
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


def compose_extractive(
    analysis: Analysis, groups: list[ClaimGroup], findings: list[Finding], max_words: int
) -> Summary:
    """`findings` are accepted for symmetry with the LLM backend; choosing wording needs none."""
    del findings
    group_of = {(m.document, m.sentence): g for g in groups for m in g.members}
    chosen: list[tuple[_Fact, str]] = []
    used_groups: set[int] = set()
    words = 0
    for fact in _facts(analysis, groups):
        if fact.group.id in used_groups:
            continue
        if any(_overlap(fact.terms, other.terms) >= REDUNDANT_OVERLAP for other, _ in chosen):
            continue
        text = _text(analysis, fact)
        length = len(text.split())
        if words + length > max_words:
            continue
        chosen.append((fact, text))
        words += length
        used_groups.add(fact.group.id)
        if fact.follow_up:
            used_groups.add(group_of[(fact.follow_up.document, fact.follow_up.sentence)].id)

    chosen.sort(key=lambda item: (item[0].dated, item[0].position, item[0].group.id))
    sentences = []
    for fact, text in chosen:
        citations = list(fact.group.documents)
        if fact.follow_up:
            follow_group = group_of[(fact.follow_up.document, fact.follow_up.sentence)]
            citations = list(dict.fromkeys([*citations, *follow_group.documents]))
        sentences.append(SummarySentence(text=text, citations=citations))

    notes = []
    if len(analysis.documents) == 1:
        notes.append("Only one report was given: nothing to compare, so no disagreements.")
    return Summary(sentences=sentences, backend="extractive", notes=notes)
