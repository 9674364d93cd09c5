"""Whose a figure is, or of what: the "of" phrase of a share, what a sum buys, the noun a
compound figure describes, the person an age belongs to, or the owner before the verb (see the
package docstring)."""

from __future__ import annotations

import re
from functools import cache

from summarize.analyze.frames.sentence import SOFT, Sentence
from summarize.models import Quantity
from summarize.text.figures import DOWN_WORDS, OUTCOMES, UP_WORDS, change_verbs
from summarize.text.inflection import irregular_verbs, looks_plural
from summarize.text.lexicons import word_set
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.tokens import STOPWORDS

_COPULAS = word_set(
    """
    is are was were be been being has have had will would could may might can should also now
    both all each respectively together combined seems seem appears appear looks poised
    stood stands stand reached reach reaches hit hits totaled totalled totals total amounted
    amounts topped tops exceeded exceeds came comes registered ended closed finished remained
    remains put set
    """
)
_MODALS = word_set("will would can could may might must shall should to did does do")
# Nouns that only wrap a figure: "a group of 1,000 demonstrators", "a total of 17 million".
_COLLECTIVES = word_set("group total number crowd tally sum amount figure count set batch")
_PREPOSITIONS = word_set(
    """
    in on at to from by with for of into onto over under outside inside near across after
    before during since until against among between through via per about around behind
    """
)
_DIRECTIONS = word_set(
    """
    north south east west northeast northwest southeast southwest northern southern eastern
    western outside short
    """
)
_MAX_NOUN_PHRASE = 8


def subject_of(sentence: Sentence, first: int, last: int, quantity: Quantity) -> str | None:
    """Whose figure, or of what (see the package docstring). A distance is from somewhere:
    "50 miles from Pyongyang", "130 miles north of the border". A compound figure is of
    the noun it describes ("the two-page memo")."""
    if compound(sentence, first, last, quantity) and (noun := described(sentence, last)):
        return noun
    if quantity.base_unit == "m":
        after = last
        if sentence.lower[after : after + 1] == ["("] and sentence.in_figure(after + 1):
            after += 3  # "20 kilometers (12 miles) from Hama": past the restatement
        if after < len(sentence.lower) and sentence.lower[after] in _DIRECTIONS:
            after += 1
        if sentence.lower[after : after + 1] in (["from"], ["of"]):
            reference = _phrase_after(sentence, after + 1)
            if reference:
                return f"from {reference}"
    if quantity.base_unit in ("percent", "percentage point") or quantity.unit == "fraction":
        following = sentence.lower[last : last + 1]
        if following == ["of"]:
            return _phrase_after(sentence, last + 1)
        verb = following and following[0] not in STOPWORDS and _is_verb_form(following[0])
        if verb and sentence.tokens[last].text.islower():
            return sentence.tokens[last].text  # "38% approved", "60% disapproved"
    if quantity.base_unit.isupper():  # money: what it buys or pays for
        start = last + 1 if sentence.lower[last : last + 1] in (["in"], ["of"], ["for"]) else last
        item = _phrase_after(sentence, start)
        if item:
            return item
    return _owner(sentence, first)


def age_subject(sentence: Sentence, first: int, last: int) -> str | None:
    """The person an age belongs to: "Ossoff, a 33-year-old", "a 7-year-old girl"."""
    before = sentence.left(first, frozenset({"a", "an", "the"}))
    if before >= 0 and sentence.lower[before] == ",":
        return _phrase_before(sentence, before - 1)
    after = last
    while after < len(sentence.lower) and sentence.lower[after] in ("-", "old", "year", "years"):
        after += 1
    return _phrase_after(sentence, after)


def lowercase_opening(sentence: Sentence, subject: str | None) -> str | None:
    """A plural common noun opening the sentence is no name: "Employers add 266,000"."""
    if subject and sentence.text.startswith(subject):
        word, _, rest = subject.partition(" ")
        if looks_plural(word.lower()) and not word.isupper():
            return (word.lower() + " " + rest).strip()
    return subject


def compound(sentence: Sentence, first: int, last: int, quantity: Quantity) -> bool:
    """A figure joined to its unit by a hyphen before a noun: "a two-page memo", "the
    15-minute halt", "a 7.8-magnitude quake". The noun after it is what the figure
    describes."""
    if not re.search(r"[\w]-[A-Za-z]+$", quantity.text):
        return False
    return sentence.lower[last : last + 1] not in (["-"], ["old"])


