"""Offsets against spans of text: whether a place falls inside one of them."""

from __future__ import annotations

from collections.abc import Iterable


def in_spans(offset: int, spans: Iterable[tuple[int, int]]) -> bool:
    """`offset` falls in one of the [start, end) `spans` (a quotation, a reported speech, a
    name)."""
    return any(start <= offset < end for start, end in spans)


# What a model copying a quotation changes without changing its words: the kind of quotation
# marks, apostrophes and dashes (and case and spacing, below).
_MARKS = str.maketrans(
    {"‘": "'", "’": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "–": "-", "—": "-", "‐": "-"}
)


def find_as_written(text: str, fragment: str) -> tuple[int, int] | None:
    """Where `fragment` stands in `text`, as [start, end) of `text`: word for word, or else
    ignoring case, runs of spaces, a stop after it, and the kind of quotation marks, apostrophes
    and dashes (a model copying “pushed back” writes "Pushed back"). None when it is not there."""
    at = text.find(fragment)
    if fragment.strip() and at >= 0:
        return at, at + len(fragment)
    haystack, where = _folded(text)
    needle, _ = _folded(fragment.strip().rstrip(".,;:"))
    found = haystack.find(needle) if needle else -1
    if found < 0:
        return None
    return where[found], where[found + len(needle) - 1] + 1


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` with its marks folded, in lower case, each run of spaces one space; and, for each
    of its characters, where it stands in `text`."""
    folded: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if folded and folded[-1] == " ":
                continue
            char = " "
        for lowered in char.translate(_MARKS).lower():
            folded.append(lowered)
            where.append(index)
    return "".join(folded), where
