"""What a figure measures: the counted noun with what happened to it ("people killed") or what
picks them out ("members dissenting"), the kind of unit ("length", "money (USD)"), an age, or a
duration with its role (see the package docstring)."""

from __future__ import annotations

from summarize.analyze.frames.sentence import SOFT, Sentence
from summarize.analyze.frames.subject import compound
from summarize.models import Quantity
from summarize.text.figures import OUTCOMES
from summarize.text.inflection import looks_plural, singular, verb_form
from summarize.text.lexicons import word_set
from summarize.text.tokens import STOPWORDS
from summarize.text.units import is_currency

_UNIT_KINDS = {
    "m": "length", "m**2": "area", "m**3": "volume", "kg": "mass", "m/s": "speed",
    "K": "temperature", "s": "duration", "kg*m**2/s**3": "power", "kg*m**2/s**2": "energy",
    "percent": "percent", "percentage point": "percentage points", "times": "multiple",
}  # fmt: skip
# Units whose kind a role completes: a duration's preposition ("duration (in)"), what a
# multiplier multiplies ("multiple (size)"), what a share is of ("percent (case)").
_UNITS_WITH_ROLES = frozenset({"s", "times", "percent"})
OUTCOME_WORDS = {
    "death": "killed", "injury": "injured", "arrest": "arrested",
    "displacement": "displaced", "missing": "missing", "infection": "infected",
    "hospitalisation": "hospitalised", "critical condition": "critical",
    "rescue": "rescued", "entrapment": "trapped", "destruction": "destroyed",
    "damage": "damaged", "cancellation": "cancelled", "delay": "delayed",
}  # fmt: skip
# What happened to the counted, as a measure names it: news tallies each as it rises.
TALLIES = frozenset(OUTCOME_WORDS.values())
# Tallies of all it ever happened to, where those it still holds are a count of their own.
_SUMMED = frozenset({"hospitalisation", "arrest"})
_STILL = frozenset({"remain", "remains", "remained", "still"})


def measure_of(
    quantity: Quantity, outcome: str | None, age: bool, role: str | None, named: bool = False
) -> str:
    """What the figure measures. `named`: a count given by its name, of people (`named_count`)."""
    if age:
        return "age"
    if quantity.base_unit in _UNITS_WITH_ROLES and role:
        # "in two weeks" (when) is no "for 30 days" (how long); "2.6 times the size of Earth"
        # no "8.6 times Earth's mass"
        return f"{_UNIT_KINDS[quantity.base_unit]} ({role})"
    if quantity.base_unit == "count":
        noun = quantity.counted or ("people" if named else "count")
        if outcome is None and noun in OUTCOME_WORDS:
            return f"people {OUTCOME_WORDS[noun]}"  # "19 arrests" are 19 people arrested
        return f"{noun} {OUTCOME_WORDS.get(outcome, outcome)}" if outcome else noun
    if is_currency(quantity.base_unit):
        return f"money ({quantity.base_unit})"
    return _UNIT_KINDS.get(quantity.base_unit, quantity.base_unit)


# Small lengths measure what fell in a sentence about rain or snow: "150 millimetres in a
# single day" is rainfall, no distance, nor the "3 metres" a river rose.
_FALLS = {
    **dict.fromkeys(word_set("rain rains rainfall downpour downpours precipitation"), "rainfall"),
    **dict.fromkeys(word_set("snow snowfall snowfalls"), "snowfall"),
}
_DEPTH_UNITS = frozenset({"millimeter", "centimeter", "inch"})


def what_fell(sentence: Sentence, quantity: Quantity) -> str | None:
    """ "rainfall" or "snowfall" for a depth in millimetres, centimetres or inches in a sentence
    about rain or snow; None otherwise."""
    if quantity.unit not in _DEPTH_UNITS:
        return None
    return next((_FALLS[word] for word in sentence.lower if word in _FALLS), None)


def outcome_name(measure: str) -> str | None:
    """What happened to the counted, or what picks them out, as the measure says it: "killed"
    in "people killed", "dissenting" in "members dissenting"; None for a count of all of them."""
    noun, _, outcome = measure.rpartition(" ")
    if noun and (outcome in TALLIES or picks_out(outcome)):
        return outcome
    return None


