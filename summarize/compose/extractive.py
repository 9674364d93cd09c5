"""The default summary: sentences of the reports, chosen, shortened and cited; deterministic and
offline.

1. Facts are the claim groups (sentences of several reports reporting the same fact) and the
   reports' titles (a title states the core event). Each wording of a fact that is a reporting
   sentence and stands alone (`reporting`, `standalone`) is a candidate: never a question to the
   reader, an instruction, a teaser, a headline inside the body (in title case) or a part of a
   quotation of several sentences without its speaker (one it leaves open is closed when
   printed); a title only
   as a plain statement, and never when it states as fact what the reports attribute to
   someone; a label before or after a colon ("Poll: ...", "...: report", "Sri Lanka bombings:
   ...") stays with it, and a quotation there is left out. A title no single sentence tells (it
   sums up the lead and what follows) is used when the judge finds its own report supports it.
   A lead cut off mid-sentence is used only without the closing clause it was cut in, and for a
   contested claim only when it names who claims it before the cut (else its lost end may
   have).
2. Each wording comes in versions: as written, and shorter ones without the parts its claim
   does not need (`compression`); the outlet's own loaded modifiers, which no other report
   uses, are dropped from every version (a version keeping such a word that frames, as a
   predicate or a verb, is not used), and so is every charged loaded word of a sentence
   the checker found framing its claim in the report's own voice; such a sentence is used
   only in a version without them and without the cause or motive the others do not give:
   the summary does not carry one report's framing as fact. Nor is a sentence the checker finds
   stating as fact what another report attributes to someone or doubts (an attribution
   finding) used, while that report's telling has a version within the budget: the claim is
   told as that report tells it, with who says it.
   A version holding nearly every word of another fact's sentence (a lead joining two facts),
   or a title holding nearly every word of another title (two outlets' headlines of one
   event), tells that fact too, and no other version tells it again.
3. The versions that fill the budget best are chosen (`selection`): words many reports and
   titles use, facts many reports carry and put first (each fact told counts once, as a word
   would: FACT_WEIGHT), the plainest wording of each; at a length the reader did not ask for,
   never one retelling another, nor a second report's wording of a fact told, nor a headline
   (its lead tells its fact in prose); at one the reader asked for, room no new fact fits goes
   to a version telling anything new (a lead beside its headline). A version
   that is not the report's sentence as written is used only when the faithfulness judge finds
   it supported by the reports it cites.
4. The chosen facts are printed in story order (title, leads, the fact more reports carry
   first among those the reports put as early, a fact whose figure a later report moved last;
   one only earlier reports give is dated; a sentence pointing back, "these forces", after
   what it points to), each
   citing every report that supports it (a title, its own report too). A
   claim's "could not be verified" sentence travels with it; a figure an earlier report gave
   differently follows, dated. A person the summary first names by surname alone is named in
   full there while the budget has room (`names`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from summarize.analyze.framing import charged_in_own_voice, find_loaded_terms, is_charged
from summarize.analyze.links import LINK_CUES, link_cues
from summarize.check.attribution import states_flatly
from summarize.compose.candidates import CandidateBuilder, Version, as_option
from summarize.compose.companions import MovedFigures
from summarize.compose.name_styles import one_style_per_name
from summarize.compose.names import named_in_full
from summarize.compose.selection import select
from summarize.compose.standalone import points_back
from summarize.compose.wording import Wording
from summarize.compose.worth import Option, fact_term, specificity, term_weights
from summarize.judge import Judge
from summarize.models import Analysis, ClaimGroup, Evidence, Finding, SentenceRef, Summary
from summarize.text.tokens import content_terms

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings

# A fact told weighs as much as this many words every report carrying it uses (what the
# summary covers is facts, not only words).
FACT_WEIGHT = 4.0


class ExtractiveComposer:
    def __init__(self, llm_settings: LLMSettings | None = None) -> None:
        """Offline: the settings are taken as every composer takes them, and not used."""

    def compose(
        self,
        analysis: Analysis,
        groups: list[ClaimGroup],
        findings: list[Finding],
        max_words: int,
        fill: bool = True,
    ) -> Summary:
        return compose_extractive(analysis, groups, max_words, findings, fill)


def compose_extractive(
    analysis: Analysis,
    groups: list[ClaimGroup],
    max_words: int,
    findings: Sequence[Finding] = (),
    fill: bool = True,
) -> Summary:
    judge = Judge(analysis)
    framed = _framed_sentences(analysis, findings)
    builder = CandidateBuilder(analysis, groups, judge, framed, _moved_figures(analysis, findings))
    versions = builder.build()
    flat = _stated_as_fact(analysis, findings, _told_within(versions, max_words))
    options = [
        as_option(version)
        for version in versions
        if not _keeps_framing(version, framed, builder.wording)
        and not _states_as_fact(version, flat)
    ]
    weights = term_weights(
        [
            (set(content_terms(document.title or "")), set(content_terms(document.text)))
            for document in analysis.documents
        ]
    )
    specific = specificity([set(sentence.terms) for sentence in analysis.sentences])
    for group in groups:
        weights[fact_term(group.id)] = FACT_WEIGHT * len(group.documents) ** 2
        specific[fact_term(group.id)] = 0.0

    def supported(option: Option) -> bool:
        version = option.payload
        assert isinstance(version, Version)
        first = version.sentences[0]
        if version.edited_after and any(
            judge.judge(after.text, after.citations).label != "supported"
            for after in version.sentences[1:]
        ):
            return False
        return version.as_written or judge.judge(first.text, version.candidates).label == (
            "supported"
        )

    chosen = [
        option.payload for option in select(options, weights, specific, max_words, supported, fill)
    ]
    versions = _reading_order(
        [version for version in chosen if isinstance(version, Version)], builder.group_of
    )
    order = {document.id: number for number, document in enumerate(analysis.documents)}
    for version in versions:
        # Each report that supports the sentence alone. A title is its report's own claim,
        # though the judge reads only the reports' bodies: it cites that report too, and no
        # report that supports it only together with others (a headline summing up facts
        # several reports tell is its outlet's, and no other report says it). Another sentence
        # none supports alone cites the reports that supported it together.
        first = version.sentences[0]
        alone = [
            document
            for document in version.candidates
            if (version.as_written and document == version.candidates[0])
            or judge.judge(first.text, [document]).label == "supported"
        ]
        own = version.candidates[:1] if version.is_title else []
        cited = alone or own or version.candidates
        first.citations = sorted({*own, *cited}, key=order.__getitem__)
    sentences = [sentence for version in versions for sentence in version.sentences]
    named_in_full(
        sentences, analysis, judge, max_words - sum(len(s.text.split()) for s in sentences)
    )
    one_style_per_name(sentences, analysis)
    notes = []
    if len(analysis.documents) == 1:
        notes.append("Only one report was given: nothing to compare, so no disagreements.")
    # Nothing chosen: a longer budget helps only when a sentence is longer than this one; what
    # fits and was not chosen is a headline the reports' sentences do not support.
    if not versions and any(option.words > max_words for option in options):
        notes.append(f"No sentence of the reports fits in {max_words} words: allow more.")
    elif not versions:
        notes.append(
            "No sentence of news reporting to summarise: the reports hold only page text, "
            "headlines, questions or instructions to the reader."
        )
    return Summary(
        sentences=sentences,
        backend="extractive",
        notes=notes,
    )


def _reading_order(
    versions: list[Version], group_of: dict[tuple[str, int], ClaimGroup]
) -> list[Version]:
    """Story order (`Version.order`), but a sentence that points back to what its report told
    just before ("these opposition forces") follows the version telling that, when the summary
    tells it, and else another telling of its own fact (what it points back to is what the
    sentences its alignment found alike share: "forces opposed to Assad captured Aleppo" for
    "towns have also been seized by these opposition forces")."""
    ordered = sorted(versions, key=lambda version: version.order)
    for version in list(ordered):
        first = version.sentences[0]
        if not first.sources or not points_back(first.text):
            continue
        source = first.sources[0]
        before = group_of.get((source.document, source.sentence - 1))
        others = [other for other in ordered if other is not version]
        antecedent = next(
            (
                other
                for other in others
                if before is not None and (other.group == before.id or before.id in other.blocks)
            ),
            next((other for other in others if other.group == version.group), None),
        )
        if antecedent is not None and ordered.index(antecedent) > ordered.index(version):
            ordered.remove(version)
            ordered.insert(ordered.index(antecedent) + 1, version)
    return ordered


def _framed_sentences(
    analysis: Analysis, findings: Sequence[Finding]
) -> frozenset[tuple[str, int]]:
    """The report sentences the checker found framing a claim in the report's own voice: a
    framing finding's first quote, and any other that says a charged loaded word in its own
    voice (reports that use the same word share a finding); the rest are plain tellings."""
    framed = set()
    for finding in findings:
        if finding.kind != "framing":
            continue
        for position, quote in enumerate(finding.evidence):
            ref = _quoted_sentence(analysis, quote)
            if ref is None:
                continue
            sentence = analysis.sentence(ref)
            terms = analysis.analysis_of(ref).loaded_terms
            if position == 0 or charged_in_own_voice(sentence.text, sentence.start, terms):
                framed.add((ref.document, ref.sentence))
    return frozenset(framed)


def _moved_figures(analysis: Analysis, findings: Sequence[Finding]) -> MovedFigures:
    """The report sentences quoted by a temporal update finding: those of the earliest report
    quoted, and those of the later ones."""
    earlier: set[tuple[str, int]] = set()
    later: set[tuple[str, int]] = set()
    for finding in findings:
        if finding.kind != "temporal_update":
            continue
        earliest = min(
            finding.evidence,
            key=lambda quote: analysis.document(quote.document).published or dt.date.max,
        )
        for quote in finding.evidence:
            ref = _quoted_sentence(analysis, quote)
            if ref is not None:
                key = (ref.document, ref.sentence)
                (earlier if quote.document == earliest.document else later).add(key)
    return MovedFigures(frozenset(earlier), frozenset(later))


def _stated_as_fact(
    analysis: Analysis, findings: Sequence[Finding], told: frozenset[tuple[str, int]]
) -> frozenset[tuple[str, int]]:
    """The report sentences an attribution finding quotes stating in their own voice what
    another report attributes to someone or doubts (`states_flatly`: no speaker, no distancing
    cue), when the finding's attributed telling is one the summary can tell instead (in `told`:
    it has a version within the budget)."""
    flat = set()
    for finding in findings:
        if finding.kind != "attribution":
            continue
        quoted = [_quoted_sentence(analysis, quote) for quote in finding.evidence]
        refs = [ref for ref in quoted if ref is not None]
        flatly = {(ref.document, ref.sentence) for ref in refs if states_flatly(analysis, ref)}
        attributed = {(ref.document, ref.sentence) for ref in refs} - flatly
        if attributed & told:
            flat |= flatly
    return frozenset(flat)


def _quoted_sentence(analysis: Analysis, quote: Evidence) -> SentenceRef | None:
    """The report sentence a finding's quote is in."""
    sentence = analysis.document(quote.document).sentence_at(quote.start)
    if sentence is None:
        return None
    return SentenceRef(document=quote.document, sentence=sentence.index)


