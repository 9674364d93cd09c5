"""Numbers that are not quantities: ordinals, years, calendar dates, clock times, phone numbers,
scores ("3-1"), names with numbers ("F-16", "Resolution 2254", "Group of 7", "the Group of Seven":
a number word is capitalised only in a name), periods of a year ("the second quarter", "the first
half of 2020"), the span another figure is taken over ("over the past 12 months"), addresses and
versions ("127.0.0.1", "3.8.0"), code ("alert(3)", "x[2]") and the pronoun "one"."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from summarize.analyze.dates import calendar_spans
from summarize.text.numbers import NUMBER_WORDS, ORDINALS
from summarize.text.tokens import is_title_case

if TYPE_CHECKING:
    from summarize.analyze.quantities.intervals import Qualifier
    from summarize.analyze.quantities.numbers import Number
    from summarize.analyze.quantities.units import Unit

LOOKBACK = 40  # characters searched before a number for what stands before it

# Words that end the search for a counted noun ("five of whom", "two were from"), and that are
# no name before a number ("The 5 ..." is no "Flight 370").
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "of", "in",
    "on", "at", "to", "from", "by", "for", "with", "without", "into", "onto", "over", "under",
    "about", "after", "before", "since", "during", "between", "among", "against", "across",
    "through", "as", "than", "per", "via", "who", "whom", "whose", "which", "what", "where",
    "when", "while", "whether", "if", "because", "so", "is", "are", "was", "were", "be", "been",
    "being", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "said", "say", "says", "told", "according", "he",
    "she", "it", "they", "we", "you", "i", "me", "him", "her", "them", "us", "its", "their",
    "his", "our", "your", "my", "others", "other", "another", "each", "every", "all", "both",
    "some", "any", "more", "most", "less", "least", "many", "much", "few", "several", "such",
    "only", "just", "also", "still", "even", "already", "again", "ago",
})  # fmt: skip

_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b|-(?:" + "|".join(ORDINALS) + r")\b", re.I)
_LETTER_AFTER = re.compile(r"[A-Za-z]")
_CLOCK_AFTER = re.compile(
    r"\s*(?:[ap]\.m\b|[ap]m\b|[AP]M\b|GMT\b|UTC\b|[ECMP][DS]T\b|BST\b|CET\b|CEST\b|o['’]clock"
    r"|hours?\s+(?:GMT|UTC|local))|[:/]\d"
)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b"
)
_GLUED_BEFORE = re.compile(r"(?:[A-Za-z]-?|\d[:/]|#|\bNo\.?\s|\bnumber\s)$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w'’.-]*)\s+$")
# Code and addresses: "alert(3)", "items[2]", "127.0.0.1", "3.8.0".
_CODE_BEFORE = re.compile(r"(?:[A-Za-z_]\w*\(|\w\[)\s*$")
_DOTTED_AFTER = re.compile(r"\.\d")
# "the Group of 7", "Class of 20...": a capitalised word and "of" before a bare number.
_NAMED_OF_BEFORE = re.compile(r"\b(?P<word>[A-Z][a-z]+)\s+of\s+$")
# A fraction word that names a period of the year: "the second quarter", "first half of 2020".
_PERIOD_BEFORE = re.compile(
    r"\b(?:the|this|last|next|that|each|every|per|fiscal|calendar|same|current|previous|prior|"
    r"latest|final|past|first|second|third|fourth|1st|2nd|3rd|4th)\s+$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s+of\s+(?:1[89]|20)\d\d\b|\s+(?:1[89]|20)\d\d\b")
_ONE_AS_PRONOUN_BEFORE = re.compile(
    r"\b(?:no|the|this|that|any|every|each|which|such)\s+$", re.IGNORECASE
)
_ONE_AS_PRONOUN_AFTER = re.compile(r"\s+(?:of|another|or\s+another)\b|['’]s\b", re.IGNORECASE)
# The span a figure is counted or changed over, read as its period (frames.form.period_of):
# "fell 18% over the past 12 months".
_SPAN_BEFORE = re.compile(
    r"\b(?:over|across|during|within)\s+the\s+(?:past|last|previous|next|coming)\s+$",
    re.IGNORECASE,
)
_SPAN_UNITS = frozenset({"week", "month", "year"})


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Calendar dates and phone numbers: no figure is read inside them."""
    return calendar_spans(text) + [match.span() for match in _PHONE.finditer(text)]


