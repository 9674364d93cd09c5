"""Whose a figure is, or of what: the "of" phrase of a share, what a sum buys, the noun a
compound figure describes, the person an age belongs to, or the owner before the verb (see the
package docstring)."""

from __future__ import annotations

import re

from summarize.analyze.frames.sentence import SOFT, Sentence
from summarize.analyze.frames.times import TIME_SPANS, is_time_word
from summarize.models import Quantity
from summarize.text.calendar import WEEKDAYS
from summarize.text.figures import DOWN_WORDS, OUTCOMES, SETTING_VERBS, UP_WORDS, change_verbs
from summarize.text.inflection import AUXILIARIES, is_past_form, looks_plural, verb_form
from summarize.text.lexicons import word_set
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.report_verbs import is_reporting_verb, is_speech_verb
from summarize.text.tokens import STOPWORDS, Token, parenthesis_opening
from summarize.text.units import is_currency

_COPULAS = word_set(
    """
    is are was were be been being has have had will would could may might can should also now
    both all each respectively together combined seems seem appears appear looks poised
    stood stands stand reached reach reaches hit hits totaled totalled totals total amounted
    amounts topped tops exceeded exceeds came comes registered ended closed finished remain
    remained remains still put set left leaves leaving
    """
)
# The last word of a phrase that only says when: a span of time or a day ("Palm Sunday").
_DAY_HEADS = TIME_SPANS | frozenset(WEEKDAYS)
_MODALS = word_set("will would can could may might must shall should to did does do")
# Nouns that only wrap a figure: "a group of 1,000 demonstrators", "a total of 17 million".
# So do the words for a level's rank: "fell to a 50-year low of 3.5%", "a record high of".
_COLLECTIVES = word_set(
    "group total number crowd tally sum amount figure count set batch low high peak record all-time"
)
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
_PRONOUN_CONTRACTION = re.compile(r"(?:i|you|he|she|it|we|they|there|that|who)['’]\w+")
# How far before "to" a verb of change may stand and still bring its object to the level.
_MAX_OBJECT_REACH = 16
# Verbs that give the size of their object after "at": "Police put the crowd at 28,000".
_SIZING_VERBS = word_set(
    """
    put puts putting estimate estimates estimated estimating peg pegs pegged pegging place
    places placed placing
    """
)


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
    if is_currency(quantity.base_unit):  # money: what it buys or pays for
        start = last + 1 if sentence.lower[last : last + 1] in (["in"], ["of"], ["for"]) else last
        item = _phrase_after(sentence, start)
        if item and not _only_time(item):
            return item
    if quantity.counted and _counted_in_complement(sentence, first):
        return None
    if _opens_reported_clause(sentence, first, last):
        return None
    return _owner(sentence, first)


def _opens_reported_clause(sentence: Sentence, first: int, last: int) -> bool:
    """The figure is the subject of a clause someone's words report: in "Airport officials said
    31 departures had been cancelled" the officials say it, and the departures are no one's
    (where "The company reported 500 layoffs" is the company's, its object)."""
    before = sentence.left(first, SOFT | {"that"})
    said = before >= 0 and is_speech_verb(sentence.lower[before])
    return said and last < len(sentence.lower) and sentence.lower[last] in AUXILIARIES


def _counted_in_complement(sentence: Sentence, first: int) -> bool:
    """A figure counting a noun of its own after "the N of" ("the legal status of 700,000
    immigrants", "the families of 12 victims"): N is something of theirs, not whose the count
    is. After "a N of" N holds the count ("a town of 17,000 people", "a family of five"), and
    a noun that only wraps the figure ("a group of 1,000") is no such N either."""
    before = sentence.left(first, SOFT - {"of"})
    if before < 1 or sentence.lower[before] != "of" or sentence.in_figure(before - 1):
        return False
    if sentence.lower[before - 1] in _COLLECTIVES:
        return False
    start = _phrase_start(sentence, before - 1)
    return sentence.lower[start - 1 : start] not in (["a"], ["an"])