def _told_within(versions: list[Version], max_words: int) -> frozenset[tuple[str, int]]:
    """The report sentences that have a version within `max_words` (a title is none's)."""
    return frozenset(
        (ref.document, ref.sentence)
        for version in versions
        if not version.is_title and version.words <= max_words
        for ref in version.sentences[0].sources[:1]
    )


def _states_as_fact(version: Version, flat: frozenset[tuple[str, int]]) -> bool:
    """A version of a sentence (or a title told by one of its report's sentences) that states as
    fact what another report attributes or doubts: the summary tells the claim as the other
    reports give it, with who says it, or not at all."""
    own = version.candidates[0]
    return any(
        (ref.document, ref.sentence) in flat
        for ref in version.sentences[0].sources
        if ref.document == own
    )


def _keeps_framing(version: Version, framed: frozenset[tuple[str, int]], wording: Wording) -> bool:
    """A version of a framed sentence that still has a charged loaded word no other report uses,
    or a cause, motive or backing cue, would carry one report's framing into the summary as
    fact; one that a compression rid of them tells the claim plainly. A charged word the other
    reports use too ("far-right groups" in every report) is the story's wording, not one
    outlet's framing."""
    sources = [ref for sentence in version.sentences for ref in sentence.sources[:1]]
    if not any((ref.document, ref.sentence) in framed for ref in sources):
        return False
    text = " ".join(sentence.text for sentence in version.sentences)
    own = sources[0].document
    charged = [
        term
        for term in find_loaded_terms(text)
        if is_charged(term.text) and not wording.used_elsewhere(term.text, own)
    ]
    return bool(charged) or any(next(link_cues(kind, text), None) for kind in LINK_CUES)