def picks_out(outcome: str) -> bool:
    """The outcome is a participle picking out part of what is counted ("dissenting"), not
    something that happened to them ("killed")."""
    return outcome.endswith("ing") and outcome not in TALLIES


# Participles that open a phrase about the figure rather than pick out part of what it counts:
# "40 people, including 10 children", "$2 million according to", "12 bills totaling".
_NOT_QUALIFIERS = word_set(
    "including excluding according following regarding concerning totaling totalling amounting "
    "ranging bringing making during pending notwithstanding starting beginning ending compared "
    "covering involving spanning featuring containing"
)
# A part of people or things named before: "five of them", "two of whom".
_PARTITIVE_PRONOUNS = (["of", "them"], ["of", "those"], ["of", "whom"], ["of", "which"])
# How sure a telling of what happened is: "have been confirmed dead", "are feared trapped",
# "the number of confirmed dead".
_HOW_SURE = word_set("confirmed reported feared believed presumed known")
# How far before a figure its count's name may stand: "the death toll rose sharply overnight
# to 57", "bringing the number of arrests in the case to three", "the number of confirmed dead
# at the site of the collapsed Florida condo building jumped to 60".
_NAME_REACH = 16


def outcome_of(sentence: Sentence, first: int, last: int, quantity: Quantity) -> str | None:
    """What happened to the people counted: the verb before ("killed 37"), the word after
    the counted noun ("37 people were killed", "40 people dead", "100 injured"), or, for a
    figure naming nothing it counts, the name of the count it is given for ("the death toll
    rose to 57", "bringing the number of arrests to three"; not "the toll road carried 500
    cars"); else a participle right after the counted noun that picks out part of them ("two
    members dissenting")."""
    counted = quantity.counted
    before = sentence.left(first, SOFT - {"to", "from"})
    if before >= 0 and sentence.lower[before] in OUTCOMES:
        return OUTCOMES[sentence.lower[before]]
    named = named_count(sentence, first, quantity)
    if named is not None:
        return named
    for index in range(last, min(len(sentence.lower), last + 4)):
        word = sentence.lower[index]
        if word in OUTCOMES:
            still = set(sentence.lower[last:index]) & _STILL
            # "Six children remain in hospital" are those there now, not all taken there
            return "remaining" if still and OUTCOMES[word] in _SUMMED else OUTCOMES[word]
        # "were taken to hospitals", "remain in hospital": the way to where they are
        skipped = (
            "were", "was", "are", "is", "have", "had", "been", "people", "persons", "taken",
            "rushed", "admitted", "remain", "remained", "still", "in", "to", "now", "also",
            # the means before what it did: "shot dead", "stabbed to death", "crushed to death"
            "shot", "stabbed", "beaten", "crushed", "burned", "burnt", "hacked", "trampled",
        )  # fmt: skip
        manner = word.endswith("ly") and word.isalpha()  # "were completely destroyed"
        if word not in skipped and word not in _HOW_SURE and not manner and index > last:
            break
    if counted and not compound(sentence, first, last, quantity):
        return _qualifier(sentence, first, last)  # not the noun of "a 12-story building"
    if sentence.lower[last : last + 2] in _PARTITIVE_PRONOUNS:
        return _qualifier(sentence, first, last + 2)  # "five of them carrying chemicals"
    return None


def _qualifier(sentence: Sentence, first: int, last: int) -> str | None:
    """The participle right after the counted noun that picks out part of them: "with two
    members dissenting" counts the dissenters, not the board ("the seven board members"), as
    "300 workers striking" counts the strikers, not the workforce."""
    if last >= len(sentence.tokens) or sentence.clause[last] != sentence.clause[first]:
        return None
    written = sentence.tokens[last].text
    qualifies = written.islower() and written.endswith("ing") and len(written) > 5
    return written if qualifies and written not in _NOT_QUALIFIERS else None


def role_of(sentence: Sentence, first: int, last: int, compound: bool = False) -> str | None:
    """The preposition that gives a duration its role: "in two weeks", "for 30 days",
    "two weeks ago"; a compound ("the 15-minute halt") is how long its noun lasts, whatever
    preposition governs the noun ("after the 15-minute halt")."""
    if compound:
        return "for"
    if sentence.lower[last : last + 1] in (["ago"], ["later"], ["earlier"], ["before"]):
        return sentence.lower[last]
    before = sentence.left(first, frozenset({"another", "more", "an", "a", "the", "next", "past"}))
    word = sentence.lower[before] if before >= 0 else ""
    return word if word in ("in", "for", "within", "after", "over", "since", "during") else None


