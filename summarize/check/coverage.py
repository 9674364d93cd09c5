"""What only one report says (`unique_claim`) and what most say but one leaves out (`omission`).

- `unique_claim`: a substantive claim only one report makes, few per story: a whole sentence of the
  report's own voice (not cut off, not a question, not mostly a quote nor a remark reported
  ("“We have no choice,” the founder told CNN."), not only who spoke ("Weld told MSNBC."), not
  the writer addressing the reader, not background told in the past perfect, as a state of
  affairs before the event or dated before it, not the writer's reading of the event or
  stance on it, not a courtesy) that no other report matches, nor covers when the judge reads the
  reports' sentences on the same subject together (a fact split or merged differently is not
  unique), nor retells (a quarter or more of its weighted words are in the other reports: a detail
  added to a shared claim is not a claim of its own), nor gives a figure another report gives
  otherwise for the same measure (that is a disagreement about the figure), half or more of whose
  content words (IDF-weighted) no other report uses. The most novel one of each report (a lead,
  which tells the story's core event in its own words, or a sentence new in less than CLEARLY_NEW
  of its words, only with a figure or a name of its own); a report of another day than most (it
  tells that day's news) may have one per SENTENCES_PER_CLAIM sentences. It is reported when it
  brings a figure (an ordinal too; not an age after a name, nor "one" written as a word) or a name
  of its own (one no other report gives in any form, in its text or its headline, not a lone capital
  opening a sentence, unless written so elsewhere, nor a place that only says where something
  happened: "in the Oval Office", nor one in a clause of time, which belongs to the event the claim
  is timed against: "weeks after President Jovenel Moïse was killed", nor an example of a group the
  claim is about: "groups such as the ACLU"), which a reader can check: new wording alone is more
  often colour, commentary or the shared story retold. Medium, with or without them, when its report
  closely follows another one (a paraphrase or rewrite: half or more of its sentences, and at least
  MIN_TWIN_SENTENCES, align with that report), since that is where errors creep in; low otherwise.
  The explanation names the figures and names only that report gives, and its excerpt shows
  where they stand with the words no other report uses: what the claim adds.
- `omission`, low: a fact carried by at least three reports and two thirds of them that a report
  of the same date leaves out (an earlier report cannot carry what happened after it), and does
  not tell in another of its sentences either (one with CORE_SHARE of the words and every figure
  most of the carrying tellings share: told with other facts, in a lead, it is not left out).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import NamedTuple

from summarize.align import Pair
from summarize.analyze.mentions import name_terms
from summarize.analyze.quantities import agrees
from summarize.analyze.reporting import (
    is_background,
    is_commentary,
    is_reporting,
    names_a_speaker,
)
from summarize.check.evidence import names, quote_sentence, report_name
from summarize.check.novelty import new_material
from summarize.judge import Judge
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    Sentence,
    SentenceAnalysis,
    SentenceRef,
)
from summarize.text.display import excerpt, shorten
from summarize.text.quotes import blanked, mostly_quoted, opens_on_quotation, quotation_spans
from summarize.text.sentences import is_finished, opens_on_sentence_before
from summarize.text.tokens import content_terms, is_title_case

MIN_TERMS = 5
# What a speaker is reported to say needs at least this many content words besides names.
MIN_SAID_TERMS = 2
# Share of a sentence's (IDF-weighted) content words no other report uses, for it to be a claim
# of its own; and how many sentences of a report make room for one unique claim ("few per story").
MIN_NEW_SHARE = 0.5
CLEARLY_NEW = 0.6
SENTENCES_PER_CLAIM = 2
SENTENCES_PER_STORY_CLAIM = 8
# A sentence alone in its group is still not unique when the reports on the same subject cover
# this much of it (the judge's weighted share of its content words): it was split or merged
# differently, not added.
RESTATED_COVERAGE = 0.45
# A quotation of this many words found in another report is the same remark reported twice.
MIN_SHARED_QUOTE_WORDS = 3
# A sentence whose weighted content words the other reports' sentences (any of them, aligned or
# not) cover this much tells a claim they make, with details added (a name, a figure, a venue):
# a detail added to a shared claim is not a claim of its own.
TOLD_ELSEWHERE = 0.25
# Any two reports of one event share their lead and often a second sentence: a report follows
# another (a rewrite) only when it shares more than that, and half its sentences or more.
MIN_TWIN_SENTENCES = 3
# A report tells a fact most reports carry when one of its sentences has this share of the words
# (and every figure) most of their tellings share: the core, told with other facts or aligned
# elsewhere.
CORE_SHARE = 0.5


class _Candidate(NamedTuple):
    """A sentence that may be a unique claim: how novel it is, its own figures and names, and
    its words no other report uses (stems)."""

    share: float
    ref: SentenceRef
    substance: list[str]
    new: frozenset[str]


class Twin(NamedTuple):
    """The report a report closely follows, and how many of its sentences align with it."""

    report: str
    shared: int
    total: int


def _closest_twins(analysis: Analysis, groups: list[ClaimGroup]) -> dict[str, Twin]:
    """document -> the report it closely follows: half or more of its sentences, and at least
    MIN_TWIN_SENTENCES, align with it."""
    shared: dict[str, Counter[str]] = {document.id: Counter() for document in analysis.documents}
    for group in groups:
        for member in group.members:
            shared[member.document].update(d for d in group.documents if d != member.document)
    twins = {}
    for document in analysis.documents:
        if shared[document.id] and document.sentences:
            twin, count = shared[document.id].most_common(1)[0]
            if count >= max(MIN_TWIN_SENTENCES, len(document.sentences) / 2):
                twins[document.id] = Twin(twin, count, len(document.sentences))
    return twins


def _neighbours(analysis: Analysis, pairs: Iterable[Pair]) -> dict[int, set[str]]:
    """sentence index -> the other reports with a sentence on the same subject."""
    near: dict[int, set[str]] = defaultdict(set)
    for _, i, j in pairs:
        near[i].add(analysis.sentences[j].document)
        near[j].add(analysis.sentences[i].document)
    return near


def _searchable(analysis: Analysis) -> dict[str, str]:
    """Each report's title and text, lower-cased with its spacing normalised, to find quotes in."""
    return {
        document.id: " ".join(f"{document.title or ''} {document.text}".lower().split())
        for document in analysis.documents
    }


