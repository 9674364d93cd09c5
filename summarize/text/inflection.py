"""Inflection: the forms of a verb or adjective lemma, the singular of a plural noun and the
plural of a singular one, the indefinite article a word takes.

Written here rather than taken from lemminflect or inflect: both cost 0.5 s to 2 s at first use
(their tables load on import), more than a whole run on five reports, and the analyzers need only
the regular English rules plus the irregular verbs of `lexicons/irregular_verbs.txt`. Whether a
word is in the dictionary at all (`in_dictionary`) is lemminflect's: its lookup table holds every
common English word form and no names, which no rule of ours could. The table is read from the
installed package's file and searched by bisection (about 8 ms on the first question), not
through lemminflect's loader, which parses all 80,676 entries into a dictionary and imports its
models (0.5 s) to answer the handful of questions a run asks (a title-case headline's words, a
headline's verb that no plain form shows); a test holds the answers equal to
`lemminflect.getAllLemmas`.
"""

from __future__ import annotations

import gzip
import importlib.util
import re
from functools import cache
from itertools import pairwise
from pathlib import Path

from summarize.text.lexicons import lexicon, word_set
from summarize.text.sorted_lines import SortedLines
from summarize.text.tokens import STOPWORDS

# Auxiliary and modal verbs: a clause's finite verb, as far as word forms tell without a parser.
AUXILIARIES = word_set(
    "is are was were has have had will would could can may might must should did does do"
)
# The same as a regular expression's alternation, for patterns that look for a clause's verb.
AUXILIARY = "|".join(sorted(AUXILIARIES))
# The forms of "be": with a participle, a passive or a progressive.
BE_FORMS = word_set("is are was were be been being")

# A form marked so in the lexicon is also a common word of another meaning ("found").
HOMOGRAPH_MARK = "*"

IRREGULAR_PLURALS = {
    "people": "people", "persons": "people", "person": "people", "children": "child",
    "men": "man", "women": "woman", "lives": "life", "wives": "wife", "knives": "knife",
    "leaves": "leaf", "halves": "half", "thieves": "thief", "wolves": "wolf", "feet": "foot",
    "teeth": "tooth", "mice": "mouse", "geese": "goose", "police": "police",
    "personnel": "personnel", "staff": "staff", "cattle": "cattle", "livestock": "livestock",
    "aircraft": "aircraft", "news": "news", "crew": "crew", "fish": "fish", "salmon": "salmon",
    "trout": "trout", "cod": "cod", "sheep": "sheep", "deer": "deer", "bison": "bison",
    "moose": "moose", "swine": "swine",
}  # fmt: skip


@cache
def irregular_verbs() -> dict[str, tuple[str, ...]]:
    """base form -> its irregular past and participle forms, homographs marked with '*'."""
    return {
        base: tuple(forms)
        for base, *forms in (line.split() for line in lexicon("irregular_verbs.txt"))
    }


@cache
def irregular_past_forms() -> frozenset[str]:
    """Irregular pasts and participles ("left", "ran"), without those that are common words of
    another meaning (marked in the lexicon: "found", "saw")."""
    return frozenset(
        form
        for forms in irregular_verbs().values()
        for form in forms
        if not form.endswith(HOMOGRAPH_MARK)
    )


def looks_past(word: str) -> bool:
    """A regular past or participle by its ending ("killed", "conceded"; not "red", "shed")."""
    return word.endswith("ed") and len(word) > 4


def is_past_form(word: str) -> bool:
    """A past or participle, regular or irregular ("killed", "ran", "left")."""
    return looks_past(word) or word in irregular_past_forms()


@cache
def word_forms(lemma: str) -> frozenset[str]:
    """Inflected forms of an English lemma: -s, -ed, -ing, -ly and the irregular pasts.

    Over-generation (a form English does not use) is harmless: it never matches real text.
    """
    irregular = (form.rstrip(HOMOGRAPH_MARK) for form in irregular_verbs().get(lemma, ()))
    forms = {lemma, lemma + "s", lemma + "ly", *irregular}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing", lemma[:-1] + "y"}
    elif lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing", lemma[:-1] + "ily"}
    else:
        forms |= {lemma + "ed", lemma + "ing"}
        if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
            forms.add(lemma + "es")  # "heroes", "vetoes"
        if re.search(r"[^aeiou][aeiou][bdgklmnprt]$", lemma):
            forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
        if lemma.endswith("ic"):
            forms.add(lemma + "ally")
    return frozenset(forms)


