"""Proper names in a sentence, and which names in a set of reports refer to one entity.

`find_mentions` reads capitalisation: runs of capitalised tokens, with name connectors inside
("Syrian Observatory for Human Rights", "Bashar al-Assad"), acronyms ("U.N.", "SDF"), titles
stripped ("President Bashar Assad" -> "Bashar Assad"). `resolve_entities` groups surface forms
by spelling alone (no alias tables): normalised keys, fuzzy spelling variants, surnames and
other tails of longer names, and acronyms matched to initials. Names that need world knowledge
(a capital standing for its government) are out of its reach.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from summarize.models import Entity, Span
from summarize.text.calendar import MONTH_ABBREVIATIONS, MONTH_NAMES, WEEKDAYS
from summarize.text.lexicons import word_set
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.tokens import (
    POSSESSIVE_RE,
    STOPWORDS,
    Token,
    is_acronym,
    is_title_case,
    word_tokens,
)

_OPENING_MARKS = frozenset("\"'“‘([{—–-:;")

# Lowercase words that may sit inside a name between capitalised words.
_CONNECTORS = word_set(
    "of for and the de del della di da du des la le van von der den bin ibn al el"
)
_ARTICLE_PARTICLES = word_set("al el")
_MONTHS_AND_DAYS = frozenset((*MONTH_NAMES, *MONTH_ABBREVIATIONS, *WEEKDAYS))
# Titles before a person's name; the mention keeps only the name after them.
_TITLES = word_set(
    """
    mr mrs ms miss dr prof professor sen senator rep representative gov governor president
    minister premier chancellor secretary king queen prince princess emir sheikh sultan pope
    ayatollah rev reverend sir dame lord lady gen lt col capt sgt adm cmdr maj judge mayor
    ambassador envoy spokesman spokeswoman spokesperson chairman chairwoman ceo director
    commander chief executive justice speaker leader adviser advisor congressman congresswoman
    senators governors
    """
)
# Words that only qualify a title ("Prime Minister", "Foreign Minister"): not names themselves.
_TITLE_MODIFIERS = word_set(
    """
    prime vice deputy foreign defense defence interior finance health former acting interim
    supreme senior first crown state special general attorney surgeon inspector solicitor
    lieutenant major majority minority
    """
)
_NAME_KEY_DROPPED = _CONNECTORS - {"of", "for"}
# When one of these heads the words after a title, the title is part of an organisation's name
# ("Justice Department", "Chief Executive Office"), so the run is kept whole.
_ORGANISATION_HEADS = word_set(
    """
    department ministry council committee party agency office court university association
    forces army navy commission bank company corporation group league union organization
    organisation institute foundation administration authority service services affairs
    """
)
# Capitalised only because they open the sentence: function words, discourse markers, and
# generic subjects of news sentences. A name in first position is not in this list.
_GENERIC_OPENERS = word_set(
    """
    according additionally afterwards also amid amidst asked both despite earlier eventually
    finally following furthermore hence including instead later lastly likewise meanwhile
    moreover nevertheless nonetheless overall regarding separately similarly speaking still
    today tomorrow tonight yesterday yes many most officials police authorities government
    troops forces residents witnesses protesters rebels militants lawmakers voters critics
    experts analysts investigators prosecutors researchers scientists doctors tens hundreds
    thousands millions dozens scores efforts fighting heavy fierce there here it's state local
    federal national world similar other new recent latest former current
    """
)
_SENTENCE_STARTERS = STOPWORDS | _GENERIC_OPENERS | frozenset(NUMBER_WORDS)
_ADVERB_ENDINGS = (
    "ally", "ably", "ibly", "ately", "ously", "ently", "antly", "edly", "ingly", "fully",
    "lessly", "ively", "arly",
)  # fmt: skip
# Leading words that make "Korea" and "North Korea" different places rather than one name.
_PLACE_MODIFIERS = word_set(
    "north south east west northern southern eastern western central new upper lower greater"
)
_CAPITALISED_COMPOUND_RE = re.compile(r"(?:^|\s)[A-Z][\w.'’]*-[A-Z]")


def _is_name_word(word: str) -> bool:
    """Capitalised word or acronym; "al-Assad" yes, "Iran-backed" or "U.S.-led" no."""
    parts = word.split("-")
    opens_name = word[0].isupper() or (len(parts) > 1 and parts[0] in _CONNECTORS)
    return opens_name and parts[-1][:1].isupper() and re.split(r"['’]", word)[0] != "I"


def _opens_sentence(tokens: list[Token], index: int) -> bool:
    return (
        index == 0
        or all(token.text in _OPENING_MARKS for token in tokens[:index])
        or (tokens[index - 1].text in _OPENING_MARKS and tokens[index - 1].text not in "-—–")
    )


def _is_common_opener(word: str) -> bool:
    lower = word.lower()
    return (
        lower in _SENTENCE_STARTERS or lower in _MONTHS_AND_DAYS or lower.endswith(_ADVERB_ENDINGS)
    )


def _bare(word: str) -> str:
    return POSSESSIVE_RE.sub("", word).rstrip(".").lower()


def find_mentions(text: str, offset: int = 0) -> list[Span]:
    """Proper names in one sentence; `offset` is the sentence's start in its document."""
    tokens = word_tokens(text)
    if is_title_case([token.text for token in tokens]):
        runs = [[token] for token in tokens if is_acronym(token.text)]
    else:
        runs = _name_runs(tokens)
    spans = []
    for run in runs:
        for part in _strip_titles(run):
            start, end = part[0].start, part[-1].end
            if part[-1].text != POSSESSIVE_RE.sub("", part[-1].text):
                end -= 2
            spans.append(Span(start=offset + start, end=offset + end, text=text[start:end]))
    return spans