def _quotes_shared(analysis: Analysis, ref: SentenceRef, searchable: dict[str, str]) -> bool:
    """Another report gives the same quotation (in its text or its title): both report the same
    remark, however differently they tell the rest ("should not 'monkey this up'")."""
    text = analysis.sentence(ref).text
    quotes = [
        " ".join(text[start:end].strip("\"“”‘’' ").lower().split())
        for start, end in quotation_spans(text)
    ]
    quotes = [quote for quote in quotes if len(quote.split()) >= MIN_SHARED_QUOTE_WORDS]
    return any(
        quote in other
        for document, other in searchable.items()
        if document != ref.document
        for quote in quotes
    )


def _restated(judge: Judge, ref: SentenceRef, near: set[str]) -> bool:
    """Another report says it too, in sentences that split or merge it differently."""
    if not near:
        return False
    verdict = judge.judge(judge.analysis.sentence(ref).text, sorted(near))
    return verdict.label == "supported" and verdict.score >= RESTATED_COVERAGE


def _told_elsewhere(judge: Judge, ref: SentenceRef) -> bool:
    """The other reports, read together, carry a good share of the sentence's content: it retells
    their claim with details of its own, whatever the judge's label (an added name makes it
    "unsupported" without making it a new claim)."""
    text = judge.analysis.sentence(ref).text
    return judge.coverage_by_others(text, ref.document) >= TOLD_ELSEWHERE


