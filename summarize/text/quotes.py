"""Quotations in a sentence: the words a report gives as someone's own.

Closed quotations in curly or straight marks (a straight single mark only between non-letters,
so "don't" is no quotation), and a quotation left open: a quotation of several sentences opens
with a mark in its first sentence and closes in its last (each paragraph of it reopens), so a
sentence split out of one has a lone mark: a lone opening mark quotes to the sentence's end, a
lone closing mark from its start (a straight mark opens one at the start or after a space, and
closes one after punctuation: 'theater,"'; after a digit it is no quotation mark: 'a 6" pipe').
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

# The marks that open (or close) a quotation in double marks, and a single curly opening mark.
QUOTE_MARKS = '“”"‘'
# A sentence with less than this share of its words outside quotation marks is the speaker's
# telling, not the report's own.
OWN_WORDS_SHARE = 0.5
QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentence quotes someone: its closed quotations, and a quotation left open."""
    return list(_quotation_spans(text))


@lru_cache(maxsize=50_000)
def _quotation_spans(text: str) -> tuple[tuple[int, int], ...]:
    # Cached: the analyzers, the composer and the checker each ask about the same sentences.
    spans = [match.span() for match in QUOTED.finditer(text)]
    left_open = _left_open(text)
    if left_open is not None:
        spans.append(left_open)
    return tuple(sorted(spans))


def opens_on_quotation(text: str, min_words: int = 3) -> bool:
    """The sentence opens on a quotation of at least `min_words` words ("“We have no choice,”
    the founder told CNN."): it reports a remark, and the claim in it is the speaker's."""
    text = text.lstrip()
    spans = quotation_spans(text)
    return bool(spans) and spans[0][0] == 0 and len(text[: spans[0][1]].split()) >= min_words


def crosses_sentences(text: str) -> bool:
    """The sentence holds part of a quotation of several sentences (a lone mark)."""
    return _left_open(text) is not None


def continues_quotation(text: str) -> bool:
    """The sentence opens inside a quotation a sentence before it began (a lone closing mark:
    'those doses with other countries," Biden said'): its start, and what it refers to, are
    there."""
    span = _left_open(text)
    if span is None or span[0] != 0 or text[:1] in QUOTE_MARKS:
        return False
    # A straight mark before a curly closing one opened it, typed otherwise ('"plantation
    # politics,”').
    return not any(mark in text[: span[1] - 1] for mark in '"“')


# The same curly mark twice in a row is a typing slip for one ("““Here is this guy").
_DOUBLED_MARK = re.compile(r"([“”])\1+")


def closed(text: str) -> str:
    """The sentence with a quotation it leaves open at its end closed: printed alone, the
    quotation ends with it ('Conway claimed, "Everything I said ... before."'). Only a plain
    case: curly marks alone, or straight marks alone with the last one opening (after a space).
    A curly mark typed twice ("““Here is") is printed once."""
    text = _DOUBLED_MARK.sub(lambda match: match.group()[0], text)
    curly, straight = text.count("“") - text.count("”"), text.count('"')
    if curly == 1 and not straight:
        return text + "”"
    if not curly and "“" not in text and straight % 2 == 1 and _opens(text, text.rfind('"')):
        return text + '"'
    return text


def _opens(text: str, mark: int) -> bool:
    """The straight mark at `mark` opens a quotation: it starts the sentence or a word."""
    return mark == 0 or text[mark - 1].isspace()


@lru_cache(maxsize=50_000)
def _left_open(text: str) -> tuple[int, int] | None:
    """The span of a quotation left open: from a lone opening mark to the end, or from the
    start to a lone closing mark."""
    rest = QUOTED.sub(lambda match: " " * len(match.group()), text)
    opening, closing = rest.find("“"), rest.rfind("”")
    if opening == -1 and closing == -1 and rest.count('"') % 2 == 1:
        # a lone straight mark opening the sentence or a word opens a quotation; one after a
        # word's punctuation ('theater," Biden said') closes one
        mark = rest.find('"')
        if _opens(rest, mark):
            opening = mark
        elif rest[mark - 1] in ",.?!":
            closing = mark
    if opening != -1:
        return (opening, len(text))
    if closing != -1:
        return (0, closing + 1)
    return None


def still_open(text: str) -> bool:
    """A quotation opened in `text` is not closed by its end: a sentence after it, in the same
    paragraph, is the next sentence of the quotation ('"That has to be approved by the White
    House. We may or may not approve it.')."""
    rest = QUOTED.sub(lambda match: " " * len(match.group()), text)
    if rest.rfind("“") > rest.rfind("”"):
        return True
    return rest.count('"') % 2 == 1 and _opens(rest, rest.rfind('"'))


@lru_cache(maxsize=50_000)
def unquoted(text: str) -> str:
    """The sentence with its quotations blanked out: what the outlet itself says."""
    return blanked(text, quotation_spans(text))


def mostly_quoted(text: str) -> bool:
    """Less than OWN_WORDS_SHARE of the sentence's words are outside quotation marks: it is the
    speaker's telling, not the report's own."""
    return len(unquoted(text).split()) < OWN_WORDS_SHARE * len(text.split())


def blanked(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """`text` with the spans replaced by spaces: offsets kept, and no words joined."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
