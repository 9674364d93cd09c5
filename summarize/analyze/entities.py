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

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

from summarize.analyze.mentions import (
    CONNECTORS,
    ORGANISATION_HEADS,
    SENTENCE_STARTERS,
    is_title,
)
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


# Two spellings of a name's last word after the same words are one name from this similarity
# (rapidfuzz's ratio, 0 to 100): Albers / Ahlers 83, Quisbert / Quispert 88.
MISSPELT_NAME_RATIO = 80
# Endings that make a word of a name: a plural, a people or a language (Africans, Syrian,
# Japanese, Kuwaiti, Danish).
_WORD_ENDINGS = frozenset(
    {"s", "es", "n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish"}
)

_SOUND_CLASSES = str.maketrans("cgqzw", "kkksv")


def _skeleton(word: str) -> str:
    """How a name sounds, roughly: its first letter (any vowel as "a") and its consonants, with
    doubled letters, a non-initial "h", c/g/k/q, s/z or w/v (the w of Polish and German names
    is a v: Wróblewski / Wroblevski), and the letters romanizations write differently
    (`_ROMANIZATIONS`) not told apart."""
    word = _romanized(word)
    folded = (word[0] + word[1:].replace("h", "")).translate(_SOUND_CLASSES)
    first = "a" if folded[0] in "aeiouy" else folded[0]
    return _undouble(first + re.sub(r"[aeiouy]", "", folded[1:]))


# Letters that romanizations of one name write differently: Cyrillic ж as "zh" or "j", х as "kh"
# or "h", ц as "ts" or "tz", Greek φ as "ph" or "f", ξ as "x" or "ks", γ before i as "gi" or "yi",
# Serbian đ as "dj" or "j", French and English "ou" for "u", the "j" of Czech, Polish and German
# names for "y", and "y" for "i" (Zhekov / Jekov, Stephanos / Stefanos, Giannopoulos /
# Yannopoulos, Hájek / Hayek, Alexei / Aleksey). Applied in this order, so that a letter folds
# after the digraphs that hold it.
_ROMANIZATIONS = (
    ("zh", "j"), ("kh", "h"), ("tz", "ts"), ("ph", "f"), ("x", "ks"), ("dj", "j"), ("ou", "u"),
    ("gi", "yi"), ("ey", "ei"), ("j", "y"), ("y", "i"),
)  # fmt: skip


def _romanized(word: str) -> str:
    """The word with the letters romanizations write differently written one way."""
    for written, folded in _ROMANIZATIONS:
        word = word.replace(written, folded)
    return _undouble(word)


def _undouble(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _same_word(a: str, b: str) -> bool:
    """Two spellings of one name word (Turkey/Turkiye, Lattakia/Latakia, Gaddafi/Qaddafi).

    Words of 4 letters or fewer must match exactly (Iran/Iraq, Gaza/Giza). Doubled letters
    never tell longer names apart (Zelensky/Zelenskyy). Otherwise a word that is another plus
    up to three letters is a different word (Syria/Syrian, Hama/Hamas, Russia/Prussia), and
    the two must sound alike (`_skeleton`: Austria/Australia, Gambia/Zambia and
    Pedersen/Petersen do not), be at most two edits apart, and keep a similarity ratio >= 75
    (Mohammed/Muhammad 75, Turkey/Turkiye 77; Syrian/Soran 73).
    """
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 5:
        return False
    if _undouble(a) == _undouble(b) or _romanized(a) == _romanized(b):
        return True
    if shorter in longer and len(longer) - len(shorter) <= 3:
        return False
    return (
        _skeleton(a) == _skeleton(b)
        and Levenshtein.distance(a, b, score_cutoff=2) <= 2
        and fuzz.ratio(a, b) >= 75
    )


def _misspelt_word(a: str, b: str, last: bool) -> bool:
    """One word of a name whose other words are the same (a person's family name after the same
    given name, a company's first word before the same second), one edit apart: a letter
    changed, added or dropped, or two letters swapped (Marcelo Quisbert / Marcelo Quispert,
    Aaron Whitcombe / Aaron Whitcomb, Norvik Systems / Nordvik Systems), the edit of most
    misspellings (Damerau 1964). Reports of one story that give a name one slip apart misspell
    one person or body far more often than they name two, so the sound of the word
    (`_same_word`) is not asked; the checker tells two people apart by their roles. Two edits
    are not one slip: Budi Hartono / Budi Hartanto. Words of 4 letters or fewer must still match
    (Anna Berg / Anna Borg), and a word is not misspelt by an ending that makes another word of
    it (South Africa / South Africans), nor, before the `last` word, by the ending of a given
    name's feminine form (Daniel / Daniela Ortega)."""
    shorter, longer = sorted((a, b), key=len)
    endings = _WORD_ENDINGS if last else _WORD_ENDINGS | {"a", "e"}
    return (
        len(shorter) >= 5
        and not (longer.startswith(shorter) and longer[len(shorter) :] in endings)
        and a[0] == b[0]
        and OSA.distance(a, b, score_cutoff=1) <= 1
        and fuzz.ratio(a, b) >= MISSPELT_NAME_RATIO
    )


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Token by token: equal, spelling variants, or (before the last token) a first name and
    its short form or initial (Alex/Alexander, J/John); or the same words but one misspelt
    (`_misspelt_word`). Joe Biden and Hunter Biden differ; nicknames (Joe/Joseph) need knowledge
    this does not have."""
    if len(a) != len(b):
        return False
    last = len(a) - 1
    differing = [position for position, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if last > 0 and len(differing) == 1:
        position = differing[0]
        if _misspelt_word(a[position], b[position], last=position == last):
            return True
    for position, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y or _same_word(x, y):
            continue
        shorter, longer = sorted((x, y), key=len)
        # "Alex" / "Alexander", "J" / "John"; not a name and its feminine form ("Shahid" /
        # "Shahida", "Daniel" / "Daniela", "Louis" / "Louise"): two people
        feminine = longer[len(shorter) :] in ("a", "e")
        is_short_form = (
            longer.startswith(shorter) and (len(shorter) >= 3 or len(shorter) == 1) and not feminine
        )
        if position < last and is_short_form:
            continue
        return False
    return True


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
    """Union names whose tokens are spelling variants. Every rule of `_same_name` needs equal
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
        blocks.setdefault((str(len(name.key)), _skeleton(name.key[-1])), []).append(index)
        if len(name.key) > 1:
            for position, word in enumerate(name.key):
                others = name.key[:position] + name.key[position + 1 :]
                for dropped in {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}:
                    blocks.setdefault(("slip", str(position), *others, dropped), []).append(index)
    for block in blocks.values():
        for position, a in enumerate(block):
            for b in block[position + 1 :]:
                if _same_name(names[a].key, names[b].key):
                    groups.union(a, b)


def _is_derived(word: str, words: set[str]) -> bool:
    """A word made from another name of the set (Syrian from Syria): not a spelling of it,
    and not a spelling of a third name either (Syrian/Soran)."""
    return any(
        word[:-cut] in words and _undouble(word) != word[:-cut]  # Zelenskyy is Zelensky
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
