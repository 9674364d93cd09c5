"""Which names in a set of reports refer to one entity. `resolve_entities` groups surface
forms by spelling alone (no alias tables): normalised keys, fuzzy spelling variants, surnames
and other tails of longer names, and acronyms matched to initials. Names that need world
knowledge (a capital standing for its government) are out of its reach.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from summarize.analyze.mentions import (
    CONNECTORS,
    ORGANISATION_HEADS,
    SENTENCE_STARTERS,
    is_title,
)
from summarize.analyze.name_spelling import same_name, skeleton, undouble
from summarize.models import Entity
from summarize.text.lexicons import lexicon, word_set
from summarize.text.tokens import POSSESSIVE_RE, is_acronym

_NAME_KEY_DROPPED = CONNECTORS - {"of", "for"}
# Heads of a public body's name that English puts before its field with "of" or after it ("the
# Department of Justice" / "the Justice Department", "the Court of Appeals" / "the Appeals
# Court"): one name, two orders.
_INVERTED_HEADS = word_set("department ministry office committee commission court")
# Leading words that make "Korea" and "North Korea" different places rather than one name.
_PLACE_MODIFIERS = word_set(
    "north south east west northern southern eastern western central new upper lower greater"
)


def person_words(words: list[str]) -> list[str]:
    """The lower-cased words of a name with a short given name in full ("Joe" for "Joseph"):
    it does not tell people apart (a generation does: Donald Trump / Donald Trump Jr)."""
    if len(words) > 1:
        words = [_given_names().get(words[0], words[0]), *words[1:]]
    return words


@lru_cache(maxsize=1)
def _given_names() -> dict[str, str]:
    return {
        short: full
        for line in lexicon("given_names.txt")
        for full, *shorts in [line.split()]
        for short in shorts
    }


_CAPITALISED_COMPOUND_RE = re.compile(r"(?:^|\s)[A-Z][\w.'’]*-[A-Z]")


# Letters that carry their mark inside them, which NFKD does not take apart ("Sørensen" is
# "Sorensen" in English text, "Łódź" "Lodz").
_LETTERS_WITHOUT_MARKS = str.maketrans(
    {"ø": "o", "ł": "l", "đ": "d", "ð": "d", "ı": "i", "æ": "ae", "œ": "oe", "ß": "ss", "þ": "th"}
)


@lru_cache(maxsize=100_000)
def name_key(surface: str) -> tuple[str, ...]:
    """Normalised tokens of a name: case, diacritics, apostrophes, hyphens, articles ("al-",
    "the"), name particles ("bin", "de"), titles, middle initials and a short form of the given
    name ("Joe" for "Joseph") do not distinguish names."""
    plain = unicodedata.normalize("NFKD", surface)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = plain.translate(_LETTERS_WITHOUT_MARKS)
    plain = POSSESSIVE_RE.sub("", plain.strip())
    plain = re.sub(r"['’‘`ʼ.]", "", plain)
    words = re.split(r"[\s\-–—]+", plain)
    words = [w for w in words if w]
    raw = tuple(words)
    while len(words) > 1 and (words[0] == "the" or _title_of_a_person(words)):
        words = words[1:]
    words = person_words([w for w in words if w not in _NAME_KEY_DROPPED])
    if len(words) in (3, 4) and words[0] in _INVERTED_HEADS and words[1] == "of":
        words = [*words[2:], words[0]]  # "Department of Education" is the Education Department
    if len(words) >= 3:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return tuple(words) or raw


def _title_of_a_person(words: list[str]) -> bool:
    """The name opens on a title of a person ("Justice Kennedy"), not on a body's field
    ("Justice Department")."""
    return is_title(*words[:2]) and not (len(words) == 2 and words[1] in ORGANISATION_HEADS)


# "Justice Department" is also written "Department of Justice", whose initials are "DOJ".
_DEPARTMENT = re.compile(r"(?:the\s+)?(?P<of>.+?)\s+(?P<head>Department|Ministry)", re.I)


def initials(surface: str) -> set[str]:
    """Acronyms a long name could have: with and without its lowercase connectors, and of its
    "Department of ..." form."""
    words = [w for w in re.split(r"[\s\-]+", POSSESSIVE_RE.sub("", surface)) if w]
    if len(words) < 2:
        return set()
    department = _DEPARTMENT.fullmatch(" ".join(words))
    if department:
        return _initials(words) | _initials([department["head"], "of", *department["of"].split()])
    return _initials(words)


def _initials(words: list[str]) -> set[str]:
    capitals = "".join(
        w.replace(".", "") if is_acronym(w) else w[0] for w in words if w[0].isupper()
    )
    every = "".join(w.replace(".", "") if is_acronym(w) else w[0] for w in words)
    return {capitals.upper(), every.upper()} - {""}


@dataclass
class _Name:
    """One normalised key with the surfaces that give it."""

    key: tuple[str, ...]
    surfaces: list[str] = field(default_factory=list)


class _Groups:
    """Union-find over name indices."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, item: int) -> int:
        while self.parent[item] != item:
            self.parent[item] = self.parent[self.parent[item]]
            item = self.parent[item]
        return item

    def union(self, a: int, b: int) -> None:
        root_a, root_b = self.find(a), self.find(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)