def age_subject(sentence: Sentence, first: int, last: int) -> str | None:
    """The person an age belongs to: "Ossoff, a 33-year-old (Democrat)", "a 7-year-old girl"
    (also after "was": "Among the dead was a 67-year-old woman"), "the youngest victim was
    16"."""
    after = last
    while after < len(sentence.lower) and sentence.lower[after] in ("-", "old", "year", "years"):
        after += 1
    # "-old" after the figure's token ("a 67-year-old woman") is no token of its own
    between = (
        sentence.text[sentence.tokens[after - 1].end : sentence.tokens[after].start]
        if (0 < after < len(sentence.tokens))
        else ""
    )
    written_old = "old" in sentence.lower[last:after] or "old" in between
    described = written_old and after < len(sentence.lower) and sentence.lower[after].isalpha()
    before = sentence.left(first, frozenset({"a", "an", "the"}))
    opening = sentence.lower[before] if before >= 0 else ""
    # "The worker, 43-year-old loader Vinod Shinde": with no article, the age is of the noun
    # after it, itself set off after the first ("Ossoff, a 33-year-old Democrat": Ossoff)
    renamed = opening == "," and described and before == first - 1
    # "a 34-year-old Spanish woman, a 36-year-old Spanish man": a list of people, each its own
    listed = (
        opening == ","
        and described
        and any(sentence.in_figure(index) for index in range(max(0, before - 6), before))
    )
    renamed = renamed or listed
    if not renamed and (opening == "," or (opening in ("is", "was") and not described)):
        end = before - 1
        if opening != "," and end >= 2 and sentence.lower[end - 1] in ("who", "that"):
            end -= 2  # "the man who died was 84"
        return _phrase_before(sentence, end)
    return _phrase_after(sentence, after)


def lowercase_opening(sentence: Sentence, subject: str | None) -> str | None:
    """A plural common noun opening the sentence is no name: "Employers add 266,000"."""
    if subject and sentence.text.startswith(subject):
        word, _, rest = subject.partition(" ")
        if looks_plural(word.lower()) and not word.isupper():
            return (word.lower() + " " + rest).strip()
    return subject


def joined_to_its_unit(text: str) -> bool:
    """A figure written joined to its unit by a hyphen: "two-page", "15-minute", "30-year"."""
    return _JOINED_TO_ITS_UNIT.search(text) is not None


_JOINED_TO_ITS_UNIT = re.compile(r"\w-[A-Za-z]+$")


