"""A sentence the report cut off before its end: its versions without the closing clause the
truncation ran into, whose lost end cannot change the claim before it. Whether a sentence was
cut off is `standalone`'s to tell; its cuts are `compression`'s.
"""

from __future__ import annotations

import re

from summarize.compose.cuts import MIN_KEPT_WORDS, Cut, variants
from summarize.compose.sentence_parts import ADJUNCT_SUBORDINATORS, SENTENCE_END, TO_THE_END
from summarize.text.quotes import quotation_spans

# The closing parts a truncated sentence may lose: after them the main clause is whole. Never a
# relative clause or an appositive, which the main verb may follow ("The group, which ...").
_CLOSING = frozenset({*TO_THE_END, "second clause"})
# The adjunct clause a truncation ran into when no comma sets it off ("... with federal
# investigators after the talks had stalled"): its lost end cannot change the claim before it.
# Never a condition ("if", "unless", "once") nor "until", which bounds the claim, nor a clause
# "even" marks ("even after Manafort agreed to cooperate"): the contrast is the point.
_OPEN_ADJUNCT = re.compile(
    rf"(?<!\beven)\s(?:(?:just|shortly|long)\s)?(?:{'|'.join(ADJUNCT_SUBORDINATORS)})\s"
    rf"[^,;]*{SENTENCE_END}"
)


def truncated_variants(
    text: str, always: list[Cut], optional: list[Cut], protected: list[tuple[int, int]]
) -> list[str]:
    """A sentence cut off before its end (`text` with a period added, `optional` its cuts): its
    versions without the closing clause the truncation ran into, longest first; none when no
    such clause opens before the cut. No version loses a `protected` span (who says it)."""
    ends = [c for c in optional if c.kind in _CLOSING and c.end >= len(text.rstrip(".")) - 1]
    quotes = quotation_spans(text)
    ends += [
        cut
        for match in _OPEN_ADJUNCT.finditer(text)
        if not (cut := Cut(match.start(), match.end(), "open adjunct")).splits(quotes)
        and not cut.touches(protected)
    ]
    rest = [c for c in optional if c not in ends]
    found = [
        variant
        for end in ends
        for variant in variants(text, [*always, end], rest)
        if len(variant.split()) >= MIN_KEPT_WORDS
    ]
    unique = list(dict.fromkeys(found))
    return sorted(unique, key=lambda variant: -len(variant.split()))