def _name_runs(tokens: list[Token]) -> list[list[Token]]:
    runs: list[list[Token]] = []
    run: list[Token] = []
    pending: list[Token] = []  # connectors seen after the run, kept if a name follows

    def close() -> None:
        nonlocal run, pending
        runs.extend(_split_at_and(run))
        run, pending = [], []

    for index, token in enumerate(tokens):
        word = token.text
        lower = word.lower()
        is_name = word[0].isalpha() and _is_name_word(word)
        if is_name and _opens_sentence(tokens, index) and _is_common_opener(word):
            is_name = lower == "the"  # "The Associated Press": the run drops it again
        elif is_name and lower in STOPWORDS and lower not in {"the", "us"}:
            is_name = False  # "And" in "The NRA And Russia", "AS" in an all-capitals line
        if is_name and lower in _MONTHS_AND_DAYS and not (run and lower in {"may", "march"}):
            is_name = False
        if is_name:
            if _glued(run + pending, token):
                run.extend(pending)
            elif run:
                close()
            run.append(token)
            pending = []
            if POSSESSIVE_RE.search(word):
                close()
        elif word == "." and run and _is_abbreviation(run[-1], token):
            run.append(token)
        elif run and lower in _CONNECTORS and len(pending) < 2:
            pending.append(token)
        elif not run and lower in _ARTICLE_PARTICLES:
            pending = [token]  # "al Qaeda"
        else:
            close()
    close()
    return runs


def _split_at_and(run: list[Token]) -> list[list[Token]]:
    """One name for "Food and Drug Administration"; two for "Tartous and Lattakia" and for
    "South Korea and the European Union"."""
    run = _drop_connectors(run)  # also "The" of "The Associated Press"
    names_an_organisation = bool(run) and _bare(run[-1].text) in _ORGANISATION_HEADS
    parts: list[list[Token]] = [[]]
    for index, token in enumerate(run):
        joins_words = 0 < index < len(run) - 1 and run[index + 1].text[0].isupper()
        if token.text.lower() == "and" and not (names_an_organisation and joins_words):
            parts.append([])
        else:
            parts[-1].append(token)
    return [part for part in map(_drop_connectors, parts) if part]


def _glued(run: list[Token], token: Token) -> bool:
    """True when `token` continues the run: separated from it by spaces only."""
    return bool(run) and token.start - run[-1].end <= 1


def _is_abbreviation(previous: Token, dot: Token) -> bool:
    """The period of "Sen." or of a middle initial "R.", not the end of the sentence."""
    word = previous.text.lower()
    return dot.start == previous.end and (word in _TITLES or word in {"jr", "sr"} or len(word) == 1)


