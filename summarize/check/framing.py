"""Framing findings: how a report tells a claim that another report tells plainly.

Medium, each (a loaded word or a link low when the other report's telling is only loosely
similar: it may be another fact): loaded words a report uses in its own voice where another tells
the same claim plainly (words in quotations or in someone's reported speech are theirs, unless
another report gives the same speech without them: then the report added them; a loaded verb of
speech needs another report's account of the same statement; "so-called" before a quoted term is
no loaded word when another report quotes the term too: both set it apart); the same number
counting different things (five militants vs five fighters; people killed vs casualties; not
"people" vs "Americans": where people live is no other thing, nor "people" vs "workers":
"people" is the general word for any kind of person); a cause, motive or backing
asserted in a report's own voice that the other reports' telling of the claim does not make ("is
due to vote" schedules, it does not explain; a telling mostly in quotation marks is the speaker's,
not the report's).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.analyze.framing import (
    charged_in_own_voice,
    is_speech_word,
    reported_loaded_terms,
)
from summarize.analyze.links import LINK_NAMES, added_links, link_cues
from summarize.analyze.nouns import (
    is_a_kind_of_person,
    kind_of_either,
    names_inhabitants,
    names_victims,
    synonyms,
)
from summarize.analyze.quantities import overlaps
from summarize.analyze.reporting import is_reporting, names_a_speaker
from summarize.check.evidence import names, quote_sentence, quote_span, report_name
from summarize.check.tellings import (
    AROUND_WORDS,
    CLOSE_TELLING,
    LOOSELY,
    MAX_COUNTER_QUOTES,
    Tellings,
    counterpart,
    names_speaker,
    same_speaker,
    sentence_text,
    speaker_words,
    told_plainly,
    used_elsewhere,
)
from summarize.models import (
    Analysis,
    ClaimGroup,
    Finding,
    Quantity,
    SentenceAnalysis,
    SentenceRef,
    Span,
)
from summarize.text.display import excerpt, excerpt_around, shorten
from summarize.text.inflection import plural
from summarize.text.quotes import QUOTED, mostly_quoted
from summarize.text.tokens import content_terms

# "so-called" before a term in quotation marks: the term the report sets apart.
_SO_CALLED = re.compile(r"\bso-called [“\"‘']([^”\"’']+)[”\"’']", re.I)


def _through_noun(analysis: Analysis, document: str, quantity: Quantity) -> Span:
    """The quantity's span stretched to the noun it counts: "five" -> "five enemy fighters"."""
    text = analysis.document(document).text
    stem = re.escape((quantity.counted or "")[:4])
    match = re.compile(rf"[^.;]{{0,40}}?\b{stem}\w*", re.I).match(text, quantity.end)
    end = match.end() if stem and match else quantity.end
    return Span(start=quantity.start, end=end, text=text[quantity.start : end])


def counted_finding(analysis: Analysis, group: ClaimGroup) -> Finding | None:
    """The same number describing different things ("five militants" / "five fighters"): a
    choice of framing. Two words for one thing ("two countries" / "two nations") are not, nor
    are two figures that only overlap ("nearly 250 patients" / "hundreds of residents"): one may
    count a part of the other."""
    seen: list[tuple[str, Quantity]] = []
    for member in group.members:
        seen.extend(
            (member.document, q)
            for q in analysis.analysis_of(member).quantities
            if q.base_unit == "count" and q.counted
        )
    for index, (doc_a, qa) in enumerate(seen):
        for doc_b, qb in seen[index + 1 :]:
            if (
                doc_a != doc_b
                and qa.counted != qb.counted
                and qa.normalized == qb.normalized
                and overlaps(qa, qb)
                and not synonyms(qa.counted or "", qb.counted or "")
                and not _where_they_live(qa.counted or "", qb.counted or "")
                and not _people_of_a_kind(qa.counted or "", qb.counted or "")
            ):
                return Finding(
                    kind="framing",
                    severity="medium",
                    documents=[doc_a, doc_b],
                    evidence=[
                        quote_span(analysis, doc_a, _through_noun(analysis, doc_a, qa)),
                        quote_span(analysis, doc_b, _through_noun(analysis, doc_b, qb)),
                    ],
                    explanation=(
                        f"The same figure counts different things: {doc_a} “{qa.text}” "
                        f"({plural(qa.counted or '')}) vs "
                        f"{doc_b} “{qb.text}” ({plural(qb.counted or '')})."
                    ),
                )
    return None


