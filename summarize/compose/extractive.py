"""The default summary: sentences chosen from the reports, deterministic and offline.

Facts (claim groups) are ranked by how many reports carry them and how early the reports put
them; for each fact the plainest wording among the reports is used (no loaded words, the claim's
attribution kept, no sentence opening on a pronoun that points outside it). Light, safe edits
only: a leading connective is dropped, a fact only earlier reports carry is dated, a figure an
earlier report gave differently follows with its date, and a claim's "could not be verified"
sentence travels with it. Every sentence cites every report carrying it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from summarize.analyze.attribution import REMARK_WORDS, is_unverified, unverified_remark
from summarize.analyze.framing import added_links
from summarize.analyze.quantities import comparable, overlaps
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    SentenceRef,
    Summary,
    SummarySentence,
)
from summarize.text.tokens import term_overlap

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings

REDUNDANT_OVERLAP = 0.6
MIN_WORDS = 6
# How much more a fact counts when every report carries it than when one does.
SUPPORT_WEIGHT = 2.0
LONG_SENTENCE = 45

_DANGLING = re.compile(r"^(he|she|they|it|this|these|those|his|her|their|its|such)\b", re.I)
# "these forces", "this development": the sentence leans on one the reader has not seen.
_POINTING_BACK = re.compile(
    r"\b(these|those|such)\s+[a-z]|\bthis\s+(?!week|year|month|morning)", re.I
)
_CONNECTIVE = re.compile(
    r"^(however|meanwhile|additionally|also|moreover|furthermore|but|and|still|yet|instead|"
    r"in addition|at the same time)\b,?\s+",
    re.I,
)
# ", the country's fourth largest city," after a name: description the summary can spare.
_APPOSITIVE = re.compile(
    r"(\b[A-Z][\w’'-]+),\s((?:the|an?)\s[a-z][^,;:\d]{2,50}?)(,(?=\s)|(?=\.$))"
)
_VERB_LIKE = re.compile(r"\b(said|says|say|told|is|was|are|were|has|have|had|\w+ed)\b")
_NOW = re.compile(r"\s+now\b")
# A dated sentence reads in the past: "On December 3, insurgents were about 10 km from Hama".
_PRESENT_TO_PAST = {"is": "was", "are": "were"}
_PRESENT = re.compile(r"\b(is|are)\b")
# Print-style capitals ("SYRIA’S government said"): a plainer copy reads better.
_SHOUTED = re.compile(r"\b[A-Z]{5,}\b")
_QUOTES = '“”"‘'
_ENDED = re.compile(r"[.!?][\"”’')]?$")


@dataclass
class _Fact:
    group: ClaimGroup
    wording: SentenceRef
    score: float
    position: float
    dated: bool
    words: int = 0
    follow_up: SentenceRef | None = None
    follow_up_group: ClaimGroup | None = None
    earlier_figure: SentenceRef | None = None
    terms: set[str] = field(default_factory=set)


def _relative_position(analysis: Analysis, ref: SentenceRef) -> float:
    total = len(analysis.document(ref.document).sentences)
    return ref.sentence / max(total, 1)


def _stands_alone(analysis: Analysis, ref: SentenceRef) -> bool:
    """A whole sentence that leans on nothing before it: no opening pronoun, no quote without
    its speaker, not cut off (a lead truncated mid-sentence), not a teaser ("Here's why.")."""
    text = analysis.sentence(ref).text
    if _DANGLING.match(text) or len(text.split()) < MIN_WORDS:
        return False
    if is_unverified(text) and len(text.split()) <= REMARK_WORDS:
        return False  # "The claims could not be confirmed." travels with its claim only
    if not _ENDED.search(text):
        return False
    return text[:1] not in _QUOTES or bool(analysis.analysis_of(ref).attributions)


def _wording_penalty(analysis: Analysis, ref: SentenceRef, contested: bool) -> float:
    sentence = analysis.analysis_of(ref)
    text = analysis.sentence(ref).text
    penalty = 1.0 * len(sentence.loaded_terms)
    penalty += 0.0 if _stands_alone(analysis, ref) else 3.0
    penalty += 1.0 if _POINTING_BACK.search(text) else 0.0
    penalty += 0.02 * len(text.split())
    penalty += 1.0 if _SHOUTED.search(text) else 0.0
    penalty += 3.0 if contested and not sentence.attributions else 0.0
    penalty += max(0, len(text.split()) - LONG_SENTENCE) * 0.1
    return penalty


def _plainest(analysis: Analysis, group: ClaimGroup, central: dict[str, float]) -> SentenceRef:
    contested = any(analysis.analysis_of(m).attributions for m in group.members)

    def penalty(member: SentenceRef) -> float:
        # A cause or motive only this report asserts is framing, not the plain fact.
        others = [m for m in group.members if m != member]
        framed = (
            2.0
            if added_links(analysis.analysis_of(member), [analysis.analysis_of(o) for o in others])
            else 0.0
        )
        return _wording_penalty(analysis, member, contested) + framed - central[member.document]

    return min(group.members, key=lambda m: (penalty(m), m.document))


def _follow_up(analysis: Analysis, ref: SentenceRef) -> SentenceRef | None:
    """The next sentence when it remarks that this claim could not be verified."""
    if is_unverified(analysis.sentence(ref).text):
        return None
    remark = unverified_remark(analysis.document(ref.document), ref.sentence)
    return SentenceRef(document=ref.document, sentence=remark.index) if remark else None


def _earlier_figure(
    analysis: Analysis, group: ClaimGroup, wording: SentenceRef, latest: dt.date | None
) -> SentenceRef | None:
    """A member from an earlier day giving a figure the chosen wording no longer gives."""
    date = analysis.document(wording.document).published or latest
    figures = analysis.analysis_of(wording).quantities
    for member in group.members:
        published = analysis.document(member.document).published
        if date is None or published is None or published >= date:
            continue
        if any(
            comparable(old, new) and not overlaps(old, new)
            for old in analysis.analysis_of(member).quantities
            for new in figures
        ):
            return member
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

    group_of = {(m.document, m.sentence): g for g in groups for m in g.members}
    facts = []
    for group in groups:
        wording = _plainest(analysis, group, central)
        if not _stands_alone(analysis, wording):
            continue
        positions = [_relative_position(analysis, m) for m in group.members]
        position = sum(positions) / len(positions)
        leads = sum(1 for m in group.members if m.sentence == 0) / total
        dates = [analysis.document(d).published for d in group.documents]
        known = [day for day in dates if day is not None]
        dated = latest is not None and len(known) == len(dates) and max(known) < latest
        score = SUPPORT_WEIGHT * len(group.documents) / total + leads + (1.0 - position)
        score -= 0.5 if dated else 0.0
        follow_up = _follow_up(analysis, wording)
        facts.append(
            _Fact(
                group=group,
                wording=wording,
                score=score,
                position=position,
                dated=dated,
                follow_up=follow_up,
                follow_up_group=group_of[(follow_up.document, follow_up.sentence)]
                if follow_up
                else None,
                earlier_figure=_earlier_figure(analysis, group, wording, latest),
                terms=set(analysis.analysis_of(wording).terms),
            )
        )
    return sorted(facts, key=lambda fact: (-fact.score, fact.group.id))


def _lower_first_word(analysis: Analysis, ref: SentenceRef, text: str) -> str:
    """Lower-case the opening word unless it is a name (never written in lower case)."""
    word = text.split(maxsplit=1)[0] if text else ""
    common = word.lower()
    if word == common or not re.search(rf"\b{re.escape(common)}\b", _all_text(analysis)):
        return text
    return common + text[len(word) :]


def _all_text(analysis: Analysis) -> str:
    return "\n".join(document.text for document in analysis.documents)


def _drop_appositives(text: str) -> str:
    if any(mark in text for mark in _QUOTES):
        return text  # a quotation is never edited

    def keep_name(match: re.Match[str]) -> str:
        return match.group(0) if _VERB_LIKE.search(match.group(2)) else match.group(1)

    return _APPOSITIVE.sub(keep_name, text)


def _plain_text(analysis: Analysis, ref: SentenceRef, dated: bool) -> str:
    text = _drop_appositives(_CONNECTIVE.sub("", analysis.sentence(ref).text))
    text = text[:1].upper() + text[1:]
    published = analysis.document(ref.document).published
    if dated and published:
        first = _lower_first_word(analysis, ref, text)
        if not any(mark in first for mark in _QUOTES):  # a quotation is never edited
            first = _NOW.sub("", first, count=1)
            first = _PRESENT.sub(lambda m: _PRESENT_TO_PAST[m.group(1)], first, count=1)
        text = f"On {published:%B} {published.day}, {first}"
    return text


def _texts(analysis: Analysis, fact: _Fact) -> list[SummarySentence]:
    """The fact's sentence, then the earlier figure it replaces, if any."""
    text = _plain_text(analysis, fact.wording, fact.dated)
    citations = fact.group.documents
    if fact.follow_up:
        text = f"{text} {analysis.sentence(fact.follow_up).text}"
        if fact.follow_up_group:
            citations = list(dict.fromkeys([*citations, *fact.follow_up_group.documents]))
    sources = list(fact.group.members)
    if fact.follow_up:
        sources.append(fact.follow_up)
    sentences = [SummarySentence(text=text, citations=citations, sources=sources)]
    if fact.earlier_figure:
        sentences.append(
            SummarySentence(
                text=_plain_text(analysis, fact.earlier_figure, dated=True),
                citations=[fact.earlier_figure.document],
                sources=[fact.earlier_figure],
            )
        )
    return sentences


