"""Quotations in a sentence: the words a report gives as someone's own.

Closed quotations in curly or straight marks (a straight single mark only between non-letters,
so "don't" is no quotation), and a quotation left open: a quotation of several sentences opens
with a mark in its first sentence and closes in its last (each paragraph of it reopens), so a
sentence split out of one has a lone mark: a lone opening mark quotes to the sentence's end, a
lone closing mark from its start (a straight mark is a closing one after punctuation: 'theater,"').
"""

from __future__ import annotations

import re
from functools import lru_cache

QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|‘[^’]*’|(?<!\w)'[^']*'(?!\w)")


def quotation_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentence quotes someone: its closed quotations, and a quotation left open."""
    spans = [match.span() for match in QUOTED.finditer(text)]
    rest = QUOTED.sub(lambda match: " " * len(match.group()), text)
    opening, closing = rest.find("“"), rest.rfind("”")
    if opening == -1 and closing == -1 and rest.count('"') % 2 == 1:
        # a lone straight mark opening the sentence opens a quotation; one after a word's
        # punctuation ('theater," Biden said') closes one
        mark = rest.find('"')
        if not rest[:mark].strip():
            opening = mark
        elif rest[mark - 1] in ",.?!":
            closing = mark
    if opening != -1:
        spans.append((opening, len(text)))
    elif closing != -1:
        spans.append((0, closing + 1))
    return sorted(spans)


@lru_cache(maxsize=50_000)
def unquoted(text: str) -> str:
    """The sentence with its quotations blanked out: what the outlet itself says."""
    return blanked(text, quotation_spans(text))


def blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the spans replaced by spaces: offsets kept, and no words joined."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)