def digits_in_a_code(text: str, start: int, digits_end: int, end: int) -> bool:
    """Digits glued to letters or marks ("F-16", "#3", "No. 5"), in code ("alert(3)", "x[2]"),
    an ordinal ("3rd"), a clock time ("3 pm", "10:30") or an address or version ("127.0.0.1")."""
    if _GLUED_BEFORE.search(text, max(0, start - LOOKBACK), start):
        return True
    if _CODE_BEFORE.search(text, max(0, start - LOOKBACK), start):
        return True
    if _ORDINAL_AFTER.match(text, digits_end) or _CLOCK_AFTER.match(text, end):
        return True
    return bool(_DOTTED_AFTER.match(text, digits_end))


def names_a_period(text: str, start: int, end: int) -> bool:
    """A fraction word that names a period of the year: "the second quarter", "first half of
    2020"."""
    return bool(
        _PERIOD_BEFORE.search(text, max(0, start - LOOKBACK), start) or _YEAR_AFTER.match(text, end)
    )


def hyphenated_ordinal(text: str, end: int) -> bool:
    """A number word ending an ordinal: "twenty-first"."""
    return text.startswith("-", end) and bool(_ORDINAL_AFTER.match(text, end))


# A number and "in" or "out of" before another number.
_NUMBER_BEFORE = re.compile(
    r"\b(?P<part>\d+|"
    + "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\s+(?P<link>in|out\s+of)\s+$",
    re.IGNORECASE,
)
# The bases a ratio is told over: "nine in ten", "one in five", "three out of 100".
_RATIO_BASES = frozenset({2, 3, 4, 5, 6, 7, 8, 9, 10, 100, 1000})


def _ratio_base(text: str, number: Number) -> bool:
    """The number is the base of a ratio: after a smaller number and "out of", after "one in",
    or after "in" when it is a round base ("nine in ten unvaccinated people"; not "10 in 12
    games")."""
    before = _NUMBER_BEFORE.search(text, max(0, number.start - LOOKBACK), number.start)
    if before is None:
        return False
    part = before["part"].lower()
    value = int(part) if part.isdigit() else NUMBER_WORDS[part]
    if value >= number.value:
        return False
    return before["link"].lower() != "in" or value == 1 or number.value in _RATIO_BASES


def one_as_pronoun(text: str, start: int, end: int) -> bool:
    """ "no one", "the one", "one of", "one another", "one's": the pronoun, no number."""
    return bool(
        _ONE_AS_PRONOUN_BEFORE.search(text, max(0, start - LOOKBACK), start)
        or _ONE_AS_PRONOUN_AFTER.match(text, end)
    )


def not_a_quantity(
    text: str,
    number: Number,
    unit: Unit,
    counted: str | None,
    qualifier: Qualifier | None,
    dashed: bool,
) -> bool:
    """Years, numbers in names ("Flight 370", "5G"), a bare "one", scores and codes ("1-3"), and
    the span of time another figure is counted or changed over ("the stock has fallen 18% over
    the past 12 months": the 12 months are the change's period, no duration of their own)."""
    if unit.kind == "measure":
        span = _SPAN_BEFORE.search(text, max(0, number.start - LOOKBACK), number.start)
        return span is not None and unit.pint_units[0] in _SPAN_UNITS
    if unit.kind != "count":
        return False
    if number.digits and _LETTER_AFTER.match(text, number.end):
        return True
    year = re.fullmatch(r"1[89]\d\d|20\d\d|2100", number.digits)
    if year and qualifier in (None, "from", "between"):
        return True
    if _in_a_name(text, number, counted):
        return True
    if _ratio_base(text, number):
        return True  # "kills one in ten of those it infects": a ratio, no count of ten
    if counted is not None:
        return False
    if number.kind == "range" and dashed and number.high < 1000:  # scores: "lost 1-3"
        return True
    if number.digits and qualifier in (None, "from", "between"):
        name = _NAME_BEFORE.search(text, max(0, number.start - LOOKBACK), number.start)
        if name and name["word"].lower() not in FUNCTION_WORDS:
            return True
    return number.value == 1 and number.kind == "exact"


def _in_a_name(text: str, number: Number, counted: str | None) -> bool:
    """ "the Group of Seven", "the Group of 20 major economies", "the Big Three": a number word
    is capitalised inside a sentence only in a name, and so is a number after "Name of"."""
    before = text[: number.start].rstrip()
    inside = bool(before) and before[-1] not in '.!?:;"“‘(—–'
    written = text[number.start : number.end]
    if not number.digits and written[:1].isupper() and inside:
        return not is_title_case(text.split())
    named = _NAMED_OF_BEFORE.search(text, max(0, number.start - LOOKBACK), number.start)
    if named is None:
        return False
    word = named["word"].lower()
    if word in FUNCTION_WORDS or word in NUMBER_WORDS or word in ("out", "none", "each"):
        return False
    return counted is None or (named.start() > 0 and not text[: named.start()].isspace())