class ExtractiveComposer:
    def __init__(self, llm_settings: LLMSettings | None = None) -> None:
        """Offline: the settings are taken as every composer takes them, and not used."""

    def compose(
        self, analysis: Analysis, groups: list[ClaimGroup], findings: list[Finding], max_words: int
    ) -> Summary:
        return compose_extractive(analysis, groups, max_words)


def compose_extractive(analysis: Analysis, groups: list[ClaimGroup], max_words: int) -> Summary:
    chosen: list[tuple[_Fact, list[SummarySentence]]] = []
    used_groups: set[int] = set()
    words = 0
    for fact in _facts(analysis, groups):
        if fact.group.id in used_groups:
            continue
        if any(term_overlap(fact.terms, other.terms) >= REDUNDANT_OVERLAP for other, _ in chosen):
            continue
        sentences = _texts(analysis, fact)
        length = sum(len(sentence.text.split()) for sentence in sentences)
        if words + length > max_words:
            continue
        chosen.append((fact, sentences))
        words += length
        used_groups.add(fact.group.id)
        if fact.follow_up_group:
            used_groups.add(fact.follow_up_group.id)

    chosen.sort(key=lambda item: (item[0].dated, item[0].position, item[0].group.id))
    notes = []
    if len(analysis.documents) == 1:
        notes.append("Only one report was given: nothing to compare, so no disagreements.")
    return Summary(
        sentences=[sentence for _, sentences in chosen for sentence in sentences],
        backend="extractive",
        notes=notes,
    )
