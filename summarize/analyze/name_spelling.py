"""Whether two words or names are spellings of one name: a doubled letter, a romanization, a
sound-alike spelling, or one slip of the pen (`same_name`). `entities` groups names with it."""

from __future__ import annotations

import re

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA, Levenshtein

# A word of a name, its other words the same, is misspelt from this similarity
# (rapidfuzz's ratio, 0 to 100): Albers / Ahlers 83, Quisbert / Quispert 88.
MISSPELT_NAME_RATIO = 80
# Endings that make a word of a name: a plural, a people or a language (Africans, Syrian,
# Japanese, Kuwaiti, Danish).
_WORD_ENDINGS = frozenset(
    {"s", "es", "n", "ns", "an", "ans", "ian", "ians", "ese", "i", "is", "ish"}
)

# Endings that make a given name's feminine form: Daniel / Daniela, Louis / Louise.
_FEMININE_ENDINGS = frozenset({"a", "e"})

_SOUND_CLASSES = str.maketrans("cgqzw", "kkksv")


def skeleton(word: str) -> str:
    """How a name sounds, roughly: its first letter (any vowel as "a") and its consonants, with
    doubled letters, a non-initial "h", c/g/k/q, s/z or w/v (the w of Polish and German names
    is a v: Wróblewski / Wroblevski), and the letters romanizations write differently
    (`_ROMANIZATIONS`) not told apart."""
    word = _romanized(word)
    folded = (word[0] + word[1:].replace("h", "")).translate(_SOUND_CLASSES)
    first = "a" if folded[0] in "aeiouy" else folded[0]
    return undouble(first + re.sub(r"[aeiouy]", "", folded[1:]))


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
    return undouble(word)


def undouble(word: str) -> str:
    return re.sub(r"(.)\1+", r"\1", word)


def _same_word(a: str, b: str) -> bool:
    """Two spellings of one name word (Turkey/Turkiye, Lattakia/Latakia, Gaddafi/Qaddafi).

    Words of 4 letters or fewer must match exactly (Iran/Iraq, Gaza/Giza). Doubled letters
    never tell longer names apart (Zelensky/Zelenskyy). Otherwise a word that is another plus
    up to three letters is a different word (Syria/Syrian, Hama/Hamas, Russia/Prussia), and
    the two must sound alike (`skeleton`: Austria/Australia, Gambia/Zambia and
    Pedersen/Petersen do not), be at most two edits apart, and keep a similarity ratio >= 75
    (Mohammed/Muhammad 75, Turkey/Turkiye 77; Syrian/Soran 73).
    """
    shorter, longer = sorted((a, b), key=len)
    if len(shorter) < 5:
        return False
    if undouble(a) == undouble(b) or _romanized(a) == _romanized(b):
        return True
    if shorter in longer and len(longer) - len(shorter) <= 3:
        return False
    return (
        skeleton(a) == skeleton(b)
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
    endings = _WORD_ENDINGS if last else _WORD_ENDINGS | _FEMININE_ENDINGS
    return (
        len(shorter) >= 5
        and not (longer.startswith(shorter) and longer[len(shorter) :] in endings)
        and a[0] == b[0]
        and OSA.distance(a, b, score_cutoff=1) <= 1
        and fuzz.ratio(a, b) >= MISSPELT_NAME_RATIO
    )


def same_name(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
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
        feminine = longer[len(shorter) :] in _FEMININE_ENDINGS
        is_short_form = (
            longer.startswith(shorter) and (len(shorter) >= 3 or len(shorter) == 1) and not feminine
        )
        if position < last and is_short_form:
            continue
        return False
    return True