def _where_they_live(a: str, b: str) -> bool:
    """One noun is the other told by where its people live ("people" / "Americans", "residents"):
    that is where they are, not how they are framed. Other kinds of a noun may be ("individuals"
    / "civilians", "people" / "casualties")."""
    return kind_of_either(a, b) and (names_inhabitants(a) or names_inhabitants(b))


def _people_of_a_kind(a: str, b: str) -> bool:
    """One noun is "people", the general word for any kind of person, and the other names a kind
    of person ("about 1,200 workers" / "some 1,200 people"): the general word says less, not
    another thing. A word for people harmed ("casualties", "victims") says what happened to
    them, which "people" does not."""
    other = b if a == "people" else a if b == "people" else ""
    return bool(other) and is_a_kind_of_person(other) and not names_victims(other)


@dataclass(frozen=True)
class _Loaded:
    """Loaded words one sentence says in its report's own voice, and the tellings that tell the
    same claim plainly."""

    ref: SentenceRef
    charged: list[Span]
    plain: list[SentenceRef]
    close: bool
    near: frozenset[str]

    @property
    def words(self) -> tuple[str, ...]:
        return tuple(sorted({term.text.lower() for term in self.charged}))


def loaded_findings(analysis: Analysis, tellings: Tellings) -> list[Finding]:
    """Loaded words in a report's own voice, where another report tells the claim plainly. A
    sentence that is no news reporting (a teaser for another story, an instruction) tells no
    claim. Reports that use the same words against the same plain tellings make one finding."""
    found: dict[tuple[tuple[str, ...], tuple[tuple[str, int], ...]], list[_Loaded]] = {}
    for item in analysis.sentences:
        loaded = _loaded_in(analysis, tellings, item)
        if loaded is not None:
            plain = tuple((o.document, o.sentence) for o in loaded.plain)
            found.setdefault((loaded.words, plain), []).append(loaded)
    return [_loaded_finding(tellings, same) for same in found.values()]


def _loaded_in(analysis: Analysis, tellings: Tellings, item: SentenceAnalysis) -> _Loaded | None:
    ref = SentenceRef(document=item.document, sentence=item.sentence)
    sentence = analysis.sentence(ref)
    charged = charged_in_own_voice(sentence.text, sentence.start, item.loaded_terms)
    if not charged or not is_reporting(sentence.text, names_a_speaker(item.attributions)):
        return None
    plain, charged = told_plainly(tellings, tellings.of(ref, charged[0]), charged)
    # A verb of speech ("slammed") characterises a statement: only another report's account
    # of the same statement, by the same speaker, tells it plainly.
    speech = [term for term in charged if is_speech_word(term.text)]
    if speech:
        speakers = speaker_words(item)
        same = [
            o
            for o in plain
            if analysis.analysis_of(o).attributions
            and (
                same_speaker(speakers, speaker_words(analysis.analysis_of(o)))
                if item.attributions
                else names_speaker(sentence.text, speaker_words(analysis.analysis_of(o)))
            )
        ]
        if not same:
            charged = [term for term in charged if term not in speech]
        elif len(speech) == len(charged):
            plain = same
    if _set_apart_elsewhere(analysis, ref, sentence.text):
        charged = [term for term in charged if term.text.lower() != "so-called"]
    if not plain or not charged:
        return None
    return _Loaded(
        ref, charged, plain, tellings.close(ref, plain), tellings.around(ref, charged[0])
    )


def _loaded_finding(tellings: Tellings, same: list[_Loaded]) -> Finding:
    """One finding for the reports that say the same loaded words against the same plain
    tellings; medium when one of them is told closely. Each plain telling is shown by its words
    nearest those around the loaded word, where its own wording of the claim stands."""
    analysis = tellings.analysis
    plain = same[0].plain
    shown = plain[:MAX_COUNTER_QUOTES]
    near = frozenset().union(*(loaded.near for loaded in same))
    users = [report_name(analysis, loaded.ref.document) for loaded in same]
    words = ", ".join(f"“{term.text}”" for term in same[0].charged)
    close = any(loaded.close for loaded in same)
    without = "it" if len(same[0].charged) == 1 else "them"
    return Finding(
        kind="framing",
        severity="medium" if close else "low",
        documents=list(
            dict.fromkeys([*(loaded.ref.document for loaded in same), *(o.document for o in plain)])
        ),
        evidence=[quote_sentence(analysis, loaded.ref) for loaded in same]
        + [quote_sentence(analysis, o) for o in shown],
        explanation=(
            f"{names(users)} "
            + ("uses " if len(users) == 1 else "use ")
            + words
            + (" itself, quoting no one; " if len(users) == 1 else " themselves, quoting no one; ")
            + "; ".join(
                _told_without(report_name(analysis, o.document), 1, close, "claim", without)
                + _in_its_place(analysis, same[0], o, near)
                for o in shown
            )
            + "."
            + used_elsewhere(tellings, [loaded.ref for loaded in same], plain, same[0].words)
        ),
    )


