"""Links a sentence asserts between facts: a cause ("because", "led to"), a motive ("in a bid
to", "in response to"), a judgement of who gains or loses ("a major win for") or backing
("backed by"); and which of them a report adds that the other tellings of the same claim do not
make (`added_links`), which the checker reports as framing and the composer avoids.

Links inside someone's reported words are theirs (`speech.reported_speech`), not the report's.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from summarize.analyze.doubt import distancing
from summarize.analyze.nouns import noun_senses
from summarize.analyze.speech import reported_speech
from summarize.models import SentenceAnalysis
from summarize.text.calendar import CALENDAR_NAMES
from summarize.text.inflection import BE_FORMS, in_dictionary, lemmas_of, verb_form
from summarize.text.lexicons import word_set
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.spans import in_spans
from summarize.text.tokens import STOPWORDS

# A past verb, its object (a pronoun, a noun in -s, or a determiner and one or two words), "to",
# a verb and the start of its object.
_ACT_FOR_A_PURPOSE = (
    r"(?P<act>[a-z]+) (?:them|him|her|it|us|(?P<object>[a-z]+s|(?:the|their|its|his|her) [\w-]+"
    r"(?: [\w-]+)?)) to (?P<purpose>[a-z]+) "
    r"(?:the|a|an|their|his|her|its|our|more|extra|any|some|new)"
)
# Verbs whose object is the doer of the infinitive ("asked them to leave", "forced him to
# resign", "paid them to testify") or the means of an act ("used cranes to lift the debris"):
# the infinitive is no motive the report imputes.
_NOT_FOR_A_PURPOSE = word_set(
    """
    ask tell urge order force allow want expect persuade encourage invite require permit enable
    help get lead cause advise warn remind teach compel oblige pressure push train need call
    inspire prompt convince authorize authorise instruct direct appoint elect hire pay leave
    trust beg challenge dare empower entitle license mandate press recruit select summon use
    """
)
# Nouns an infinitive completes, as their content, not an act's purpose: "blocked attempts to
# alter", "emphasized its intent to put".
_NOUNS_WITH_AN_INFINITIVE = word_set(
    """
    attempt attempts effort efforts bid bids plan plans intent intention decision decisions
    right rights ability power powers chance chances need promise promises pledge pledges
    proposal proposals refusal threat threats vote votes deal deals agreement authority
    permission move moves call calls push order orders offer offers request requests way ways
    time opportunity bill bills measure measures motion campaign campaigns drive willingness
    """
)

LINK_CUES: dict[str, re.Pattern[str]] = {
    # "due to" after a form of "be" schedules ("is due to vote"), and so does it before a verb
    # anywhere ("an interview due to air"): see `link_cues`.
    "cause": re.compile(
        r"\b(because|(?:(?<!\bis )(?<!\bare )(?<!\bwas )(?<!\bwere )(?<!\bbe )due to|due to"
        r"(?= (?:the|a|an|his|her|its|their|this|that|these|those|(?-i:[A-Z])\w*|\w+ing)\b))|"
        r"owing to|"
        # "result in" is the verb after a modal, "to" or a relative pronoun ("the first results
        # in hand" is a noun); "what caused it" asks, it does not assert, a cause.
        # "was traced to a cooling tower", "blamed on": what caused it, as a source or a blame
        r"as a result|resulted in|(?:was|were|been) traced to|blamed on|"
        r"(?:will|would|could|may|might|can|to|which|that|it|this) "
        r"results? in|led to|leading to|(?<!\bwhat )caused|sparked by|prompted by|"
        # "the collapse is the direct result of cost-cutting"
        r"(?:is|was|are|were) (?:the |a )?(?:direct |indirect )?result of|"
        # "driven by": what moved a figure or an outcome ("the increase was driven by higher gas
        # prices"), as news mostly uses it; a motive is "motivated by".
        r"fuel(?:l)?ed by|triggered by|driven by)\b",
        re.I,
    ),
    "motive": re.compile(
        # "a bill to address", "support from every part of the city": what a thing is for, who
        # voted for someone; "in a (last-ditch) bid to", "in an (apparent) attempt to", "heeded
        # the demands", "making sure that": why someone acts; an act "was a warning to" someone
        # says what it was meant to tell them. "Aims to", "seeks to", "hopes to" report a
        # declared aim, the plain way to say what a plan or a person is for (readers of unseen
        # stories judged 10 of 16 such findings false): not an imputed motive.
        r"\b(in order to|so as to|"
        r"in an? (?:[\w-]+ )?(?:bid|effort|attempt) to|heed(?:s|ed|ing)?|"
        r"(?:make|makes|making|made) sure that|"
        r"(?:is|was|are|were|as) an? (?:[\w-]+ )?(?:warning|message|signal) to|"
        r"motivated by|shares? concerns?|"
        r"in response to|in retaliation|"
        # "so that they could", "so Trump could": purpose; "only so much any president can do",
        # "so far", "so long as": degree or condition, not purpose.
        r"so (?:that )?(?!(?:much|many|far|long|little|few)\b)(?:\w+ ){1,3}"
        r"(?:could|can|would|might)|"
        # an act and what it was for: "seized them to bankroll their weapons", "raised fees to
        # pocket extra cash" (`_purpose_of_an_act` reads the words)
        rf"{_ACT_FOR_A_PURPOSE})\b",
        re.I,
    ),
    # Who gains or loses by the event, as the report judges it: "in a major win for abortion
    # rights activists", "a boost for Biden's drive", "struck a blow for reform", "a setback
    # to the plan". An outlet's verdict on an event is framing however plain its words; who won
    # a contest is told as a fact ("Biden won", "his victory in Georgia"), not "a win for".
    "judgement": re.compile(
        r"\b(an? (?:[\w-]+ ){0,2}(?:win|victory|blow|setback|boost|defeat|rebuke|reprieve|"
        r"triumph) (?:for|to))\b",
        re.I,
    ),
    "support": re.compile(
        # who is backed by whom, and a standing position of support ("have backed the
        # president"); the simple past "backed" is left out: it also opens "backed by" phrases
        r"\b(backed by|(?:has|have|had) backed|backing (?:from|of)|received (?:the )?backing|"
        r"supported by|thanks to|funded by|armed by)\b",
        re.I,
    ),
}


# What each kind of link asserts, in words (a finding's explanation).
LINK_NAMES = {
    "cause": "a cause",
    "motive": "a motive",
    "judgement": "a judgement of who gains or loses",
    "support": "support for a side",
}

# "due to" and the two words after it: a verb followed by when or where ("due to air on
# Friday", "due to vote Thursday") schedules.
_DUE_TO_NEXT = re.compile(r" ([a-z]+) ([a-z]+)", re.I)
# A way a road or a door leads along: "roads leading to the building".
_A_WAY_BEFORE = re.compile(r"\b(?:roads?|streets?|paths?|steps|stairs|doors|routes?) $", re.I)
# Formulas of news that give no cause of the events: why a source goes unnamed ("spoke on
# condition of anonymity because he was not authorised") and why a thing has its name ("so
# called because their shape resembles a hide").
_WHY_ANONYMOUS_OR_NAMED = re.compile(r"\b(?:anonymity|so[\s-]called|so\s+named)\s*,?\s*$", re.I)
_WHEN_OR_WHERE = frozenset(("on", "at", "in", "next", "later", "tomorrow", "today", "tonight"))
# What completes a verb of happening: "due to take place", "due to take effect", "due to go
# ahead", "due to come into force".
_COMPLETING = frozenset(("place", "effect", "ahead", "off", "into"))


def link_cues(kind: str, text: str) -> Iterator[re.Match[str]]:
    """The words in `text` that make a link of this kind. "due to" before a word that may be a
    verb and then a time or place ("an interview due to air on Friday", "talks due to resume in
    May") schedules; a cause after it is a noun phrase ("due to fallout from", "due to fog").
    "leading to" after a way ("roads leading to the building") is where it goes; "because" after
    "anonymity" or "so called" says why a source is unnamed or a thing named."""
    for match in LINK_CUES[kind].finditer(text):
        cue = match.group(0).lower()
        after = _DUE_TO_NEXT.match(text, match.end())
        if cue == "due to" and after and _schedules(*after.groups()):
            continue
        if cue == "leading to" and _A_WAY_BEFORE.search(text, 0, match.start()):
            continue
        if cue == "because" and _WHY_ANONYMOUS_OR_NAMED.search(text, 0, match.start()):
            continue
        if match.groupdict().get("act") and not _purpose_of_an_act(match):
            continue
        yield match


def _purpose_of_an_act(match: re.Match[str]) -> bool:
    """ "seized them to bankroll": a past act (no verb whose object does the infinitive or is its
    means), an object that the infinitive does not complete ("attempts to alter"), and a verb
    for what it was for (a word in lower case the table does not know is one: "to bankroll")."""
    act, purpose = match["act"].lower(), match["purpose"].lower()
    head = (match["object"] or "").lower().split()[-1:]
    return (
        verb_form(act) == "ed"
        and not lemmas_of(act) & _NOT_FOR_A_PURPOSE
        and not _NOUNS_WITH_AN_INFINITIVE.intersection(head)
        and (
            verb_form(purpose) == "base" or not (in_dictionary(purpose) or purpose in NUMBER_WORDS)
        )
    )


def _schedules(word: str, then: str) -> bool:
    word, then = word.lower(), then.lower()
    if word.endswith(("s", "ing")) or word in STOPWORDS:
        return False  # a plural, a gerund or a determiner opens a noun phrase
    if then not in _WHEN_OR_WHERE and then not in CALENDAR_NAMES and then not in _COMPLETING:
        return False
    return not noun_senses().is_only_noun(word)


def find_links(text: str) -> dict[str, str]:
    """The causes, motives or backing a sentence asserts in its own voice: kind of link -> the
    words making it (a link inside someone's reported words is theirs)."""
    found = {}
    for kind in LINK_CUES:
        for match in link_cues(kind, text):
            theirs = in_spans(match.start(), reported_speech(text))
            if not theirs and not _describes_a_noun(text, match):
                found[kind] = match.group(0)
                break
    return found


# A verb saying what set off an event, with the event after it ("a tremor triggered a rockfall"),
# or a passive "started by" ("the fire was started by a short circuit"; a cause cue of its own
# would also take "a company started by two brothers"):
# news tells it in clauses of background ("since the lockdowns triggered a surge in claims"), so
# it adds no link of the report's own (nor does a cause describing a noun: `_describes_a_noun`),
# but it does say what caused the event.
_SETS_OFF = re.compile(
    r"\b(?:(?:triggered|sparked|set off)(?= (?:a|an|the)\b)|(?:was|were|been) started by)", re.I
)


def cause_told(text: str) -> str | None:
    """The words in which a sentence tells, in its own voice, what caused something: a cue of a
    cause link or a verb of setting off an event, in any clause, a description of a noun too
    ("The fire, sparked by a power line the utility had failed to maintain, has burned ...")."""
    cues = [*link_cues("cause", text), *_SETS_OFF.finditer(text)]
    if not cues:
        return None  # most sentences: no reported speech to read
    reported = reported_speech(text)
    told = (m for m in cues if not in_spans(m.start(), reported))
    return next((m.group(0) for m in told), None)


# A participle and "by" ("caused by", "driven by") with a form of "be" before it asserts the
# cause ("the rise was driven by gas prices"), and so does a participle clause closing the
# sentence ("Prices rose 0.6% in June, driven by gas prices"); straight after a noun, or set off
# by a pair of commas, it describes the noun before it ("hardships caused by the outbreak", "his
# success, driven by a strategy of cuts, made him"), given as background, not as what the
# sentence tells.
_PARTICIPLE_BY = re.compile(
    r"(?:caused|sparked|prompted|fuel(?:l)?ed|triggered|driven)(?: by)?$", re.I
)
_NEXT_BY = re.compile(r"\s+by\b")
# a passive with "be" or "get"
_PASSIVE_AUXILIARIES = BE_FORMS | {"get", "got", "gets"}


def _describes_a_noun(text: str, match: re.Match[str]) -> bool:
    if not _PARTICIPLE_BY.match(match.group(0)):
        return False
    if not match.group(0).lower().endswith(" by") and not _NEXT_BY.match(text, match.end()):
        return False  # "the outbreak caused hardships": the verb, with its object
    before = text[: match.start()].rstrip()
    if _PASSIVE_AUXILIARIES.intersection(before.lower().replace(",", " ").split()[-2:]):
        return False
    return not before.endswith(",") or "," in text[match.end() :]


# Cached: the plainest member of a claim group is chosen against every other member's links, so
# a group of n tellings asks about each text n times (900 reprints of one story: 810,000 times).
@lru_cache(maxsize=20_000)
def _links_made(text: str) -> frozenset[str]:
    """The kinds of link a telling makes: in its own voice, or in words it reports ("SANA said
    ... troops backed by Russian airpower": the reports differ in who says it, not in the link),
    but not after a cue that puts them at a distance (a charge, "Democrats who accuse him of
    trying to weaken ...": a link stated flat against it is a difference in attribution). A
    declared aim or an effort ("Efforts to de-escalate ... have been made") gives a purpose, as
    "in a bid to" does; a change told with the change that moved it ("rose as the cost of gas
    increased") gives a cause, as "driven by" does."""
    distance = distancing(text)
    at_distance = distance.start() if distance else len(text)

    def made(match: re.Match[str]) -> bool:
        return match.start() < at_distance

    kinds = {kind for kind in LINK_CUES if any(made(m) for m in link_cues(kind, text))}
    if any(made(m) for m in _DECLARED_AIM.finditer(text)):
        kinds.add("motive")
    if any(made(m) for m in _CHANGE_AS_CAUSE.finditer(text)):
        kinds.add("cause")
    return frozenset(kinds)


# A figure's change told with another change that moved it ("prices rose as the cost of gas and
# food increased"): the cause that "driven by higher gas prices" gives.
_CHANGE_AS_CAUSE = re.compile(
    r"\bas (?:[\w’'-]+ ){1,8}(?:rose|fell|increased|decreased|climbed|dropped|declined|grew|"
    r"surged|soared|slumped|jumped|slowed|eased|tumbled|plunged)\b",
    re.I,
)
# A purpose told plainly, as a declared aim or an effort: no motive of the cue's kind, but the
# same purpose another report gives with one ("in a bid to de-escalate").
_DECLARED_AIM = re.compile(
    r"\b(?:(?:efforts?|attempts?|bids?)|(?:aim|seek|tr)(?:s|ed|ing|ies|ied|y|ying)?|sought) to\b",
    re.I,
)


def added_links(claim: SentenceAnalysis, others: list[str]) -> dict[str, str]:
    """The links `claim` asserts in its own voice that the other tellings (their texts) do not
    make. In an attributed sentence a link is its speaker's, unless it is in the attribution
    itself, where the report describes the speaker ("President Biden, heeding widespread calls
    ..., said")."""
    if not others:
        return {}
    elsewhere = set().union(*(_links_made(text) for text in others))
    return {
        kind: words
        for kind, words in claim.links.items()
        if kind not in elsewhere
        and (not claim.attributions or any(words in a.text for a in claim.attributions))
    }