def described(sentence: Sentence, last: int) -> str | None:
    """The noun phrase a compound figure describes: adjectives and participles, then
    nouns, up to a stop word or mark ("two-page unclassified memo to" -> "unclassified
    memo", "15-minute halt followed" -> "halt")."""
    start = last
    while start < len(sentence.tokens) and sentence.lower[start] in ('"', "“", "‘", "'"):
        start += 1
    end = start
    while end < len(sentence.tokens) and end - start < 4:
        word = sentence.lower[end]
        if not word[0].isalpha() or sentence.in_figure(end) or word in STOPWORDS:
            break
        if word in _PREPOSITIONS or (end > start and _is_verb_form(word)):
            break
        end += 1
    return sentence.join(sentence.tokens[start:end])


def _phrase_after(sentence: Sentence, start: int) -> str | None:
    end = start
    while end < len(sentence.tokens) and end - start < _MAX_NOUN_PHRASE:
        word = sentence.lower[end]
        if end > start and word == "of" and end + 1 < len(sentence.lower):
            end += 1
            continue
        if not word[0].isalnum() or sentence.in_figure(end):
            break
        if word in STOPWORDS and not (end == start and word in ("the", "its", "their")):
            break
        if _is_verb_form(word):
            break
        end += 1
    words = [t for t in sentence.tokens[start:end] if t.text.lower() not in ("the", "its", "their")]
    while words and words[-1].text.lower() == "of":
        words.pop()
    return sentence.join(words)


def _owner(sentence: Sentence, first: int) -> str | None:
    """The noun phrase before the verb that governs the figure: "the unemployment rate rose
    to", "Two explosions ... left"."""
    verbs = change_verbs()
    index = first - 1
    while index >= 0:
        word = sentence.lower[index]
        if sentence.in_figure(index):
            if sentence.lower[index + 1 : index + 2] != ["to"]:
                break
            index -= 1  # "dropped 29,000 to 348,000": the level has the change's owner
            continue
        if word in SOFT or word in _COPULAS or word in verbs or word in UP_WORDS | DOWN_WORDS:
            index -= 1
            continue
        if word in ("to", "from", "at") or word in OUTCOMES or _is_verb_form(word):
            index -= 1
            continue
        if word.endswith("ly") and len(word) > 4 and sentence.tokens[index].text.islower():
            index -= 1  # "rose slightly to"
            continue
        if word in _COLLECTIVES or (index > 0 and sentence.lower[index - 1] in _MODALS):
            index -= 1  # "a group of 1,000", "will supply 200 million": not the owner
            continue
        break
    if index < 0 or sentence.in_figure(index):
        return None
    return _phrase_before(sentence, index)


def _phrase_before(sentence: Sentence, end: int) -> str | None:
    start = end
    while start >= 0 and end - start < _MAX_NOUN_PHRASE:
        word = sentence.lower[start]
        if word in ("'s", "’s", "'", "’", "-", "&") or (word == "of" and start < end and start > 0):
            start -= 1
            continue
        if word == "and" and start < end and _names_around(sentence, start):
            start -= 1  # "Britain and Germany", "the Dow and S&P 500"
            continue
        if not word[0].isalnum() or sentence.in_figure(start) or word in STOPWORDS:
            break
        if word in _PREPOSITIONS or word in NUMBER_WORDS or _is_verb_form(word):
            break
        if word in change_verbs() and sentence.tokens[start].text.islower():
            break
        start -= 1
    words = sentence.tokens[start + 1 : end + 1]
    while words and words[0].text.lower() in ("of", "-", "'s", "’s"):
        words = words[1:]
    return sentence.join(words)


def _names_around(sentence: Sentence, index: int) -> bool:
    return (
        index > 0
        and sentence.tokens[index - 1].text[:1].isupper()
        and sentence.tokens[index + 1].text[:1].isupper()
    )


def _is_verb_form(word: str) -> bool:
    """A past tense or participle ("killed", "left", "seeking"): not part of a noun phrase."""
    if (word.endswith("ed") and len(word) > 4) or (word.endswith("ing") and len(word) > 5):
        return True
    return word in _irregular_forms()


@cache
def _irregular_forms() -> frozenset[str]:
    """Irregular pasts and participles, without those that are common words of another meaning
    (marked in the lexicon: "found", "saw")."""
    return frozenset(
        form for forms in irregular_verbs().values() for form in forms if not form.endswith("*")
    )
