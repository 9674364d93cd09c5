"""What the judge reads in one sentence: its stems with their neighbours and slots, its
negations, and the places of the names in it."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from summarize.judge.lexicon import (
    NEGATING_PREFIXES,
    NEGATING_VERBS,
    folded,
    meaningful_stopwords,
)
from summarize.text.calendar import CALENDAR_NAMES
from summarize.text.negation import NEGATIONS
from summarize.text.tokens import STOPWORDS, is_acronym, is_title_case, stem, word_tokens

CONTEXT_WINDOW = 3
# Two negations whose words within this many tokens overlap negate the same thing, however
# differently worded ("did not get the balance right" / "failed to strike the right balance").
NEGATION_REACH = 6


@dataclass(frozen=True)
class Negation:
    words: frozenset[str]  # the first two content words it applies to
    scope: frozenset[str]  # the content words around it, to tell whether two negate one thing


@dataclass(frozen=True)
class Wording:
    """What the negation, opposites, names and nouns checks need of one sentence."""

    stems: frozenset[str]
    neighbours: dict[str, frozenset[str]]  # stem -> stems within CONTEXT_WINDOW of it
    negated: tuple[Negation, ...]
    surfaces: dict[str, str]  # stem -> the word as written, for the reasons
    # stem -> the content words before and after it, and the words right before and after it
    slots: dict[str, frozenset[tuple[str, str, str, str]]]
    title_case: bool  # a headline: capitals do not mark names
    # stem of a word of a name inside the sentence -> the content words before and after the name
    names: dict[str, frozenset[tuple[str, str]]]


@lru_cache(maxsize=50_000)
def read_wording(text: str) -> Wording:
    written = [t.text.replace("'", "").replace("’", "") for t in word_tokens(text)]
    written = [word for word in written if word[:1].isalnum()]
    tokens = [word.lower() for word in written]
    sequence: list[str] = []
    capitalised: list[int] = []  # token index of each capitalised word of `sequence`, else -1
    positions: list[int] = []  # token index of each word of `sequence`
    negated: list[Negation] = []
    surfaces: dict[str, str] = {}
    keep = meaningful_stopwords()
    for index, token in enumerate(tokens):
        is_negation = token in NEGATIONS or (
            token in NEGATING_VERBS and tokens[index + 1 : index + 2] == ["to"]
        )
        if is_negation:
            negated.append(_negation(tokens, index))
        elif token not in STOPWORDS or token in keep:
            for part in _parts(written[index]):
                word = _folded_stem(part)
                sequence.append(word)
                surfaces.setdefault(word, part)
                is_name = part[0].isupper() and not is_acronym(part) and token not in CALENDAR_NAMES
                capitalised.append(index if is_name else -1)
                positions.append(index)
    title_case = is_title_case(written)
    neighbours: dict[str, set[str]] = defaultdict(set)
    slots: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    padded = ["", *sequence, ""]
    last = len(tokens) - 1
    for index, word in enumerate(sequence):
        neighbours[word].update(
            sequence[max(0, index - CONTEXT_WINDOW) : index + CONTEXT_WINDOW + 1]
        )
        at = positions[index]
        before, after = tokens[at - 1] if at else "", tokens[at + 1] if at < last else ""
        slots[word].add((padded[index], before, after, padded[index + 2]))
    for word, found in neighbours.items():
        found.discard(word)  # a word is no neighbour of itself
    return Wording(
        stems=frozenset(sequence),
        neighbours={word: frozenset(found) for word, found in neighbours.items()},
        negated=tuple(negated),
        surfaces=surfaces,
        slots={word: frozenset(found) for word, found in slots.items()},
        title_case=title_case,
        names={} if title_case else _name_places(sequence, capitalised),
    )


def _negation(tokens: list[str], index: int) -> Negation:
    """The negation at tokens[index]."""
    scope = _content_stems(tokens[max(0, index - 2) : index + 1 + NEGATION_REACH])
    words = _content_stems(tokens[index + 1 : index + 6])[:2]
    return Negation(frozenset(words), frozenset(scope))


def _name_places(
    sequence: list[str], capitalised: list[int]
) -> dict[str, frozenset[tuple[str, str]]]:
    """Each word of a run of capitalised words with the content words around the run. A run
    opening the sentence is left out: its first word may be capitalised only for being first."""
    places: dict[str, set[tuple[str, str]]] = defaultdict(set)
    start = 0
    while start < len(sequence):
        end = start
        if capitalised[start] >= 0:
            while end + 1 < len(sequence) and capitalised[end + 1] == capitalised[end] + 1:
                end += 1
            if capitalised[start] > 0:
                before = sequence[start - 1] if start else ""
                after = sequence[end + 1] if end + 1 < len(sequence) else ""
                for word in sequence[start : end + 1]:
                    places[word].add((before, after))
        start = end + 1
    return {word: frozenset(found) for word, found in places.items()}


@lru_cache(maxsize=200_000)
def _folded_stem(word: str) -> str:
    return folded(stem(word.lower()))


def _parts(token: str) -> list[str]:
    """The words of a hyphenated compound; "non-specific" stays one negated word."""
    if "-" not in token:
        return [token] if token else []
    parts = [part for part in token.split("-") if part]
    if len(parts) > 1 and parts[0].lower() in NEGATING_PREFIXES:
        parts[:2] = [parts[0] + parts[1]]
    return parts


def _content_stems(tokens: Iterable[str]) -> list[str]:
    return [
        folded(stem(part))
        for token in tokens
        if token not in STOPWORDS and token not in NEGATIONS
        for part in _parts(token)
    ]


@lru_cache(maxsize=50_000)
def read_wordings(texts: tuple[str, ...]) -> Wording:
    """The wordings of several sentences as one: the evidence of a judgement. Cached like
    `read_wording` (read only): the same evidence backs many claims."""
    wordings = [read_wording(text) for text in texts]
    neighbours: dict[str, set[str]] = defaultdict(set)
    names: dict[str, set[tuple[str, str]]] = defaultdict(set)
    slots: dict[str, set[tuple[str, str, str, str]]] = defaultdict(set)
    for wording in wordings:
        for word, found in wording.neighbours.items():
            neighbours[word] |= found
        for word, slot_set in wording.slots.items():
            slots[word] |= slot_set
        for word, places in wording.names.items():
            names[word] |= places
    return Wording(
        stems=frozenset().union(*(w.stems for w in wordings)),
        neighbours={word: frozenset(found) for word, found in neighbours.items()},
        negated=tuple(n for w in wordings for n in w.negated),
        surfaces={k: v for w in reversed(wordings) for k, v in w.surfaces.items()},
        slots={word: frozenset(found) for word, found in slots.items()},
        title_case=any(w.title_case for w in wordings),
        names={word: frozenset(found) for word, found in names.items()},
    )
