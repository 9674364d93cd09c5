"""Whether a sentence casts doubt on its claim or puts it at a distance.

"Could not be independently verified", "without evidence", "unconfirmed" say a claim is
unverified (`is_unverified`); "claimed", "allegedly", "reportedly", "it was reported", "what she
said was" present it as someone's, and "unproven", "investigating whether" (or examining,
probing, looking into), "too early to draw conclusions" as not yet established (`distancing`);
"alleged", "falsely", "debunked", "denied reports", and "..., a claim the management denied"
after it dispute it (`disputes`; the last distances it too). A short sentence after a claim that
only says it could not be verified remarks on that claim (`unverified_remark`). A cause not yet
known ("no cause has been established") is `cause_undetermined`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from summarize.models import Document, Sentence
from summarize.text.lexicons import word_set

_DOUBT_RE = re.compile(
    r"\b(?:could|can|has|have|had|was|were|is|are|did|do|does)\s*(?:not|n[’']t)\s+(?:yet\s+)?"
    r"(?:be(?:en)?\s+)?(?:independently\s+|immediately\s+|officially\s+)*"
    r"(?:confirm|confirmed|verify|verified|corroborate|corroborated)\b"
    # "which officials declined to confirm", "would not confirm"
    r"|\b(?:declined|refused)\s+to\s+(?:confirm|verify)\b"
    r"|\b(?:would\s+not|wouldn[’']t)\s+(?:confirm|verify)\b"
    r"|\bwithout\s+(?:providing\s+|offering\s+|citing\s+|giving\s+|presenting\s+)?(?:any\s+)?"
    r"(?:evidence|proof)\b"
    r"|\b(?:unverified|unconfirmed|unsubstantiated|uncorroborated)\b"
    r"|\bno\s+(?:independent\s+)?(?:confirmation|verification|evidence)\b",
    re.IGNORECASE,
)
# Not yet established: the claim is still being looked into, or no one will yet say. Such a
# sentence puts its own claim at a distance; it is no remark on the sentence before it ("She
# said it was too early to say why the train was going so fast" asks its own question).
_UNDETERMINED = re.compile(
    r"\b(?:unproven|unproved)\b"
    r"|\b(?:investigat|examin|prob|look(?:s|ed|ing)?\s+into)(?:e|es|ed|ing)?\s+whether\b"
    # "examining travel records to establish whether", "trying to determine whether"
    r"|\b(?:establish|determin|confirm|verify|check)(?:e|es|ed|ing)?\s+whether\b"
    r"|\b(?:too\s+early|premature)\s+to\s+(?:say|tell|know|determine|"
    r"draw\s+(?:any\s+)?conclusions)\b",
    re.IGNORECASE,
)
# The verbs an inquiry weighs a cause with: "whether a gas leak caused the blast", "whether
# speed played a role".
CAUSING = r"(?:caus\w*|sparked|triggered|started|played\s+a\s+(?:role|part)|contributed|to\s+blame)"
# The cause of what happened is not yet known: "no cause has been established", "the cause of
# the fire is under investigation", "was not immediately known", "investigators would determine
# the cause", "have not determined a cause", "are examining whether a power line sparked the
# fire", "did not say what caused the ferry to capsize", "too early to say what caused it".
_CAUSE_UNDETERMINED = re.compile(
    r"\bno\s+(?:official\s+|likely\s+)?cause\s+(?:has|had)\s+(?:yet\s+)?been\s+"
    r"(?:established|determined|identified|found)"
    r"|\bcauses?\s+(?:of\s+(?:[\w'’-]+\s+){1,6}?)?(?:(?:is|was|are|were|remains|remained)\s+"
    r"(?:still\s+)?(?:unknown|unclear|undetermined|under\s+investigation|being\s+investigated)"
    r"|(?:is|was|are|were|has|had)\s+not\s+(?:yet\s+|immediately\s+|been\s+)*"
    r"(?:known|clear|determined|established|identified))"
    r"|\b(?:will|would|to|not|n[’']t|is|are|was|were|be|been)\s+(?:yet\s+|still\s+|now\s+)?"
    r"(?:determin|establish|identif|investigat|look(?:ing)?\s+into)\w*\s+(?:the|a|what)\s+"
    r"(?:likely\s+|exact\s+|precise\s+)?caused?\b"
    r"|\b(?:investigat|examin|prob|look\w*\s+into|stud)\w*\s+whether\b[^.;]{0,100}?"
    rf"\b{CAUSING}\b"
    r"|\b(?:not|n[’']t)\s+(?:yet\s+)?(?:say|said|know|known|sure|clear)\s+(?:what|why)\s+"
    r"(?:caused|started|sparked|triggered)\b"
    r"|\b(?:too\s+early|premature)\s+to\s+(?:say|tell|know|determine)\s+"
    r"(?:why|(?:a|the)\s+cause|(?:what|whether|how)\s+(?:[\w'’-]+\s+){0,4}?caus\w*)\b",
    re.IGNORECASE,
)
# Doubt cast on a claim: alleged, purported, refuted ("falsely claimed", "a debunked claim"), or
# a report of it denied ("denied an explosive report by BuzzFeed News that ...").
_CLAIM_NOUNS = r"(?:reports?|claims?|allegations?|accounts?|stor(?:y|ies)|figures?|estimates?)"
_DISPUTING = re.compile(
    r"\b(alleged\w*|purported\w*|without evidence|falsely|debunked|false claims?|"
    r"(?:den(?:y|ies|ied|ying)|disput(?:e|es|ed|ing))\s+(?:[\w-]+\s+){0,3}?"
    rf"{_CLAIM_NOUNS})\b",
    re.I,
)
# The claim before it, set apart between commas as one someone denies ("..., a claim the
# management denied", "..., a figure the budget office disputes").
_DENIED_AFTER = re.compile(
    rf"(?<=,\s)(?:a|an)\s+{_CLAIM_NOUNS}\s+(?:that\s+|which\s+)?(?:[\w'’-]+\s+){{1,4}}?"
    r"(?:den(?:y|ies|ied)|disput(?:e|es|ed)|reject(?:s|ed)?|contest(?:s|ed)?)\b",
    re.I,
)

# Cues that put a claim at a distance: someone claims it, it is alleged or only reported, or
# the report says it cannot be verified.
_DISTANCE_RE = re.compile(
    r"\b(?:claim(?:s|ed|ing)?\s+(?=that|to\b|it\b|they|he\b|she\b|his|her|their|the\b)|"
    r"claims?\s+of|alleg(?:e|es|ed|edly|ing|ation|ations)|purport(?:s|ed|edly)?|reportedly|"
    # an accusation is a charge, not a fact: "accuse him of", "accusations that"
    r"accus(?:e|es|ed|ing)\s+(?:\w+\s+){1,3}?of\b|accusations?\s+(?:that|of)\b|"
    r"it\s+(?:was|is|has\s+been)\s+reported|what\s+(?:\w+\s+){1,3}(?:said|says|called))",
    re.IGNORECASE,
)

# "Claims" after these is a noun ("whose claims to be parents were disproven").
_BEFORE_A_NOUN = word_set(
    "the a an this that these those its their his her our my your some whose such"
)


def _makes_noun(word: str) -> bool:
    """ "claims" after this word is a noun: after a determiner, or a verb's object ("expected
    claims", "processing claims")."""
    return word in _BEFORE_A_NOUN or (len(word) > 4 and word.endswith(("ed", "ing")))