def _figure_told_otherwise(analysis: Analysis, item: SentenceAnalysis) -> bool:
    """Another report gives a figure of the same measure (same unit and what it measures) with
    another value: the reports disagree about the figure (a conflict or an update), so the
    sentence is no claim only its report makes."""
    for quantity in item.quantities:
        if quantity.frame is None:
            continue
        for other in analysis.sentences:
            if other.document == item.document:
                continue
            for theirs in other.quantities:
                if (
                    theirs.base_unit == quantity.base_unit
                    and theirs.frame is not None
                    and theirs.frame.measure == quantity.frame.measure
                    and not agrees(theirs, quantity)
                ):
                    return True
    return False


# Courtesies are no claim about the event: thanks, praise, condolences, congratulations, sympathy
# offered, given or sent ("gave his “warmest sympathies” to the family").
_COURTESY = re.compile(
    r"\b(?:thank(?:s|ed|ing)?|congratulat\w+|praised|pa(?:id|ys) tribute|"
    r"(?:offer|give|gave|sen[dt]|express)\w* (?:[\w\"“]+ ){0,2}(?:condolences|sympath(?:y|ies)))\b",
    re.I,
)


def _is_claim(text: str, attributed: bool) -> bool:
    """A report's own statement of fact about the event: whole (cut-off leads end without a
    stop, or after a title a name must follow; nor does it open on a demonstrative pointing to
    the sentence before it), in prose (not a headline's capitals), reporting
    (not a question, a teaser or the writer addressing the reader), not background (what
    happened before the event) nor the writer's reading of it ("the move marks a shift") or
    stance ("quite frankly"), not a courtesy (thanks, praise, condolences), not mostly a
    quote nor a remark reported (opening on a quotation: the claim is the speaker's)."""
    stripped = text.rstrip()
    if not is_finished(stripped) or opens_on_sentence_before(stripped):
        return False  # cut off, or told with the sentence before it ("That is the highest")
    if is_title_case(stripped.split()) or not is_reporting(stripped, attributed):
        return False  # a headline or a subhead, or no report of fact
    if is_background(stripped) or is_commentary(stripped) or _COURTESY.search(stripped):
        return False
    if opens_on_quotation(stripped):
        return False  # a remark reported: the claim is the speaker's
    return not mostly_quoted(stripped)


def _only_who_spoke(item: SentenceAnalysis, sentence: Sentence) -> bool:
    """Outside its attributions the sentence holds nothing but names ("Weld told MSNBC's
    "Morning Joe.""): it says who spoke, and what they said is in the sentence before it."""
    if not item.attributions:
        return False
    spans = [a.within(sentence) for a in item.attributions]
    said = set(content_terms(blanked(sentence.text, spans))) - name_terms(item)
    return len(said) < MIN_SAID_TERMS


