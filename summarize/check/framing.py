"""Framing findings: loaded words a report uses in its own voice where another report tells the
same claim plainly.

Medium, each; a loaded word low when the other report's telling is only loosely similar (it may
be another fact). Words in quotations or in someone's reported speech are theirs, unless another
report gives the same speech without them: then the report added them (`added_to_speech`); a
loaded verb of speech needs another report's account of the same statement; "so-called" before a
quoted term is no loaded word when another report quotes the term too: both set it apart. The
other framing findings are `counted.py`'s (the same figure counting different things) and
`links.py`'s (a cause, motive or backing asserted in the report's own voice).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.analyze.framing import (
    charged_in_own_voice,
    is_speech_word,
    reported_loaded_terms,
)
from summarize.analyze.reporting import is_reporting, names_a_speaker
from summarize.check.evidence import names, quote_sentence, quote_span, report_name
from summarize.check.tellings import (
    CLOSE_TELLING,
    MAX_COUNTER_QUOTES,
    Tellings,
    counterpart,
    names_speaker,
    own_use,
    same_speaker,
    sentence_text,
    speaker_words,
    told_plainly,
    told_without,
    used_elsewhere,
)
from summarize.models import Analysis, Finding, SentenceAnalysis, SentenceRef, Span
from summarize.text.display import excerpt, excerpt_around, shorten
from summarize.text.quotes import QUOTED

# "so-called" before a term in quotation marks: the term the report sets apart.
_SO_CALLED = re.compile(r"\bso-called [“\"‘']([^”\"’']+)[”\"’']", re.I)


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
    return [
        _loaded_finding(tellings, same)
        for same in found.values()
        if not _most_reports_use(tellings, same)
    ]


# The fewest reports whose own use of a loaded word makes it the story's common word.
MOST_USERS = 3


def _most_reports_use(tellings: Tellings, same: list[_Loaded]) -> bool:
    """Most reports, and at least MOST_USERS of them, use the loaded words in their own voice
    ("scandal" in three reports of four): the story's common word, no one outlet's framing (two
    of three may be two outlets of one leaning against the third's plain telling)."""
    words = {term.text.lower() for term in same[0].charged}
    documents = tellings.analysis.documents
    users = sum(1 for d in documents if own_use(tellings, d.id, words) is not None)
    return users >= MOST_USERS and 2 * users > len(documents)


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
                told_without(report_name(analysis, o.document), 1, close, "claim", without)
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
