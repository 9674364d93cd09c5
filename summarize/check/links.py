"""Framing findings: a cause, motive, judgement of who gains or loses, or backing a report asserts
in its own voice that the other reports' telling of the same claim does not make ("is due to
vote" schedules, it does not explain; a telling mostly in quotation marks is the speaker's, not
the report's; a cause another report gives in other words is not one report's framing). Medium,
or low when the other reports' telling is only loosely similar: it may be another fact.
"""

from __future__ import annotations

from summarize.analyze.links import LINK_NAMES, added_links, link_cues
from summarize.analyze.nouns import is_a_kind_of_person
from summarize.check.evidence import names, quote_sentence, report_name
from summarize.check.tellings import (
    AROUND_WORDS,
    MAX_COUNTER_QUOTES,
    Tellings,
    sentence_text,
    told_without,
)
from summarize.models import Analysis, ClaimGroup, Finding, SentenceRef
from summarize.text.display import excerpt_around
from summarize.text.inflection import singular
from summarize.text.quotes import mostly_quoted
from summarize.text.tokens import content_terms


def link_findings(
    analysis: Analysis, groups: list[ClaimGroup], tellings: Tellings
) -> list[Finding]:
    """A cause, motive or backing a report asserts in its own voice that the other reports'
    telling of the same claim does not make: low when that telling is only loosely similar (it
    may be another fact)."""
    members: dict[tuple[str, int], list[SentenceRef]] = {}
    for group in groups:
        for member in group.members:
            members[(member.document, member.sentence)] = [
                m for m in group.members if m.document != member.document
            ]
    findings = []
    for item in analysis.sentences:
        if not item.links:
            continue
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        aligned = _in_own_words(analysis, members.get((ref.document, ref.sentence), []))
        others = aligned or _in_own_words(analysis, tellings.of(ref))
        if not others:
            continue
        added = {
            kind: words
            for kind, words in added_links(
                item, [sentence_text(analysis, o) for o in others]
            ).items()
            if kind != "cause" or not (_link_told(analysis, ref) or _no_agent(analysis, ref))
        }
        if not added:
            continue
        shown = others[:MAX_COUNTER_QUOTES]
        order = [document.id for document in analysis.documents]
        documents = sorted(dict.fromkeys(o.document for o in others), key=order.index)
        close = bool(aligned) or tellings.close(ref, others)
        # the sentence cut around the words of its first link
        told = excerpt_around(sentence_text(analysis, ref), next(iter(added.values())))
        findings.append(
            Finding(
                kind="framing",
                severity="medium" if close else "low",
                documents=[ref.document, *documents],
                evidence=[quote_sentence(analysis, r) for r in (ref, *shown)],
                explanation=(
                    f"{report_name(analysis, ref.document)} asserts "
                    + " and ".join(
                        f"{LINK_NAMES[kind]} (“{words}”)" for kind, words in added.items()
                    )
                    + f" in its own voice, quoting no one: “{told}”; "
                    + told_without(
                        names([report_name(analysis, d) for d in documents]),
                        len(documents),
                        close,
                        "fact",
                        "it",
                    )
                    + "."
                ),
            )
        )
    return findings


def _in_own_words(analysis: Analysis, tellings: list[SentenceRef]) -> list[SentenceRef]:
    """The tellings in their report's own words: one mostly in quotation marks is the
    speaker's."""
    return [t for t in tellings if not mostly_quoted(sentence_text(analysis, t))]


_AGENT_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "you", "his", "her", "their", "our"})


def _no_agent(analysis: Analysis, ref: SentenceRef) -> bool:
    """The sentence explains with "because" and names no one in it ("because of forecast
    gusts", "because so much water is pumped out from underground", "because pumping stations
    lost power"): an explanation of how things are, which holds no one to account, is no
    framing of the events. A cause asserted of the event ("was caused by salmonella", "the
    direct result of") still is, whoever it names."""
    text = sentence_text(analysis, ref)
    for cue in link_cues("cause", text):
        if not cue.group(0).lower().startswith("because"):
            return False
        written = text[cue.end() :].split()[:AROUND_WORDS]
        words = [w.lower().strip(",.;:'’") for w in written]
        named = any(w[:1].isupper() for w in written)
        people = any(w in _AGENT_PRONOUNS or is_a_kind_of_person(singular(w)) for w in words)
        if named or people:
            return False
    return True


def _link_told(analysis: Analysis, ref: SentenceRef) -> bool:
    """Another report gives one of the sentence's causes in other words ("died due to
    complications of cancer" / "succumbed to cancer"): a sentence of it, on the same fact or
    not, shares the words after a cue. A cause two reports give is not one report's framing, and
    a sentence chaining causes ("a rout caused a selloff due to fallout from the virus") tells
    the one another report gives."""
    text = sentence_text(analysis, ref)
    others = [set(o.terms) for o in analysis.sentences if o.document != ref.document]
    for cue in link_cues("cause", text):
        reason = set(content_terms(" ".join(text[cue.end() :].split()[:AROUND_WORDS])))
        if any(len(reason & terms) >= min(2, len(reason)) for terms in others):
            return True
    return False