def singular(noun: str) -> str:
    """Lowercased singular of a plural noun, by the regular rules ("casualties" -> "casualty")."""
    head, hyphen, word = noun.lower().rpartition("-")
    if word in IRREGULAR_PLURALS:
        word = IRREGULAR_PLURALS[word]
    elif _COMPOUND_MEN.search(word):
        word = word[:-3] + "man"
    elif word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith(("ches", "shes", "sses", "xes", "zzes")) or re.search(
        r"[^aeiou]uses$", word
    ):
        word = word[:-2]  # churches, taxes, campuses, viruses (but houses, causes)
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    return head + hyphen + word


# Nouns whose plural is the word itself ("people", "police", "staff"), and the irregular ones.
_SAME_PLURAL = frozenset(single for plural, single in IRREGULAR_PLURALS.items() if plural == single)
_IRREGULAR_PLURAL_OF = {
    single: plural for plural, single in IRREGULAR_PLURALS.items() if single not in _SAME_PLURAL
}


def plural(noun: str) -> str:
    """The plural of a singular noun, by the regular rules ("state" -> "states", "casualty" ->
    "casualties", "child" -> "children"); of a phrase, its last word ("court order"), and of
    nouns joined by "and", each ("commutations and pardons")."""
    if " and " in noun:
        return " and ".join(plural(part) for part in noun.split(" and "))
    head, space, word = noun.rpartition(" ")
    if word in _SAME_PLURAL or word in _IRREGULAR_PLURAL_OF:
        word = _IRREGULAR_PLURAL_OF.get(word, word)
    elif word.endswith("man") and _COMPOUND_MEN.search(word[:-3] + "men"):
        word = word[:-3] + "men"  # "fisherman" -> "fishermen"
    elif re.search(r"[^aeiou]y$", word):
        word = word[:-1] + "ies"
    elif word.endswith(("s", "x", "z", "ch", "sh")):
        word += "es"
    else:
        word += "s"
    return head + space + word


# The plural of a compound of "man": "fishermen", "gunmen", "policemen" (not "specimen",
# "abdomen", "regimen", "acumen", "stamen", "semen"; nor of "German", "talisman").
_COMPOUND_MEN = re.compile(
    r"^(?!(?:stamen|semen|germen|talismen|dobermen|walkmen)$)[a-z]{2,}[^aiouy\W]men$"
)


def looks_plural(word: str) -> bool:
    """A lowercase word that reads as a plural noun: "people", "towns" (not "bus", "crisis")."""
    word = word.rstrip("'’")
    if word in IRREGULAR_PLURALS:
        return word not in ("person",)
    if _COMPOUND_MEN.search(word):
        return True
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


# Words whose spelling and sound disagree on "a" / "an": "a union", "a unanimous vote", "a
# Ukrainian", "a one-time", "an hour".
_VOWEL_LETTER_CONSONANT_SOUND = re.compile(
    r"(?:uni|unanim|use|usu|uti|uto|ura|ukr|uga|eu|one|once|ubiq)", re.I
)
_CONSONANT_LETTER_VOWEL_SOUND = re.compile(r"(?:hour|honest|honou?r|heir)", re.I)


def indefinite_article(word: str) -> str | None:
    """ "a" or "an" before `word`, by its sound; None for an initialism or a figure, whose sound
    its first letter does not tell ("an FBI agent", "a 1.5% rise")."""
    if not word[:1].isalpha() or word.isupper():
        return None
    if _VOWEL_LETTER_CONSONANT_SOUND.match(word):
        return "a"
    if _CONSONANT_LETTER_VOWEL_SOUND.match(word):
        return "an"
    return "an" if word[0].lower() in "aeiou" else "a"


