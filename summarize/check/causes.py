"""A cause one report states as fact that another says is not yet known (`attribution`, medium):
"Corroded steel bolts caused the collapse" / "no cause has been established", or "A steering
failure caused the ship to veer" / "examining whether a steering gear fault ... caused the
grounding"."""

from __future__ import annotations

import re

from summarize.analyze.doubt import CAUSING, cause_undetermined
from summarize.analyze.links import cause_told
from summarize.analyze.mentions import name_terms
from summarize.analyze.speech import own_voice_terms
from summarize.check.attribution import states_flatly
from summarize.check.evidence import names, quote_sentence, report_name
from summarize.check.tellings import MAX_COUNTER_QUOTES, sentence_text
from summarize.models import Analysis, Finding, SentenceAnalysis, SentenceRef
from summarize.text.tokens import content_terms

# Words that only say a cause is sought or not known: no word of what happened.
_INQUIRY_TERMS = frozenset(
    content_terms(
        "cause caused causes determine determined establish established investigate investigated "
        "investigation investigators investigating early premature say said know known unknown "
        "unclear official officials cautioned immediately"
    )
)


def _what_happened(analysis: Analysis, item: SentenceAnalysis) -> frozenset[str]:
    """The words of what happened in a sentence saying its cause is not known, without those of
    the inquiry and the names; and in the sentence before it when it is only the inquiry
    ("Investigators have not determined a cause.") or says "the cause" of nothing it names
    ("The company said the cause was still under investigation"): that sentence tells what it
    is the cause of ("Siam Volt said it had received reports of 11 fires")."""
    event = _event_words(analysis, item.document, item.sentence)
    text = sentence_text(analysis, SentenceRef(document=item.document, sentence=item.sentence))
    if item.sentence > 0 and (not event or _BARE_CAUSE.search(text)):
        event |= _event_words(analysis, item.document, item.sentence - 1)
    return event


def _event_words(analysis: Analysis, document: str, sentence: int) -> frozenset[str]:
    ref = SentenceRef(document=document, sentence=sentence)
    words = frozenset(content_terms(sentence_text(analysis, ref)))
    return words - _INQUIRY_TERMS - name_terms(analysis.analysis_of(ref))


# "the cause" or "a cause" followed by no "of" naming what it caused
_BARE_CAUSE = re.compile(r"\b(?:the|a)\s+cause\b(?!\s+of\b)", re.I)


# Cue words after which comes what was caused, not its cause: "A short circuit caused the fire",
# "led to", "resulted in", "triggered a rockfall" (not "caused by", "sparked by").
_EFFECT_AFTER = re.compile(
    r"(?:caused|led to|leading to|result(?:s|ed)? in|triggered|sparked|set off)$", re.I
)
# A form of "be" just before a cue makes it passive: "The flood was caused when ...".
_BE_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+ly\s+)?$", re.I)


def _sides(text: str, cause: str) -> tuple[str, str]:
    """The parts of the sentence telling what the cause it states caused, and that cause:
    "[recalling 48,000 vehicles] because [its batteries can catch fire]", "[A short circuit]
    caused [the fire]", "[The flood] was caused when [the dam gave way]"."""
    at = text.find(cause)
    if at < 0:
        return text, ""
    before, after = text[:at], text[at + len(cause) :]
    passive = after.lstrip().lower().startswith("by ") or _BE_BEFORE.search(before)
    if _EFFECT_AFTER.search(cause) and not passive:
        return after, before
    return before, after


# The cause an inquiry weighs: "examining whether [a steering gear fault or a pilotage error]
# caused the grounding".
_WEIGHED_CAUSE = re.compile(rf"\bwhether\s+(?P<cause>.+?)\s+{CAUSING}\b", re.I)


def _weighed_cause(cue: str) -> frozenset[str]:
    """The words of the cause an inquiry weighs, named in the words saying the cause is not yet
    known ("investigating whether a gas leak caused the blast": "gas", "leak")."""
    weighed = _WEIGHED_CAUSE.search(cue)
    return frozenset(content_terms(weighed["cause"])) - _INQUIRY_TERMS if weighed else frozenset()


def undetermined_cause_findings(analysis: Analysis) -> list[Finding]:
    """A cause one report states as fact that another report says is not yet known: "Corroded
    steel bolts caused the collapse" / "state officials cautioned that no cause has been
    established". The sentence saying so must share a word of what happened with the one
    stating a cause, in what that sentence says was caused (a cause of something else is no
    answer to it: "recalling 48,000 vehicles because its batteries can catch fire" gives no
    cause of the fires). Reports of other dates count: a cause stated flat the day after
    officials said none was known is for a reader to check as much as one stated the same
    day."""
    unknown = []
    for item in analysis.sentences:
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        text = sentence_text(analysis, ref)
        cue = cause_undetermined(text)
        if cue is not None:
            event = _what_happened(analysis, item)
            unknown.append((ref, cue.group(), event, _weighed_cause(cue.group())))
    findings = []
    for item in analysis.sentences if unknown else []:
        ref = SentenceRef(document=item.document, sentence=item.sentence)
        text = sentence_text(analysis, ref)
        cause = cause_told(text)
        if cause is None or cause_undetermined(text) or not states_flatly(analysis, ref):
            continue
        effect, cause_given = (own_voice_terms(side) for side in _sides(text, cause))
        saying = [
            (other, cue)
            for other, cue, event, weighed in unknown
            if other.document != ref.document and (event & effect or weighed & cause_given)
        ]
        if not saying:
            continue
        others = [report_name(analysis, o.document) for o, _ in saying]
        findings.append(
            Finding(
                kind="attribution",
                severity="medium",
                documents=[ref.document, *dict.fromkeys(o.document for o, _ in saying)],
                evidence=[quote_sentence(analysis, ref)]
                + [quote_sentence(analysis, o) for o, _ in saying[:MAX_COUNTER_QUOTES]],
                explanation=(
                    f"{report_name(analysis, ref.document)} states as fact a cause (“{cause}”) "
                    f"that {names(list(dict.fromkeys(others)))} "
                    + ("say" if len(set(others)) > 1 else "says")
                    + f" is not yet known (“{saying[0][1]}”)."
                ),
            )
        )
    return findings
