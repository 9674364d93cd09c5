"""Sentence splitting with exact offsets: a paragraph is a line, a sentence ends at a stop that
no abbreviation, initial or number explains.

Written here rather than taken from a library: nltk's punkt needs a data download, and spaCy's
parser costs about a second to load; news text needs the rules below and offsets that index the
text exactly.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from summarize.text.calendar import MONTH_ABBREVIATIONS, PERIOD_OF_NOW
from summarize.text.lexicons import word_set
from summarize.text.negation import VERB_NEGATION

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
_BEFORE_NUMBER = word_set("no nos vol p pp art fig ch sec") | frozenset(MONTH_ABBREVIATIONS)
# abbreviations that may end a sentence: split only before a word that often starts one
_MAYBE_FINAL = word_set(
    "inc corp co ltd llc plc jr sr bros etc dept univ est ave blvd rd ft approx"
) | frozenset(MONTH_ABBREVIATIONS)
_SENTENCE_STARTERS = word_set(
    "the a an in on at it its he she they we i you his her their our this that these those there"
    " but and or so yet as if when while after before since although though however meanwhile"
    " also still then now last earlier later some many most all both one for with by from what"
    " who why how where"
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
    return words[-1].lstrip(OPENERS).rstrip(CLOSERS).removesuffix(".").lower() not in _NEVER_FINAL


def ends_on_ellipsis(sentence: str) -> bool:
    """The sentence ends on a subject and a modal whose verb is left out ("Health experts are
    concerned they could be."): the verb is in the sentence before, so the claim is told with it,
    not alone."""
    return bool(_STRANDED_MODAL.search(sentence))


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
        word = text[word_start : terminal.start()].lstrip(OPENERS)
        if _ends_sentence(word, terminal.group("mark"), terminal.group("next")):
            yield trim(text, cut, terminal.end())
            cut = terminal.end()
    if cut < end:
        yield trim(text, cut, end)


def _ends_sentence(word: str, mark: str, next_token: str) -> bool:
    """Whether `word` + `mark` ends a sentence, given the token that follows."""
    following = next_token.lstrip(OPENERS)
    if not following or not (following[0].isupper() or following[0].isdigit()):
        return False
    if mark != ".":
        return True
    lower = word.lower()
    if lower in _NEVER_FINAL:
        return False
    if following[0].isdigit() and lower in _BEFORE_NUMBER:
        return False
    if lower in _MAYBE_FINAL or _INITIALISM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        return following.rstrip(",;:").lower() in _SENTENCE_STARTERS
    return True
