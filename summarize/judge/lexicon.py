"""The judge's word lists (in summarize/lexicons/), folded to the stems the judge compares."""

from __future__ import annotations

from collections import defaultdict
from functools import cache

from summarize.text.inflection import HOMOGRAPH_MARK, irregular_verbs
from summarize.text.lexicons import lexicon, lexicon_rows
from summarize.text.tokens import STOPWORDS, content_terms, stem

NEGATING_VERBS = frozenset(lexicon("negating_verbs.txt"))
NEGATING_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")


@cache
def _base_forms() -> dict[str, str]:
    """Stem of an irregular verb form -> stem of its base form ("got" -> "get"); a form that is
    also a word of another meaning ("found") keeps its own stem."""
    return {
        stem(form): stem(base)
        for base, forms in irregular_verbs().items()
        for form in forms
        if not form.endswith(HOMOGRAPH_MARK)
    }


def folded(word_stem: str) -> str:
    """A stem with irregular verb forms folded to their base, so "got" meets "get"."""
    return _base_forms().get(word_stem, word_stem)


def content_stems(text: str) -> frozenset[str]:
    return frozenset(folded(found) for found in content_terms(text))


def content_sequence(text: str) -> str:
    """The content stems of `text` in their order, one space apart: "vaccine passports" reads
    as "vaccine passport", and "did not get the balance right" as "failed to get the balance
    right" does from "get" on (negation is the negation check's); "we will win this fight" does
    not read as "ready for a fight"."""
    return " ".join(folded(found) for found in content_terms(text))


@cache
def opposites() -> dict[str, frozenset[str]]:
    """stem -> stems of its opposites, from antonyms.txt and opposed_groups.txt."""
    pairs = [line.split() for line in lexicon("antonyms.txt")]
    for one, other in lexicon_rows("opposed_groups.txt"):
        pairs += [[a, b] for a in one.split() for b in other.split()]
    found: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        found[folded(stem(a))].add(folded(stem(b)))
        found[folded(stem(b))].add(folded(stem(a)))
    return {word: frozenset(words) for word, words in found.items()}


@cache
def classes() -> dict[str, frozenset[int]]:
    """stem -> the closed classes (closed_classes.txt) it belongs to."""
    found: dict[str, set[int]] = defaultdict(set)
    for number, members in enumerate(lexicon("closed_classes.txt")):
        for word in members.split():
            found[stem(word)].add(number)
    return {word: frozenset(numbers) for word, numbers in found.items()}


@cache
def meaningful_stopwords() -> frozenset[str]:
    """Stopwords that still carry meaning for the opposites check (more/less, before/after)."""
    return frozenset(w for w in STOPWORDS if stem(w) in opposites() or stem(w) in classes())