def _in_its_place(
    analysis: Analysis, loaded: _Loaded, other: SentenceRef, near: frozenset[str]
) -> str:
    """The plain telling's words where the loaded word stands, when it has some ("saying
    “right-wing conspiracy theorist”"), and an excerpt around them, or else around the words
    near the loaded one."""
    sentence, term = analysis.sentence(loaded.ref), loaded.charged[0]
    text = sentence_text(analysis, other)
    words = counterpart(sentence.text, *term.within(sentence), text)
    if words is None:
        return f": “{excerpt(text, near)}”"
    return f", saying “{words}”: “{excerpt_around(text, words)}”"


def _set_apart_elsewhere(analysis: Analysis, ref: SentenceRef, text: str) -> bool:
    """Another report puts in quotation marks a term this sentence calls "so-called" (so-called
    "ghost guns" / "ghost guns"): both set the term apart, so "so-called" is no difference in
    framing between them."""
    terms = {match.group(1).lower() for match in _SO_CALLED.finditer(text)}
    return bool(terms) and any(
        quoted.strip("“”\"‘’'").lower() in terms
        for document in analysis.documents
        if document.id != ref.document
        for quoted in QUOTED.findall(document.text)
    )


def added_to_speech(analysis: Analysis, tellings: Tellings) -> list[Finding]:
    """Loaded words inside a report's paraphrase of someone's statement that the other reports'
    versions of the same statement do not have: the report added them ("Syria announced that
    its counteroffensive has successfully pushed back insurgents"). Another version is a close
    telling by the same speaker: one speaker makes many statements, and a loose match is often
    another one of them (readers judged such findings false)."""
    findings = []
    for item in analysis.sentences:
        if not item.attributions:
            continue
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        sentence = analysis.sentence(ref)
        added = reported_loaded_terms(sentence.text, sentence.start)
        if not added:
            continue
        speakers = speaker_words(item)
        versions = [
            o
            for o in tellings.of(ref)
            if same_speaker(speakers, speaker_words(analysis.analysis_of(o)))
            and tellings.similarity(ref, o) >= CLOSE_TELLING
        ]
        plain, added = told_plainly(tellings, versions, added)
        if not plain:
            continue
        shown = plain[:MAX_COUNTER_QUOTES]
        near = tellings.around(ref, added[0])
        source = item.attributions[0].source
        findings.append(
            Finding(
                kind="framing",
                severity="medium",
                documents=[ref.document, *(o.document for o in plain)],
                evidence=[quote_span(analysis, ref.document, term) for term in added]
                + [quote_sentence(analysis, o) for o in shown],
                explanation=(
                    f"{report_name(analysis, ref.document)} adds "
                    + ", ".join(f"“{term.text}”" for term in added)
                    + f" to what {shorten(source, 40)} said; "
                    + "; ".join(
                        f"{report_name(analysis, o.document)} reports the same statement "
                        f"without it: “{excerpt(sentence_text(analysis, o), near)}”"
                        for o in shown
                    )
                    + "."
                ),
            )
        )
    return findings


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
            if kind != "cause" or not _link_told(analysis, ref)
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
                    + _told_without(
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


def _told_without(reports: str, count: int, close: bool, what: str, words: str) -> str:
    """How `count` other reports tell the claim or fact without the framing `words` ("it",
    "them"): the same one when their telling is close, else only their nearest sentences, which
    may tell another."""
    if close:
        return f"{reports} {'tells' if count == 1 else 'tell'} the same {what} without {words}"
    sentences, verb = ("sentence", "does") if count == 1 else ("sentences", "do")
    return f"the nearest {sentences} of {reports} ({LOOSELY}) {verb} without {words}"


def _in_own_words(analysis: Analysis, tellings: list[SentenceRef]) -> list[SentenceRef]:
    """The tellings in their report's own words: one mostly in quotation marks is the
    speaker's."""
    return [t for t in tellings if not mostly_quoted(sentence_text(analysis, t))]


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