@cache
def _lemma_table() -> tuple[SortedLines[str], dict[str, dict[str, tuple[str, ...]]]]:
    """lemminflect's lookup lines ("word,category,lemma/lemma", sorted by word) and its
    overrides (word -> part of speech -> lemmas)."""
    spec = importlib.util.find_spec("lemminflect")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("lemminflect is not installed")
    folder = Path(next(iter(spec.submodule_search_locations))) / "resources"
    lines = gzip.decompress((folder / "lemma_lu.csv.gz").read_bytes()).decode()
    overrides: dict[str, dict[str, tuple[str, ...]]] = {}
    for line in (folder / "lemma_overrides.csv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            word, part_of_speech, lemma = line.strip().split(",")
            overrides.setdefault(word, {})[part_of_speech] = (lemma,)
    return SortedLines(lines, _entry_word), overrides


def _entry_word(line: str) -> str:
    return line[: line.find(",")]


@cache
def _lemmas(word: str) -> dict[str, tuple[str, ...]]:
    """Part of speech (lemminflect's: NOUN, VERB, ADJ, ADV, AUX) -> the lemmas of `word`, in
    lower case, as `lemminflect.getAllLemmas` gives them for a word in lower case."""
    word = word.lower()
    lines, overrides = _lemma_table()
    found: dict[str, tuple[str, ...]] = {}
    for line in lines.matching(word):
        _, category, forms = line.split(",")
        part_of_speech = "AUX" if category == "modal" else category.upper()
        found[part_of_speech] = tuple(form.lower() for form in forms.split("/"))
    found.update(overrides.get(word, {}))
    return found


def lemmas_of(word: str) -> frozenset[str]:
    """The lemmas `word` (lower case) may be a form of, of any part of speech: "cheated" and
    "cheats" are "cheat", but "corruption" is a word of its own, not "corrupt". A word the
    table does not know (a name) is its own lemma."""
    lemmas = _lemmas(word)
    return frozenset(lemma for found in lemmas.values() for lemma in found) or frozenset({word})


def in_dictionary(word: str) -> bool:
    """`word` (in lower case) is a form of a common English word, of any part of speech
    ("mourns", "pretty", "increasingly"); names are not ("robert", "mueller")."""
    return bool(_lemmas(word))


def verb_form(word: str) -> str | None:
    """What form of a verb `word` (in lower case) is: "s" for the third person singular
    ("cancels"), "ing" for the present participle ("hacking"), "ed" for a past form
    ("unsealed", "took"), "base" for the lemma ("take"); None for a word that is no verb."""
    lemmas = _lemmas(word).get("VERB", ())
    if not lemmas:
        return None
    if word in lemmas:
        return "base"
    if word.endswith("ing"):
        return "ing"
    return "s" if word.endswith("s") else "ed"


def has_a_verb(text: str) -> bool:
    """The text (a headline, a clause) has a word that can be its verb: one `_PLAIN_VERB` finds,
    or after its first word a present ("pushes", "storm"), past or -ing form not standing after
    a determiner, a preposition or a possessive, and a base form not after an -ing form either
    ("frightening claim"). Forms are looked up (lemminflect's table) only when no plain one is
    there. A noun phrase has none ("Trump's frightening claim", "The city, not the state")."""
    if _PLAIN_VERB.search(text):
        return True
    words = [word.lower().replace("’", "'") for word in _VERB_WORD.findall(text)]
    for before, word in pairwise(words):
        form = verb_form(word)
        if form is None or before in _BEFORE_A_NOUN or before.endswith("'s"):
            continue
        if form == "base" and word in STOPWORDS:
            continue  # "over", "up": a preposition or a particle here
        if form != "base" or verb_form(before) != "ing":
            return True
    return False


_VERB_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# A verb form, as far as its form tells at once: an auxiliary or a contraction of one, a past
# form, or a word after "to" (the headline's future: "House to vote").
_PLAIN_VERB = re.compile(
    rf"\b(?:{AUXILIARY})\b|\bI am\b|"
    r"\b(?i:it|he|she|that|there|what|who|here)[’']s\b|\w[’'](?:re|ve|ll|m|d)\b|n[’']t\b|"
    r"\b[a-z]{2,}ed\b|\bto [a-z]+\b"
)
# Words after which a verb's base or -ing form is a noun or a modifier ("his backtrack", "of
# the hearing").
_BEFORE_A_NOUN = frozenset(
    {"a", "an", "the", "of", "for", "in", "on", "at", "with", "by", "from", "about", "into"}
    | {"over", "after", "its", "his", "her", "their", "our", "my", "your", "this", "that"}
    | {"these", "those"}
)