def distancing(text: str) -> re.Match[str] | None:
    """A cue that presents the sentence's claim as someone's, or as unconfirmed ("claimed",
    "allegedly", "accused him of", "it was reported", "what she said was", "could not be
    verified"). "Claims" after a determiner or a verb is a noun ("whose claims to be parents
    were disproven", "economists expected claims to fall"). "Reportedly said" doubts that
    someone said it: what was said is the speaker's claim either way."""
    for match in _DISTANCE_RE.finditer(text):
        before = [word.lower() for word in text[: match.start()].split()[-1:]]
        if match.group().lower().startswith("claim") and before and _makes_noun(before[0]):
            continue
        if _SPEECH_AFTER.match(text, match.end()):
            continue
        return match
    return _DOUBT_RE.search(text) or _DENIED_AFTER.search(text) or _UNDETERMINED.search(text)


_SPEECH_AFTER = re.compile(r"\s+(?:said|says|told|tells|wrote|writes|added|stated|called)\b")


@lru_cache(maxsize=50_000)
def is_unverified(text: str) -> bool:
    """True when the sentence says a claim is unverified, unconfirmed or without evidence.
    (Cached: the analyzers, the composer and the checkers each ask about the same sentences.)"""
    return bool(_DOUBT_RE.search(text))


def cause_undetermined(text: str) -> re.Match[str] | None:
    """The sentence says the cause of what happened is not yet known ("no cause has been
    established", "too early to say what caused the collapse"), in its own voice or someone's."""
    return _CAUSE_UNDETERMINED.search(text)