def share_word(sentence: Sentence, last: int) -> int:
    """1 when "share" follows a percentage ("a 7 percent share of the market"), else 0."""
    return int(sentence.lower[last : last + 2] == ["share", "of"])


def share_of(sentence: Sentence, last: int) -> str | None:
    """What a percentage is a share of, when the words after it say: the head of the noun phrase
    after "of", past its determiners, possessives and figures ("38 percent of this year's
    deaths": death; "90% of all American adults": adult); None when no "of" follows."""
    lower = sentence.lower
    last += share_word(sentence, last)  # "a 7 percent share of the market"
    if lower[last : last + 1] != ["of"]:
        return None
    head = None
    for index in range(last + 1, min(len(lower), last + 7)):
        word = lower[index]
        skipped = sentence.in_figure(index) or word.endswith(("'s", "’s")) or "." in word
        if word in STOPWORDS or skipped:
            if head is not None and not skipped:
                break  # the phrase ends: "of all cases this year"
            continue
        if not word.isalpha() or (head is not None and verb_form(word) is not None):
            break  # "40% of the population say": the verb after the noun
        head = word
        if looks_plural(word):
            break  # "of all American adults", "of Americans say", "of voters backed"
    return singular(head) if head else None


# Words between a multiplier and what it multiplies: "times the size", "times as large as".
_MULTIPLIED_OPENERS = word_set("the its their his her our as")
# Comparatives of size and weight, and the measure they compare: "bigger than" is "the size of".
_COMPARED_MEASURES = {
    **dict.fromkeys(word_set("big bigger large larger small smaller"), "size"),
    **dict.fromkeys(word_set("heavy heavier light lighter massive"), "mass"),
}


def multiplied(sentence: Sentence, last: int) -> str | None:
    """What a multiplier multiplies, in the words after it: the head noun of "the size of
    Earth", "Earth's mass", "its weight", "the national average"; the measure a comparative
    compares ("bigger than", "as large as": size), or the comparative itself ("higher than");
    None when the words do not say ("that of Earth", "more than")."""
    lower = sentence.lower
    index = last
    while index < len(lower) and lower[index] in _MULTIPLIED_OPENERS:
        index += 1
    word = lower[index] if index < len(lower) else ""
    if lower[index - 1 : index] == ["as"] or lower[index + 1 : index + 2] == ["than"]:
        return None if word in ("more", "less") else _COMPARED_MEASURES.get(word, word)
    if word.endswith(("'s", "’s")):
        index += 1  # "Earth's mass"
    elif index == last:
        return None
    while index + 1 < len(lower) and lower[index + 1].isalpha() and lower[index + 1] != "of":
        if lower[index + 1] in STOPWORDS:
            break
        index += 1  # "the national average"
    noun = lower[index] if index < len(lower) else ""
    return singular(noun) if noun.isalpha() and noun not in STOPWORDS else None


def named_count(sentence: Sentence, first: int, quantity: Quantity) -> str | None:
    """For a figure naming nothing it counts, the outcome its count's name gives, in the
    figure's clause before it: a toll is of the dead ("the death toll", "the toll"; "the injury
    toll" is of the injured), "the number of arrests" of the arrested, "the number of people
    killed" of the killed. Each counts people, as "57 people were killed" does."""
    if quantity.counted:
        return None
    clause = sentence.clause[first]
    start = max(0, first - _NAME_REACH)
    words = [
        (index, sentence.lower[index])
        for index in range(start, first)
        if sentence.clause[index] == clause and not sentence.in_figure(index)
    ]
    for index, word in reversed(words):
        if word == "toll":
            named = sentence.lower[index - 1] if index else ""
            return OUTCOMES.get(named, "death")
        if word == "of" and sentence.lower[index - 1 : index] == ["number"]:
            after = [  # "the number of people killed", "the number of confirmed dead"
                word
                for word in sentence.lower[index + 1 : min(first, index + 4)]
                if word not in _HOW_SURE and word not in ("people", "persons")
            ]
            return OUTCOMES.get(after[0]) if after else None
    return None