def resolve_entities(mentions: Sequence[tuple[str, str]]) -> list[Entity]:
    """Group (document id, surface) mentions into entities, the most mentioned first.

    Work is over distinct surfaces and keys, and spellings are compared only inside blocks of
    names with as many words and a last word that sounds the same, so it is not quadratic.
    """
    counts = Counter(surface for _, surface in mentions)
    documents: dict[str, dict[str, None]] = {}
    for document, surface in mentions:
        documents.setdefault(surface, {})[document] = None

    names: dict[tuple[str, ...], _Name] = {}
    for surface in counts:
        key = name_key(surface)
        names.setdefault(key, _Name(key)).surfaces.append(surface)
    keyed = list(names.values())
    groups = _Groups(len(keyed))
    _merge_spellings(keyed, groups)
    _attach_tails(keyed, groups)
    _attach_acronyms(keyed, groups)

    members: dict[int, list[str]] = {}
    for index, name in enumerate(keyed):
        members.setdefault(groups.find(index), []).extend(name.surfaces)
    entities = [_entity(surfaces, counts, documents) for surfaces in members.values()]
    first_seen = {surface: i for i, surface in enumerate(counts)}
    entities.sort(key=lambda e: (-sum(counts[v] for v in e.variants), first_seen[e.variants[0]]))
    return entities


def _merge_spellings(names: list[_Name], groups: _Groups) -> None:
    """Union names whose tokens are spelling variants. Every rule of `same_name` needs equal
    token counts and a last word that sounds the same, or the same words but one that is one
    slip apart, so blocks on those lose nothing: two words one edit apart share the word or a
    form of it with a letter dropped (the deletion neighbourhood of Garbe's SymSpell)."""
    single_words = {name.key[0] for name in names if len(name.key) == 1}
    blocks: dict[tuple[str, ...], list[int]] = {}
    for index, name in enumerate(names):
        if len(name.key) == 1 and _is_derived(name.key[0], single_words):
            continue
        if all(is_acronym(surface) for surface in name.surfaces):
            continue  # acronyms are compared letter for letter
        blocks.setdefault((str(len(name.key)), skeleton(name.key[-1])), []).append(index)
        if len(name.key) > 1:
            for position, word in enumerate(name.key):
                others = name.key[:position] + name.key[position + 1 :]
                for dropped in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                    blocks.setdefault(("slip", str(position), *others, dropped), []).append(index)
    for block in blocks.values():
        for position, a in enumerate(block):
            for b in block[position + 1 :]:
                if same_name(names[a].key, names[b].key):
                    groups.union(a, b)


def _is_derived(word: str, words: set[str]) -> bool:
    """A word made from another name of the set (Syrian from Syria): not a spelling of it,
    and not a spelling of a third name either (Syrian/Soran)."""
    return any(
        word[:-cut] in words and undouble(word) != word[:-cut]  # Zelenskyy is Zelensky
        for cut in (1, 2, 3)
        if len(word) - cut >= 3
    )