def disputes(text: str) -> bool:
    """The sentence disputes a claim: calls it alleged, false or debunked, or denies a report
    of it, or the claim it tells ("..., a claim the management denied")."""
    return bool(_DISPUTING.search(text) or _DENIED_AFTER.search(text))


def casts_doubt(text: str) -> bool:
    """The sentence says a claim is unverified or disputes it."""
    return is_unverified(text) or disputes(text)


def doubt_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentence says a claim is unverified or disputes it ("repeating unsubstantiated
    claims", "falsely", "could not be verified"): (start, end) of each cue."""
    patterns = (_DOUBT_RE, _DISPUTING, _DENIED_AFTER)
    return [match.span() for pattern in patterns for match in pattern.finditer(text)]


# A sentence this short that says a claim is unverified is a remark on the sentence before it.
REMARK_WORDS = 15


def unverified_remark(document: Document, index: int) -> Sentence | None:
    """The sentence after `index` when it only remarks that the claim could not be verified
    ("The claims could not be independently confirmed.")."""
    if index + 1 >= len(document.sentences):
        return None
    following = document.sentences[index + 1]
    if is_unverified(following.text) and len(following.text.split()) <= REMARK_WORDS:
        return following
    return None


# Verbs of thinking and belief: with a subject of their own ("legislation they think falls
# short", "officials believe the fire was set"), what follows is that subject's view.
_BELIEF_VERB = (
    r"(?:think|thinks|thought|believe|believes|believed|feel|feels|felt|suspect|suspects|"
    r"suspected|doubt|doubts|doubted|consider|considers|reckon|reckons|reckoned)"
)
_HELD_VIEW_RE = re.compile(
    r"\b([\w’']+)\s+(?:(?:also|still|now|firmly|clearly|privately|widely|do|does|did|don[’']t|"
    r"doesn[’']t|didn[’']t|not|have|has|had|long)\s+){0,2}" + _BELIEF_VERB + r"\b"
)
# Words before a belief verb that are no subject of it ("the thought", "to think", "is felt").
_NOT_A_SUBJECT = word_set(
    """
    the a an this that these those its their his her our my your some no any every each to of
    for in on at by with from is are was were be been being and or but than
    """
)


def held_view(text: str) -> re.Match[str] | None:
    """A verb of thinking or belief with its own subject ("they think", "officials believe",
    "Democrats felt"): what follows is that subject's view, not the report's statement."""
    for match in _HELD_VIEW_RE.finditer(text):
        if match.group(1).lower() not in _NOT_A_SUBJECT:
            return match
    return None


# What a report can cite as the source of a finding: a record, a count, a study, an image.
EVIDENCE_NOUNS = (
    r"(?:video|videos|footage|images?|photos?|photographs?|pictures?|records?|documents?|"
    r"data|filings?|emails?|messages?|recordings?|tapes?|transcripts?|logs?|screenshots?|"
    r"polls?|surveys?|study|studies|reports?|figures?|numbers?|statistics|analysis|analyses|"
    r"estimates?|results?|census|index)"
)
# Evidence a report cites for what it tells ("Video showed officers clearing the hall", "records
# show", "the emails revealed"): the claim is the evidence's, as a claim after "said" is the
# speaker's, so the report does not state it in its own voice.
_EVIDENCE_RE = re.compile(
    rf"\b{EVIDENCE_NOUNS}\s+(?:\w+\s+){{0,2}}?(?:show|shows|showed|shown|reveal|reveals|"
    r"revealed|indicate|indicates|indicated|confirm|confirms|confirmed)\b",
    re.I,
)


def cites_evidence(text: str) -> re.Match[str] | None:
    """The sentence tells what a piece of evidence shows (see `_EVIDENCE_RE`)."""
    return _EVIDENCE_RE.search(text)
