"""Sentence splitting with exact offsets: a paragraph is a line, a sentence ends at a stop that
no abbreviation, initial or number explains, and a quotation's "?" or "!" before its speaker's
attribution ("Why now?" Haskell asked.) ends none.

Written here rather than taken from a library: nltk's punkt needs a data download, and spaCy's
parser costs about a second to load; news text needs the rules below and offsets that index the
text exactly.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import cache

from summarize.text.calendar import MONTH_ABBREVIATIONS, PERIOD_OF_NOW
from summarize.text.inflection import AUXILIARIES, looks_plural, verb_form
from summarize.text.lexicons import lexicon_rows, word_set
from summarize.text.negation import VERB_NEGATION
from summarize.text.report_verbs import reporting_lemma

CLOSERS = "\"”’')]»"
CLOSER = f"[{re.escape(CLOSERS)}]"
OPENERS = "\"“‘'([«"
_LINE = re.compile(r"[^\n]+")
# A sentence end with no space before the next one ("longer.MSCI's"), as text copied from web
# pages often has; two lowercase letters or digits before the stop keep "U.S." and "p.m." whole.
_GLUED_SENTENCES = re.compile(
    r"(?<=[a-z0-9]{2}[.!?])(?=[A-Z])|(?<=[a-z0-9]{2}[.!?][\"”’])(?=[A-Z])"
)
# A run of marks matches whole, from its start and without backtracking: a text of a million
# stops and no space is read in one pass, not tried again from each stop.
_TERMINAL = re.compile(rf"(?<![.!?…])(?P<mark>[.!?…]++){CLOSER}*+(?=\s+(?P<next>\S+))")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)++[A-Za-z]")  # U.S, U.N, a.m (final period is the mark)

# titles and Latin abbreviations that a name or more text always follows ("v" in a case name:
# "Sanchez v. Mayorkas")
_NEVER_FINAL = word_set(
    "mr mrs ms messrs dr prof sen sens rep reps gov gen lt col capt sgt maj adm cmdr rev hon"
    " pres supt st mt amb e.g i.e vs v cf"
)
# ranks a name or another title always follows ("Brig. Gen. Tom Hall"), but only capitalised:
# "sent to the brig." ends a sentence
_RANKS = word_set("brig cpl pvt pfc spc")
_BEFORE_NUMBER = word_set("no nos vol p pp art fig ch sec") | frozenset(MONTH_ABBREVIATIONS)
# abbreviations that may end a sentence: split only before a word that often starts one. A
# month's abbreviation is not among them: a date's day follows it ("Dec. 5"), and before a
# capitalised word it ends a sentence ("in Nov. and again in Dec. Economists blamed ...").
_MAYBE_FINAL = word_set(
    "inc corp co ltd llc plc jr sr bros etc dept univ est ave blvd rd ft approx"
)
# words that often start a sentence; a small number is written out in lower case inside one and
# capitalised only at its start ("Seven candidates are running")
_SENTENCE_STARTERS = word_set(
    "the a an in on at it its he she they we i you his her their our this that these those there"
    " but and or so yet as if when while after before since although though however meanwhile"
    " also still then now last earlier later some many most all both one for with by from what"
    " who why how where two three four five six seven eight nine ten"
)
# A time of day's "a.m." or "p.m." (the final period is the mark): a time zone, a day or a place's
# time may follow it in the sentence ("1 a.m. Eastern time", "2 a.m. Saturday"), and a clause's
# subject opens the next one ("after 1 a.m. Alvarez called it historic").
_CLOCK = re.compile(r"(?:\d{1,2}(?:[:.]\d\d)?)?[ap]\.m", re.I)
# A determiner before the time makes it a modifier of the noun after it ("the 9 a.m. Senate vote",
# "Sunday's 7 p.m. Lakers game"): no sentence ends there.
_MODIFYING_TIME = re.compile(
    r"(?:\b(?:the|a|an|this|that|its|his|her|their|our|each|every)|\w['’]s)[^\S\n]+"
    r"(?:\d{1,2}(?:[:.]\d\d)?[^\S\n]+)?$",
    re.I,
)
_TIME_REACH = 20  # characters looked back for the determiner: the time's number and a word
# "City, ST." before the stop: news sets a state after its city off with commas ("Washington,
# D.C., on Monday"), so with no comma after it the place ends the sentence, when the next word
# opens a clause ("in Washington, D.C. Lawmakers return Monday"). Only a state's abbreviation
# written as an initialism needs this (the others end a sentence before any capital), and a
# person's initials after a comma do not ("For Trump, H.R. McMaster was ...").
_CAPITAL = "D.C."
_AFTER_CITY = re.compile(r"(?<![\w.])[A-Z][\w'’-]*,[^\S\n]+$")
_CITY_REACH = 40  # characters looked back for the city: enough for one word and its comma
# The two words after a stop, which tell whether a clause opens there: a capitalised word (a
# comma allowed after it: "Alvarez, who chairs ..."; no time zone "ET") and the next word, its
# punctuation aside.
_NEXT_TWO_WORDS = re.compile(r"\s+(?P<first>\S+)(?:\s+(?P<second>\S+))?")
_CAPITALISED_WORD = re.compile(r"[A-Z][A-Za-z'’-]*[a-z],?")
_TRAILING = f",;:.!?…{CLOSERS}"
# A quotation's closing "?" or "!" and the speaker's attribution after it: up to four capitalised
# words (a name and its title) and a reporting verb ("Why now?" Haskell asked.); a first word
# that opens sentences opens the next one ("He added", "The tweet was").
_QUOTE_CLOSERS = "\"”’'"
_ATTRIBUTION = re.compile(
    r"\s+(?P<name>[A-Z][\w'’-]*)\.?\s+(?:[A-Z][\w'’.-]*\s+){0,3}(?P<verb>[a-z]+)\b"
)


_FINISHED = re.compile(rf"[.!?…]{CLOSER}*$")
# A demonstrative opening a sentence points to what the sentence before it told ("That is the
# highest since 2000", "These forces ..."); "this" opening a time phrase ("This week, ...") means
# now, not something told before. "Or" and "nor" go on with the alternatives or the negation the
# sentence before began ("Or after two lawmakers survived ...").
_OPENING_ON_SENTENCE_BEFORE = re.compile(
    rf"^(?:that|these|those|such|or|nor)\b|^this\b(?!\s+{PERIOD_OF_NOW})", re.I
)

# A pronoun and a modal ending the sentence, the verb phrase left out ("they could be.", "we
# will."); "to his will" and "in May" end on nouns, which no pronoun subject precedes.
_STRANDED_MODAL = re.compile(
    r"\b(?:i|you|he|she|it|we|they|who)\s+(?:could|can|would|will|should|shall|may|might|must)"
    rf"(?:\s*{VERB_NEGATION})?(?:\s+(?:be|have|have been|do))?[.!?…]{CLOSER}*$",
    re.I,
)


def is_finished(sentence: str) -> bool:
    """The sentence ends as a sentence does: with a stop, closing quotes or brackets after it
    allowed, that is not the period of a title a name always follows ("In a move led by New
    York Gov." was cut off)."""
    words = sentence.split()
    if not words or not _FINISHED.search(words[-1]):
        return False
    return not _is_title(words[-1].lstrip(OPENERS).rstrip(CLOSERS).removesuffix("."))


_STRANDED_TIME = re.compile(rf"\b(?:ever\s+)?since[.!?…]{CLOSER}*$", re.I)


def ends_on_ellipsis(sentence: str) -> bool:
    """The sentence ends on a subject and a modal whose verb is left out ("Health experts are
    concerned they could be."), or on "since" or "then" standing for a time the sentence before
    gives ("have been idle since."): that sentence tells the claim with it, not alone."""
    return bool(_STRANDED_MODAL.search(sentence) or _STRANDED_TIME.search(sentence))


def opens_on_sentence_before(sentence: str) -> bool:
    """The sentence opens on a demonstrative that points to the sentence before it, or on "or"
    or "nor", which go on with it: its claim is told with that sentence, not alone."""
    return bool(_OPENING_ON_SENTENCE_BEFORE.match(sentence.lstrip(OPENERS)))


def paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each non-blank line, surrounding whitespace trimmed."""
    for line in _LINE.finditer(text):
        span = trim(text, line.start(), line.end())
        if span[0] < span[1]:
            yield span


def sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of the paragraph text[start:end]."""
    cuts = [start, *(m.start() for m in _GLUED_SENTENCES.finditer(text, start, end)), end]
    for piece_start, piece_end in itertools.pairwise(cuts):
        yield from _spaced_sentence_spans(text, piece_start, piece_end)


def split_sentences(text: str) -> list[str]:
    """The sentences of a text, paragraph by paragraph: for summaries given as one string."""
    return [
        text[start:end]
        for paragraph_start, paragraph_end in paragraph_spans(text)
        for start, end in sentence_spans(text, paragraph_start, paragraph_end)
    ]


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _spaced_sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cut = start
    for terminal in _TERMINAL.finditer(text, start, end):
        word_start = terminal.start()
        while word_start > start and not text[word_start - 1].isspace():
            word_start -= 1
        if _ends_sentence(text, word_start, terminal, end):
            yield trim(text, cut, terminal.end())
            cut = terminal.end()
    if cut < end:
        yield trim(text, cut, end)


def _ends_sentence(text: str, word_start: int, terminal: re.Match[str], end: int) -> bool:
    """Whether the word before the stop `terminal` (from `word_start`) and the stop end a
    sentence, given what follows it up to `end`."""
    word = text[word_start : terminal.start()].lstrip(OPENERS)
    mark = terminal.group("mark")
    following = terminal.group("next").lstrip(OPENERS)
    if not following or not (following[0].isupper() or following[0].isdigit()):
        return False
    if mark != ".":
        return not _attributed(text, terminal, end)
    lower = word.lower()
    if _is_title(word):
        return False
    if following[0].isdigit() and lower in _BEFORE_NUMBER:
        return False
    if _CLOCK.fullmatch(word):
        modifying = _MODIFYING_TIME.search(text, max(0, word_start - _TIME_REACH), word_start)
        return _opens_sentence(following) or (
            not modifying and _opens_clause(text, terminal.end(), end)
        )
    if word in _place_initialisms() and _AFTER_CITY.search(
        text, max(0, word_start - _CITY_REACH), word_start
    ):
        return _opens_clause(text, terminal.end(), end)
    if lower in _MAYBE_FINAL or _INITIALISM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        return _opens_sentence(following)
    return True


@cache
def _place_initialisms() -> frozenset[str]:
    """The states' abbreviations written as initialisms ("N.Y", "S.D") and the capital's
    ("D.C"), without the final stop (lexicons/us_states.txt)."""
    abbreviations = (part for row in lexicon_rows("us_states.txt") for part in row[1:])
    return frozenset(
        abbreviation.removesuffix(".")
        for abbreviation in (*abbreviations, _CAPITAL)
        if _INITIALISM.fullmatch(abbreviation.removesuffix("."))
    )


def _is_title(word: str) -> bool:
    """A title or abbreviation a name or more text always follows ("Gov", "Brig", "e.g")."""
    lower = word.lower()
    return lower in _NEVER_FINAL or (lower in _RANKS and word[:1].isupper())


def _opens_sentence(word: str) -> bool:
    return word.lstrip(OPENERS).rstrip(",;:").lower() in _SENTENCE_STARTERS


def _opens_clause(text: str, start: int, end: int) -> bool:
    """The words from `start` open a clause: a word that often starts a sentence, or a
    capitalised subject and a finite verb agreeing with it ("Alvarez called", "Lawmakers
    return", "Alvarez, who chairs ..."), not a name's or a time's further words ("Eastern time",
    "Senate vote", "Saturday")."""
    words = _NEXT_TWO_WORDS.match(text, start, end)
    if words is None:
        return False
    first = words.group("first").lstrip(OPENERS)
    second = (words.group("second") or "").rstrip(_TRAILING)
    if _opens_sentence(first):
        return True
    if not _CAPITALISED_WORD.fullmatch(first) or not (second.isalpha() and second.islower()):
        return False
    if first.endswith(","):
        return second == "who"
    form = verb_form(second)
    return (
        second in AUXILIARIES
        or form in ("ed", "s")
        or (form == "base" and looks_plural(first.lower()))
    )


def _attributed(text: str, terminal: re.Match[str], end: int) -> bool:
    """A quotation closed by its "?" or "!" is followed by its speaker and a reporting verb
    ("Why now?" Haskell asked.): the attribution is part of the sentence."""
    if terminal.group(0)[-1] not in _QUOTE_CLOSERS or terminal.group("mark")[-1] not in "?!":
        return False
    attribution = _ATTRIBUTION.match(text, terminal.end(), end)
    return (
        attribution is not None
        and not _opens_sentence(attribution.group("name"))
        and reporting_lemma(attribution.group("verb")) is not None
    )