def _unique_claims(
    analysis: Analysis, groups: list[ClaimGroup], pairs: Iterable[Pair]
) -> list[Finding]:
    twins = _closest_twins(analysis, groups)
    near = _neighbours(analysis, pairs)
    index_of = {(s.document, s.sentence): i for i, s in enumerate(analysis.sentences)}
    novelty = new_material(analysis)
    judge = Judge(analysis)
    searchable = _searchable(analysis)
    candidates: dict[str, list[_Candidate]] = defaultdict(list)
    for group in groups:
        if len(group.members) != 1:
            continue
        ref = group.members[0]
        item = analysis.analysis_of(ref)
        text = analysis.sentence(ref).text
        if len(item.terms) < MIN_TERMS or not _is_claim(text, names_a_speaker(item.attributions)):
            continue
        if _only_who_spoke(item, analysis.sentence(ref)):
            continue
        share = novelty.share(item.terms)
        # A report's lead tells the story's core event, which the other reports tell in words
        # of their own: it is a claim of its own only with a figure or a name of its own.
        needs_substance = share < CLEARLY_NEW or ref.sentence == 0
        if share < MIN_NEW_SHARE:
            continue
        substance = novelty.substance(item, analysis.sentence(ref))
        if needs_substance and not substance:
            continue
        if _restated(judge, ref, near[index_of[(ref.document, ref.sentence)]]):
            continue
        if _quotes_shared(analysis, ref, searchable) or _told_elsewhere(judge, ref):
            continue
        if _figure_told_otherwise(analysis, item):
            continue
        new = frozenset(term for term in item.terms if novelty.reports[term] <= 1)
        candidates[ref.document].append(_Candidate(share, ref, substance, new))
    dates = Counter(document.published for document in analysis.documents)
    usual = dates.most_common(1)[0][0]
    kept: list[_Candidate] = []
    for document, found in candidates.items():
        report = analysis.document(document)
        # A report of another day tells another day's news: each of its claims may be new.
        other_day = report.published is not None and report.published != usual
        keep = max(1, len(report.sentences) // SENTENCES_PER_CLAIM) if other_day else 1
        kept += sorted(found, key=lambda c: (-c.share, c.ref.sentence))[:keep]
    # Few per story: short reports (leads of a few sentences) share one story's core, and a
    # claim of one's own needs room; the most novel claims of the story come first.
    sentences = sum(len(document.sentences) for document in analysis.documents)
    story = max(1, sentences // SENTENCES_PER_STORY_CLAIM)
    kept.sort(key=lambda c: (-c.share, c.ref.document, c.ref.sentence))
    findings = []
    for candidate in kept[:story]:
        twin = twins.get(candidate.ref.document)
        # The most novel sentence is a claim a reader can check only with a figure or a name of
        # its own (or in a rewrite, where it may have been added or dropped): new wording alone
        # is more often colour, commentary or the shared story in other words.
        if candidate.substance or twin:
            findings.append(_unique_finding(analysis, candidate, twin))
    return findings


def _unique_finding(analysis: Analysis, candidate: _Candidate, twin: Twin | None) -> Finding:
    """The excerpt shows where the sentence's own figures and names and its words no other
    report uses stand together: what the claim adds, not only the name it brings."""
    ref, substance = candidate.ref, candidate.substance
    text = analysis.sentence(ref).text
    if twin:
        why = (
            f"; {twin.shared} of the {twin.total} sentences of {ref.document} align with "
            f"{twin.report}, so one of them may have added or dropped this in editing."
        )
    else:
        why = f"; no other report gives {_listed(substance)}."
    return Finding(
        kind="unique_claim",
        severity="medium" if twin else "low",
        documents=[ref.document],
        evidence=[quote_sentence(analysis, ref)],
        explanation=(
            f"Only {report_name(analysis, ref.document)} says "
            f"“{excerpt(text, set(content_terms(' '.join(substance))) | candidate.new)}”{why}"
        ),
    )


def _listed(items: list[str]) -> str:
    quoted = [f"“{shorten(item, 40)}”" for item in items]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


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
        missing = [document for document in missing if not _tells_core(analysis, group, document)]
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


def _tells_core(analysis: Analysis, group: ClaimGroup, document: str) -> bool:
    """The report tells the fact's core in a sentence of its own, aligned elsewhere or told
    with other facts ("A fire at an Ohio chemical plant on Monday injured 12 workers" tells
    "Officials said 12 workers were injured in the blast"): the words and figures most of the
    carrying reports' tellings share are in one of its sentences."""
    tellings = [analysis.analysis_of(member) for member in group.members]
    most = max(2, math.ceil(len(tellings) / 2))
    terms = Counter(term for item in tellings for term in set(item.terms))
    core = {term for term, count in terms.items() if count >= most}
    figures = [
        quantity
        for item in tellings[:1]
        for quantity in item.quantities
        if sum(any(agrees(quantity, q) for q in other.quantities) for other in tellings) >= most
    ]
    if not core and not figures:
        return False
    for item in analysis.sentences:
        if item.document != document:
            continue
        told = core & set(item.terms)
        if len(told) >= CORE_SHARE * len(core) and all(
            any(agrees(figure, q) for q in item.quantities) for figure in figures
        ):
            return True
    return False


def check_coverage(
    analysis: Analysis, groups: list[ClaimGroup], pairs: Iterable[Pair]
) -> list[Finding]:
    if len(analysis.documents) < 2:
        return []
    return _unique_claims(analysis, groups, pairs) + _omissions(analysis, groups)
