"""A cut (a span of a sentence to drop) and what applying cuts gives: the sentence's shorter
versions, with spacing, commas, the first capital and the articles restored.

Which spans may go is `compression` (the parts a claim does not need), `attribution_cuts` (in
the words attributing it) and `modifiers` (loaded words that only grade); this module only
applies them.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarize.text.inflection import indefinite_article

# A shortened sentence keeps at least this many words, and this share of the sentence's: the
# cuts decide what a claim needs, and the share only guards against a cut they get wrong. At 0.2
# (0.3 before, 0.4 before stop 42) a long sentence may give its main clause alone ("The
# insurgency said they captured five Iran-backed militants." from 38 words). Of the 29 versions
# it let in on NeuS and the seeds, 3 were fragments, all from cuts since mended (a pair of en
# dashes, a subject's comma before "say", a list's last item after ", and", a verb joined to
# "said").
MIN_KEPT_WORDS = 6
MIN_KEPT_SHARE = 0.2


@dataclass(frozen=True, order=True)
class Cut:
    """A span of the sentence to drop, `start`/`end` in the sentence's own text."""

    start: int
    end: int
    kind: str

    def touches(self, spans: Sequence[tuple[int, int]]) -> bool:
        """The cut overlaps one of `spans`."""
        return any(self.start < end and start < self.end for start, end in spans)

    def splits(self, spans: Sequence[tuple[int, int]]) -> bool:
        """The cut takes part of one of `spans` (a quotation) but not all of it."""
        return any(
            self.start < end and start < self.end and not (self.start <= start and end <= self.end)
            for start, end in spans
        )


def disjoint(cuts: list[Cut], text: str = "") -> list[Cut]:
    """Overlapping cuts reduced to the earliest-starting, longest one. Two cuts sharing only
    the comma between them both stay: "Aleppo, the country's largest, as well as towns"."""
    kept: list[Cut] = []
    for cut in sorted(cuts, key=lambda c: (c.start, -c.end)):
        if not any(_overlap(cut, other, text) for other in kept):
            kept.append(cut)
    return sorted(kept)


def _overlap(cut: Cut, other: Cut, text: str) -> bool:
    start, end = max(cut.start, other.start), min(cut.end, other.end)
    return start < end and not (end - start == 1 and text[start:end] == ",")


_SPACE_BEFORE_MARK = re.compile(r"\s+([,.;:!?])")
_COMMA_BEFORE_MARK = re.compile(r",(?=[,.;:!?])")
_SPACES = re.compile(r"\s{2,}")


def apply_cuts(text: str, cuts: list[Cut]) -> str:
    """The sentence without the cut spans, its spacing, commas, first capital and articles
    restored ("a horrific attack" -> "an attack")."""
    pieces, position = [], 0
    for cut in sorted(cuts):
        pieces.append(text[position : cut.start])
        position = max(position, cut.end)
    pieces.append(text[position:])
    for index in range(len(pieces) - 1):
        pieces[index] = _agreeing_article(pieces[index], pieces[index + 1])
    result = "".join(pieces)
    result = _SPACE_BEFORE_MARK.sub(r"\1", result)
    result = _COMMA_BEFORE_MARK.sub("", result)
    result = _SPACES.sub(" ", result).strip()
    return result[:1].upper() + result[1:]


_ARTICLE_BEFORE_CUT = re.compile(r"\b(a|an|A|An)(\s+)$")
_NEXT_WORD = re.compile(r"\s*([A-Za-z]+)")


def _agreeing_article(before: str, after: str) -> str:
    """`before` with its closing "a"/"an" made to agree with the word that now follows it."""
    article = _ARTICLE_BEFORE_CUT.search(before)
    word = _NEXT_WORD.match(after)
    wanted = indefinite_article(word.group(1)) if word else None
    if article is None or wanted is None:
        return before
    written = article.group(1)
    if written.lower() == wanted:
        return before
    wanted = wanted.capitalize() if written[0].isupper() else wanted
    return before[: article.start(1)] + wanted + article.group(2)


def variants(text: str, always: list[Cut], optional: list[Cut]) -> list[str]:
    """Every combination of the optional cuts, with the `always` cuts applied to each: the
    sentence's shorter versions, longest first, without repeats."""
    found = []
    least = max(MIN_KEPT_WORDS, round(MIN_KEPT_SHARE * len(text.split())))
    for size in range(len(optional) + 1):
        for chosen in itertools.combinations(optional, size):
            shorter = apply_cuts(text, [*always, *chosen])
            if size == 0 or len(shorter.split()) >= least:
                found.append(shorter)
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda variant: -len(variant.split()))
