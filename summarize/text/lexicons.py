"""Word lists: the ones written inline by the analyzers, and the files in summarize/lexicons/."""

from __future__ import annotations

from functools import cache
from importlib import resources


def word_set(words: str) -> frozenset[str]:
    """The words of a whitespace-separated list, the way the analyzers write their word lists."""
    return frozenset(words.split())


@cache
def lexicon(filename: str) -> tuple[str, ...]:
    """Entries of a word list in summarize/lexicons/, in order, without comments and blanks."""
    text = resources.files("summarize").joinpath("lexicons", filename).read_text(encoding="utf-8")
    entries = (line.strip() for line in text.splitlines())
    return tuple(dict.fromkeys(entry for entry in entries if entry and not entry.startswith("#")))


@cache
def lexicon_rows(filename: str) -> tuple[tuple[str, ...], ...]:
    """Entries of a word list whose lines hold several fields, "|" between them ("Alabama|Ala.|AL",
    "U.K.|Britain|United Kingdom")."""
    return tuple(tuple(entry.split("|")) for entry in lexicon(filename))
