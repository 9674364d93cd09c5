"""Words: tokens with offsets, lowercase tokens, stems, content terms, and the shapes of words
(acronyms, headline capitalisation).

`content_terms` runs on every sentence of every document (sentence alignment compares its
output), so it is one regex pass plus cached dictionary look-ups.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import NamedTuple

import Stemmer

from summarize.text.lexicons import word_set
from summarize.text.numbers import NUMBER_WORDS

STOPWORDS = word_set(
    """
    a about above after again against all also although am among an and another any are around
    as at be because been before being below between both but by can cannot could did do does
    doing done down during each either else even ever every few for from further had has have
    having he her here hers herself him himself his how however i if in into is it its itself
    just least less let like many may me might more most much must my myself neither no nor not
    now of off often on once only onto or other others otherwise ought our ours ourselves
    out over own per perhaps quite rather same several shall she should since so some such than
    that the their theirs them themselves then there therefore these they this those though
    through thus to too toward towards under until up upon us very via was we were what whatever
    when whenever where whereas whether which while who whoever whom whose why will with within
    without would yet you your yours yourself yourselves
    dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt wont wouldnt cant couldnt
    shouldnt im ive id youre theyre weve its
    """
)

# Words that open a noun phrase: a verb is followed by one, a noun seldom is.
DETERMINERS = word_set("the a an this that these those its their his her our my your some")

# Words (with inner apostrophes) and numbers (1,000 / 3.5). Hyphens split words, so that
# "fourth-largest" and "fourth largest" give the same terms.
# A run of word characters, as `\b...\b` bounds a word: a word made only of them stands whole
# in a text where one such run is the word (so a set of a text's runs answers whether it does).
WORD_RUN = re.compile(r"\w+")
_WORD_RE = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)*")
POSSESSIVE_RE = re.compile(r"['’][sS]$")
# British spellings folded to American ones before stemming (kilometres/kilometers, honour/honor,
# organise/organize). The rewrite is applied to every word, so over-reach is harmless.
_SPELLING_RULES = (
    (re.compile(r"(?<=[a-z]{3})tre(s|d)?$"), r"ter\1"),
    (re.compile(r"(?<=[a-z]{3})our(s|ed|ing)?$"), r"or\1"),
    (re.compile(r"(?<=[a-z]{3})(i|y)s(e|es|ed|ing|ation|ations)$"), r"\1z\2"),
)


def tokenize(text: str) -> list[str]:
    """Lowercase words and numbers; possessive 's, apostrophes and thousands commas removed."""
    tokens = []
    for raw in _WORD_RE.findall(text):
        if raw[0].isdigit():
            tokens.append(raw.replace(",", ""))
        elif "'" in raw or "’" in raw:
            tokens.append(POSSESSIVE_RE.sub("", raw.lower()).replace("'", "").replace("’", ""))
        else:
            tokens.append(raw.lower())
    return tokens


class Token(NamedTuple):
    start: int
    end: int
    text: str


# Dotted acronyms ("U.N.", "U.S.-backed"), words with inner apostrophes, hyphens and dots
# ("Hay’at", "al-Sham", "so-called"), and single punctuation marks.
_TOKEN_RE = re.compile(r"(?:[A-Z]\.){2,}(?:-\w+)*|\w+(?:['’.\-]\w+)*|[^\w\s]")


def word_tokens(text: str) -> list[Token]:
    """Words and punctuation marks of `text` with their offsets in it."""
    return list(_word_tokens(text))


@lru_cache(maxsize=50_000)
def _word_tokens(text: str) -> tuple[Token, ...]:
    # Cached: the analyzers and the judge each read the tokens of the same sentences.
    return tuple(Token(m.start(), m.end(), m.group()) for m in _TOKEN_RE.finditer(text))


@lru_cache(maxsize=50_000)
def lowercase_words(text: str) -> frozenset[str]:
    """The words `text` writes in lower case: a word written so is a common word, not a name."""
    return frozenset(token.text for token in _word_tokens(text) if token.text.islower())


@cache
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Snowball stem of a lowercase word, after folding British spellings."""
    for pattern, replacement in _SPELLING_RULES:
        word = pattern.sub(replacement, word)
    return str(_stemmer().stemWord(word))


def content_terms(text: str) -> list[str]:
    """Stems of the content words of `text`, in order; number words become digits."""
    return list(_content_terms(text))


@lru_cache(maxsize=50_000)
def _content_terms(text: str) -> tuple[str, ...]:
    # Cached: analysis, alignment, the composer and the judge each read the same sentences.
    terms = []
    for token in tokenize(text):
        if token in STOPWORDS:
            continue
        if token[0].isdigit():
            terms.append(token)
        elif token in NUMBER_WORDS:
            terms.append(str(NUMBER_WORDS[token]))
        elif len(token) > 1:
            terms.append(stem(token))
    return tuple(terms)


def term_overlap(a: set[str] | frozenset[str], b: set[str] | frozenset[str]) -> float:
    """Share of the smaller set's terms found in the other (0 when either is empty)."""
    return len(a & b) / min(len(a), len(b)) if a and b else 0.0


@lru_cache(maxsize=200_000)
def is_acronym(word: str) -> bool:
    """ "NATO", "U.N.", "SDF's", "NCAAs": two to six capitals, dots and a plural or possessive
    ending aside."""
    letters = POSSESSIVE_RE.sub("", word).replace(".", "")
    if len(letters) > 2 and letters.endswith("s") and letters[:-1].isupper():
        letters = letters[:-1]
    return 2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()


def is_title_case(words: list[str]) -> bool:
    """Headline capitalisation ("Intel Chief Surprised By Putin Invite"), where capitals say
    nothing about names: three or more content words, every one capitalised."""
    content = [word for word in words if word[:1].isalpha() and word.lower() not in STOPWORDS]
    return len(content) >= 3 and all(word[0].isupper() for word in content)


# How many tokens a short parenthesis after a name may hold: an initialism ("(DJIA)"), a party
# and state ("(D-N.Y.)" is four tokens with its brackets).
_SHORT_PARENTHESIS = 5


def parenthesis_opening(words: Sequence[str], closing: int) -> int | None:
    """Where a short parenthesis closing at `closing` (a ")" among `words`) opens."""
    if not 0 <= closing < len(words) or words[closing] != ")":
        return None
    for opening in range(closing - 1, max(closing - _SHORT_PARENTHESIS - 1, -1), -1):
        if words[opening] == "(":
            return opening
    return None