def _attach_tails(names: list[_Name], groups: _Groups) -> None:
    """Attach "Assad" to "Bashar Assad" and "Security Council" to "U.N. Security Council"
    when exactly one group has a longer name ending that way. "Biden" stays apart when both
    "Joe Biden" and "Hunter Biden" are there; "Korea" is not "North Korea", "United States"
    not "Attorney General of the United States", "China" not "U.S.-China", and a name
    written next to another ("NSC Ukraine") is the end of neither."""
    keys = {name.key for name in names}
    by_tail: dict[tuple[str, ...], list[int]] = {}
    for index, name in enumerate(names):
        if any(_CAPITALISED_COMPOUND_RE.search(surface) for surface in name.surfaces):
            continue
        for cut in range(1, len(name.key)):
            head, previous = name.key[:cut], name.key[cut - 1]
            if previous in _PLACE_MODIFIERS or previous in {"of", "for"} or head in keys:
                break  # "Syria Geir Pedersen" is two names side by side
            by_tail.setdefault(name.key[cut:], []).append(index)
    for length in sorted({len(name.key) for name in names}, reverse=True):
        targets: dict[int, set[int]] = {}
        for index, name in enumerate(names):
            if len(name.key) == length and name.key in by_tail and _may_shorten(name):
                found = targets.setdefault(groups.find(index), set())
                found.update(groups.find(i) for i in by_tail[name.key])
        for root, found in targets.items():
            found.discard(root)
            if len(found) == 1:  # a group whose names end two different ways stays apart
                groups.union(root, found.pop())


def _may_shorten(name: _Name) -> bool:
    """Whether a name can be the short form of a longer one: not an acronym ("UN" is not the
    end of "Kim Jong Un"), an initial, a word capitalised only to open a sentence, or the
    head noun of organisations' names ("Court", "Army")."""
    if all(is_acronym(surface) for surface in name.surfaces):
        return False
    word = name.key[0]
    return len(name.key) > 1 or (
        len(word) > 1 and word not in SENTENCE_STARTERS and word not in ORGANISATION_HEADS
    )


def _attach_acronyms(names: list[_Name], groups: _Groups) -> None:
    """Attach "SANA" to "Syrian Arab News Agency" when exactly one group has those initials."""
    by_initials: dict[str, set[int]] = {}
    for index, name in enumerate(names):
        for surface in name.surfaces:
            for initials_of in initials(surface):
                by_initials.setdefault(initials_of, set()).add(index)
    group_surfaces: dict[int, list[str]] = {}
    for index, name in enumerate(names):
        group_surfaces.setdefault(groups.find(index), []).extend(name.surfaces)
    for index, name in enumerate(names):
        root = groups.find(index)
        if not all(is_acronym(s) for s in group_surfaces[root]):
            continue
        letters = {POSSESSIVE_RE.sub("", s).replace(".", "") for s in name.surfaces}
        found = {i for acronym in letters for i in by_initials.get(acronym, ())}
        targets = {groups.find(i) for i in found} - {groups.find(index)}
        if len(targets) == 1:
            groups.union(index, targets.pop())


def _entity(
    surfaces: list[str], counts: Counter[str], documents: dict[str, dict[str, None]]
) -> Entity:
    variants = sorted(surfaces, key=lambda s: -counts[s])  # stable: first seen wins ties
    full_forms = [s for s in variants if not is_acronym(s)] or variants
    longest = max(len(name_key(s)) for s in full_forms)
    if longest > 1:
        full_forms = [s for s in full_forms if len(name_key(s)) > 1]
    canonical = max(full_forms, key=lambda s: (counts[s], len(s)))
    seen: dict[str, None] = {}
    for surface in variants:
        seen.update(documents[surface])
    return Entity(canonical=canonical, variants=variants, documents=list(seen))


def canonical_map(entities: list[Entity]) -> dict[str, str]:
    """Every surface form -> the canonical name of its entity."""
    return {variant: entity.canonical for entity in entities for variant in entity.variants}