def compound(sentence: Sentence, first: int, last: int, quantity: Quantity) -> bool:
    """A figure joined to its unit by a hyphen before a noun: "a two-page memo", "the
    15-minute halt", "a 7.8-magnitude quake". The noun after it is what the figure
    describes."""
    if not joined_to_its_unit(quantity.text):
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
    to", "Two explosions ... left". A phrase that only says when is passed over, with its
    preposition: "positions on the last day of May rose", "the Dow closed the day down"."""
    changed = _changed_object(sentence, first) or _sized_object(sentence, first)
    if changed:
        return changed
    index = first - 1
    while True:
        index = _verb_group_start(sentence, index)
        opening = parenthesis_opening(sentence.lower, index)
        if opening is not None:
            index = opening - 1  # "the Dow Jones Industrial Average (DJIA) dropped"
        if index < 0 or sentence.in_figure(index):
            return None
        start = _phrase_start(sentence, index)
        phrase = sentence.join(_phrase_words(sentence, start, index))
        so_far = sentence.lower[max(0, index - 1) : index + 1] == ["so", "far"]  # until now
        if phrase is None or not (_only_time(phrase) or so_far):
            return phrase
        index = start - 1
        while index >= 0 and (
            sentence.lower[index] in ("the", "a", "an", "of") or is_time_word(sentence.lower[index])
        ):
            index -= 1  # "during the week ending May 30"
        if index >= 0 and sentence.lower[index] in _PREPOSITIONS:
            index -= 1


def _changed_object(sentence: Sentence, first: int) -> str | None:
    """What a verb of change or setting brings to the level: "raise annual refugee admissions
    to 125,000" -> "annual refugee admissions" (not the words just before "to"). Another "to"
    or an -ing verb on the way is another phrase ("adding his name to the checks to 80
    million", "contracting Covid-19, speaking to hundreds"); an adverb after the verb says how
    it moved ("rose slightly to")."""
    if sentence.lower[first - 1 : first] != ["to"]:
        return None
    clause = sentence.clause[first]
    for index in range(first - 2, max(first - _MAX_OBJECT_REACH, -1), -1):
        word = sentence.lower[index]
        if sentence.clause[index] != clause or sentence.in_figure(index) or word == "to":
            return None
        if word in change_verbs() or word in SETTING_VERBS:
            following = sentence.lower[index + 1]
            if index == first - 2 or (following.endswith("ly") and len(following) > 4):
                return None
            return _phrase_after(sentence, index + 1)
        if word.endswith("ing") and _is_verb_form(word):
            return None
    return None


def _sized_object(sentence: Sentence, first: int) -> str | None:
    """What a verb of sizing gives the size of: in "Police put the crowd at around 28,000" (or
    "estimated", "pegged", "placed") the figure is the crowd's, and the police before the verb
    are its source, not its owner."""
    at = sentence.left(first, SOFT - {"at"})
    if at < 2 or sentence.lower[at] != "at":
        return None
    clause = sentence.clause[first]
    for index in range(at - 1, max(at - _MAX_NOUN_PHRASE, 0) - 1, -1):
        word = sentence.lower[index]
        if sentence.clause[index] != clause or sentence.in_figure(index):
            return None
        if word in _SIZING_VERBS and sentence.tokens[index].text.islower():
            return _phrase_after(sentence, index + 1) if index < at - 1 else None
    return None


def _verb_group_start(sentence: Sentence, index: int) -> int:
    """The last token before the words governing a figure (its verbs, particles, adverbs,
    wrapping nouns) that end at `index`."""
    verbs = change_verbs()
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
        if (
            word in ("to", "from", "at", "worth", "not", "never")
            or word in OUTCOMES
            or _is_verb_form(word)
            or (is_reporting_verb(word) and sentence.tokens[index].text.islower())
            or _present_verb_before(sentence, index)
        ):
            index -= 1
            continue
        if word.endswith("ly") and len(word) > 4 and sentence.tokens[index].text.islower():
            index -= 1  # "rose slightly to"
            continue
        if word in _COLLECTIVES or (index > 0 and sentence.lower[index - 1] in _MODALS):
            index -= 1  # "a group of 1,000", "will supply 200 million": not the owner
            continue
        break
    return index


def _only_time(phrase: str) -> bool:
    """The phrase only says when ("2019", "the last day of May", "week", "the current budget
    year", "Palm Sunday"): a phrase of them, or headed by a span of time or a weekday (a named
    day: "Super Tuesday"), dates a figure; it is no owner."""
    words = [w for w in phrase.lower().replace(",", " ").split() if w not in STOPWORDS]
    if words and words[-1].rsplit("-", 1)[-1] in _DAY_HEADS:
        return True
    return bool(words) and all(is_time_word(w) for w in words)


def _phrase_before(sentence: Sentence, end: int) -> str | None:
    return sentence.join(_phrase_words(sentence, _phrase_start(sentence, end), end))


def _phrase_words(sentence: Sentence, start: int, end: int) -> list[Token]:
    words = sentence.tokens[start : end + 1]
    while words and words[0].text.lower() in ("of", "-", "'s", "’s"):
        words = words[1:]
    return words


def _phrase_start(sentence: Sentence, end: int) -> int:
    """The first token of the noun phrase ending at `end`."""
    start = end
    while start >= 0 and end - start < _MAX_NOUN_PHRASE:
        word = sentence.lower[start]
        if word in ("'s", "’s", "'", "’", "-", "&") or (word == "of" and start < end and start > 0):
            start -= 1
            continue
        joined = start > 1 and sentence.lower[start - 1] == "and"
        if word == "the" and joined and _names_around(sentence, start - 1):
            start -= 2  # "the Dow and the S&P 500"
            continue
        if word == "and" and start < end and _names_around(sentence, start):
            start -= 1  # "Britain and Germany", "the Dow and S&P 500"
            continue
        if not word[0].isalnum() or sentence.in_figure(start) or word in STOPWORDS:
            break
        if word in _PREPOSITIONS or word in NUMBER_WORDS or _is_verb_form(word):
            break
        if _PRONOUN_CONTRACTION.fullmatch(word):
            break  # "they're", "it's", "we'll": a pronoun and its verb, no noun phrase
        if word in change_verbs() and sentence.tokens[start].text.islower():
            break
        start -= 1
    return start + 1


def _names_around(sentence: Sentence, index: int) -> bool:
    """Names on both sides of the "and" at `index`: "Britain and Germany", "the Dow and the
    S&P 500"."""
    after = index + 2 if sentence.lower[index + 1 : index + 2] == ["the"] else index + 1
    return (
        index > 0
        and after < len(sentence.tokens)
        and sentence.tokens[index - 1].text[:1].isupper()
        and not is_time_word(sentence.lower[index - 1])  # "slid 5.9% Thursday and the Nasdaq"
        and sentence.tokens[after].text[:1].isupper()
    )


def _present_verb_before(sentence: Sentence, index: int) -> bool:
    """The word right before the figure is a verb in the present ("weighs 1.4 kilograms",
    "employs 1,200 workers", "spans 300 metres"): a noun's plural does not stand right before a
    number it does not count."""
    written = sentence.tokens[index].text
    return (
        index + 1 < len(sentence.tokens)
        and sentence.in_figure(index + 1)
        and written.islower()
        and verb_form(written) == "s"
    )


def _is_verb_form(word: str) -> bool:
    """A past tense or participle ("killed", "left", "seeking"): not part of a noun phrase."""
    return is_past_form(word) or (word.endswith("ing") and len(word) > 5)