def _strip_titles(run: list[Token]) -> list[list[Token]]:
    """Split "Syrian President Bashar Assad" into ["Syrian"], ["Bashar", "Assad"]."""
    words = [token for token in run if token.text != "."]
    bare = [_bare(t.text) for t in words]
    title_at = max(
        (
            i
            for i, word in enumerate(bare)
            if word in _TITLES or (word == "general" and i and bare[i - 1] in _TITLE_MODIFIERS)
        ),
        default=-1,
    )  # "Attorney General" is a title, "General Electric" is not
    if title_at < 0:
        return [words]
    name = words[title_at + 1 :]
    if all(_bare(t.text) in {"jr", "sr", "ii", "iii", "iv"} for t in name):
        # "Martin Luther King III", "Syrian President": no name follows the title
        return (
            [words] if any(_bare(t.text) not in _TITLE_MODIFIERS | _TITLES for t in words) else []
        )
    if len(name) >= 2 and name[0].text.lower() == "of":  # "Secretary of State Antony Blinken"
        name = name[2:]
    while name and name[0].text.lower() in _CONNECTORS:
        name = name[1:]
    if any(_bare(t.text) in _ORGANISATION_HEADS for t in words[title_at:]):
        return [words]
    prefix = [t for t in words[:title_at] if _bare(t.text) not in _TITLE_MODIFIERS | _TITLES]
    return [part for part in (_drop_connectors(prefix), name) if part]


def _drop_connectors(words: list[Token]) -> list[Token]:
    """Trim connectors from both ends, keeping a leading article particle ("al Qaeda")."""
    start, end = 0, len(words)
    while start < end and words[start].text.lower() in _CONNECTORS - _ARTICLE_PARTICLES:
        start += 1
    while end > start and words[end - 1].text.lower() in _CONNECTORS:
        end -= 1
    return words[start:end]


# ------------------------------------------------------------------ resolution


def name_key(surface: str) -> tuple[str, ...]:
    """Normalised tokens of a name: case, diacritics, apostrophes, hyphens, articles ("al-",
    "the"), name particles ("bin", "de"), titles and middle initials do not distinguish names."""
    plain = unicodedata.normalize("NFKD", surface)
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower()
    plain = POSSESSIVE_RE.sub("", plain.strip())
    plain = re.sub(r"['’‘`ʼ.]", "", plain)
    words = re.split(r"[\s\-–—]+", plain)
    words = [w for w in words if w]
    raw = tuple(words)
    while len(words) > 1 and (words[0] == "the" or words[0] in _TITLES):
        words = words[1:]
    words = [w for w in words if w not in _NAME_KEY_DROPPED]
    if len(words) >= 3:
        words = [words[0], *(w for w in words[1:-1] if len(w) > 1), words[-1]]
    return tuple(words) or raw


_SOUND_CLASSES = str.maketrans("cgqz", "kkks")


def _skeleton(word: str) -> str:
    """How a name sounds, roughly: its first letter (any vowel as "a") and its consonants, with
    doubled letters, a non-initial "h", and c/g/k/q or s/z not told apart."""
    folded = (word[0] + word[1:].replace("h", "")).translate(_SOUND_CLASSES)
    first = "a" if folded[0] in "aeiouy" else folded[0]
    return _undouble(first + re.sub(r"[aeiouy]", "", folded[1:]))


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
    if _undouble(a) == _undouble(b):
        return True
    if shorter in longer and len(longer) - len(shorter) <= 3:
        return False
    return (
        _skeleton(a) == _skeleton(b)
        and Levenshtein.distance(a, b, score_cutoff=2) <= 2
        and fuzz.ratio(a, b) >= 75
    )


def _same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Token by token: equal, spelling variants, or (before the last token) a first name and
    its short form or initial (Alex/Alexander, J/John). Joe Biden and Hunter Biden differ;
    nicknames (Joe/Joseph) need knowledge this does not have."""
    if len(a) != len(b):
        return False
    last = len(a) - 1
    for position, (x, y) in enumerate(zip(a, b, strict=True)):
        if x == y or _same_word(x, y):
            continue
        shorter, longer = sorted((x, y), key=len)
        is_short_form = longer.startswith(shorter) and (len(shorter) >= 3 or len(shorter) == 1)
        if position < last and is_short_form:
            continue
        return False
    return True


def initials(surface: str) -> set[str]:
    """Acronyms a long name could have: with and without its lowercase connectors."""
    words = [w for w in re.split(r"[\s\-]+", POSSESSIVE_RE.sub("", surface)) if w]
    if len(words) < 2:
        return set()
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
    token counts and a last word that sounds the same, so blocks on those lose nothing."""
    single_words = {name.key[0] for name in names if len(name.key) == 1}
    blocks: dict[tuple[int, str], list[int]] = {}
    for index, name in enumerate(names):
        if len(name.key) == 1 and _is_derived(name.key[0], single_words):
            continue
        if all(is_acronym(surface) for surface in name.surfaces):
            continue  # acronyms are compared letter for letter
        blocks.setdefault((len(name.key), _skeleton(name.key[-1])), []).append(index)
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
        len(word) > 1 and word not in _SENTENCE_STARTERS and word not in _ORGANISATION_HEADS
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
