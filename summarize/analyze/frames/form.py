"""In what form a figure is: a level, a change (and whether a fall), a rate with its period, or
a share; and which figures restate, hold or are the whole of another (see the package
docstring)."""

from __future__ import annotations

import re

from summarize.analyze.frames.measure import share_word
from summarize.analyze.frames.sentence import SOFT, Sentence
from summarize.analyze.nouns import noun_senses
from summarize.models import Form, Quantity
from summarize.text.calendar import CALENDAR_NAMES
from summarize.text.figures import (
    DOWN_WORDS,
    FALL_NOUNS,
    OUTCOMES,
    PERIODS,
    RISE_NOUNS,
    UP_WORDS,
    change_verbs,
)
from summarize.text.inflection import BE_FORMS
from summarize.text.lexicons import word_set
from summarize.text.numbers import COUNT_TO_TEN
from summarize.text.tokens import STOPWORDS
from summarize.text.units import is_currency

_INCREMENTS = word_set("additional another extra further")
_INCREMENTS_AFTER = word_set("more additional extra further")
_AUXILIARIES = BE_FORMS | word_set("has have had")
_CHANGING_UNITS = frozenset({"count", "percent", "percentage point", "K"})
_YEAR_ON_YEAR = (
    r"\b(?:from|over|than|compared\s+(?:with|to))\s+(?:a|the)\s+(?:year|previous\s+year)\s+"
    r"(?:ago|earlier|before)|year[\s-]+(?:over|on)[\s-]+year"
)
# "over the next decade", "over 10 years", "over the past 12 months": a sum spread or a change
# taken over a period ("over the past month" is a time: last month)
_SHORT_PERIOD_ADJECTIVES = frozenset({"quarterly", "monthly", "weekly", "daily"})
_OVER_PERIOD = re.compile(
    r"\b(?:over|across|during|within)\s+(?:the\s+)?(?:(?:next|coming|past|last|previous)\s+)?"
    rf"(?:(?P<count>{COUNT_TO_TEN})?\s*(?P<unit>decade|year)"
    rf"|(?P<short_count>{COUNT_TO_TEN})\s*(?P<short_unit>month|week))s?\b"
)


def form_of(
    sentence: Sentence, first: int, last: int, quantity: Quantity
) -> tuple[Form, bool, bool]:
    """Form, whether it fell, and whether it is the earlier value of a change ("from").

    Physical amounts after such verbs are amounts, not changes ("dropped 10 inches of
    rain", "fell 2 feet of snow"): changes are read for counts, money, shares and degrees.
    """
    verbs = change_verbs()
    if _a_margin(sentence, first, last):
        return "change", sentence.lower[last : last + 1] in (["below"], ["under"]), False
    if quantity.base_unit not in _CHANGING_UNITS and not is_currency(quantity.base_unit):
        return "level", False, False
    before = sentence.left(first, SOFT - {"to", "from", "up"})
    word = sentence.lower[before] if before >= 0 else ""
    share = quantity.unit == "fraction" or (
        quantity.base_unit == "percent"
        and sentence.lower[last : last + 1 + share_word(sentence, last)][-1:] == ["of"]
    )
    if word == "from" and _in_change(sentence, first, last):
        return "level", False, True
    if word in ("to", "from"):
        return "share" if share else "level", False, False
    direction: int | None = None
    if word in UP_WORDS | DOWN_WORDS and not _particle(sentence, before):
        direction = 1 if word in UP_WORDS else -1
    elif word in verbs and sentence.tokens[before].text.islower():
        direction = verbs[word]
        if direction == 0:
            return "level", False, False
    else:
        after = last
        while after < len(sentence.lower) and (
            sentence.lower[after] in ("-", "point", "points") or sentence.in_figure(after)
        ):
            after += 1
        following = sentence.lower[after] if after < len(sentence.lower) else ""
        if following in RISE_NOUNS or following in FALL_NOUNS:
            direction = 1 if following in RISE_NOUNS else -1
        else:
            noun = sentence.left(first, frozenset({"of", "by"}))
            preceding = sentence.lower[noun] if noun >= 0 and noun < first - 1 else ""
            if preceding in RISE_NOUNS or preceding in FALL_NOUNS:
                direction = 1 if preceding in RISE_NOUNS else -1
    if direction is None:
        direction = _passive_change(sentence, last)
    if (
        direction is None
        and _increment(sentence, first, last)
        and not period_of(sentence, first, last)
    ):
        direction = 1  # "an additional 100 million doses", "100 million more"
    if direction is not None:
        return "change", direction < 0, False
    return "share" if share else "level", False, False


# Verbs that compare with a mark, and the marks a figure is measured from: "beat the record by
# HK$102.5 million", "3 metres above its flood alert level" (but "above sea level" is a height).
_OUTDOING = word_set(
    "beat beats beating exceeded exceeds exceeding surpassed surpasses topped tops outstripped "
    "eclipsed bettered missed trailed trails led leads won lost"
)
_MARKS = word_set(
    "level levels average normal limit threshold mark record target forecast estimate estimates "
    "mean expectations"
)
_MARK_WORDS = 4  # how far after "above" the mark may come: "above its flood alert level"


def _a_margin(sentence: Sentence, first: int, last: int) -> bool:
    """The figure is how far something is from a mark, not a level: the margin after "by" that a
    verb comparing with a mark takes, or a figure "above" or "below" a mark."""
    lower = sentence.lower
    clause = sentence.clause[first]
    if (
        first > 0
        and lower[first - 1] == "by"
        and any(
            lower[i] in _OUTDOING and sentence.clause[i] == clause
            for i in range(max(0, first - 10), first - 1)
        )
    ):
        return True
    if lower[last : last + 1] not in (["above"], ["below"]):
        return False
    mark = lower[last + 1 : last + 1 + _MARK_WORDS]
    return "sea" not in mark and any(word in _MARKS for word in mark)


def _in_change(sentence: Sentence, first: int, last: int) -> bool:
    """ "rose from 3.5% to 3.6%", "from $600 to $2,000", "down from about $6 billion": the
    "from" of a change."""
    clause = sentence.clause[first]
    verbs = change_verbs()
    before = any(
        sentence.lower[i] in verbs and sentence.clause[i] == clause
        for i in range(max(0, first - 8), first)
    )
    source = sentence.left(first, SOFT - {"to", "from", "up"})
    if source > 0 and sentence.lower[source - 1] in UP_WORDS | DOWN_WORDS:
        return True
    after = sentence.lower[last : last + 1] == ["to"]
    return before or after


def _passive_change(sentence: Sentence, last: int) -> int | None:
    """ "266,000 jobs were added", "40,000 jobs were lost": a change told after the figure."""
    verbs = change_verbs()
    window = sentence.lower[last : last + 4]
    for index, word in enumerate(window):
        if word in ("was", "were", "have", "has", "had", "been", "be"):
            continue
        if index > 0 and window[index - 1] in ("was", "were", "been", "be") and word in verbs:
            return verbs[word] or None
        if index > 0:
            return None
    return None


def _increment(sentence: Sentence, first: int, last: int) -> bool:
    """ "an additional 100 million doses", "100 million more"; but after a verb of harm
    "N more" counts other people, not an increase ("killing 50 and wounding 53 more")."""
    before = sentence.lower[max(0, first - 2) : first]
    after = sentence.lower[last : last + 1]
    if _INCREMENTS & set(before):
        return True
    harmed = sentence.left(first, SOFT - {"to", "from", "more"})
    if harmed >= 0 and sentence.lower[harmed] in OUTCOMES:
        return False
    return bool(after) and after[0] in _INCREMENTS_AFTER  # "12,000 extra doses"


_EVERY_PERIOD = re.compile(r"\b(?:every|each|per)\s+(?P<unit>hour|day|week|month|year)\b")


def period_of(sentence: Sentence, first: int, last: int) -> str | None:
    """The period of a rate: "$300 a month", "per year", "annually", "annual"."""
    after = last
    while (
        after < len(sentence.lower)
        and after - last < 4
        and sentence.lower[after] not in ("a", "an", "per", "each", "every", *PERIODS)
    ):
        word = sentence.lower[after]
        # past the verb the figure is the subject of ("1,900 patients are being admitted a
        # day") or what it measures ("1,800 tonnes of salt per day")
        material = word == "of" and after == last
        if (word in STOPWORDS and word not in _AUXILIARIES and not material) or not word.isalpha():
            break
        after += 1
    window = sentence.lower[after : after + 3]
    if window[:1] in (["a"], ["an"], ["per"], ["each"], ["every"]) and len(window) > 1:
        period = PERIODS.get(window[1])
        ago = window[2:3] in (["ago"], ["earlier"], ["before"], ["later"])
        if period and window[1] in ("hour", "day", "week", "month", "year") and not ago:
            return period
    if window[:1] and window[0] in ("annually", "monthly", "weekly", "daily", "hourly"):
        return PERIODS[window[0]]
    before = first - 1
    if before >= 0 and sentence.lower[before] in ("annual", "monthly", "weekly", "yearly"):
        return PERIODS[sentence.lower[before]]
    # The words around the figure in its clause, up to the next figure: "rose 3.1% year over
    # year", "a year-over-year gain of 3.1%"; not "rose 0.2%, with a year-over-year gain of 3.1%".
    clause = sentence.clause[first]
    end = last
    while end < min(last + 8, len(sentence.lower)) and sentence.clause[end] == clause:
        if sentence.in_figure(end):
            break
        end += 1
    start = first
    while start > max(first - 4, 0) and sentence.clause[start - 1] == clause:
        if sentence.in_figure(start - 1):
            break
        start -= 1
    # A period shorter than a year named in the figure's noun phrase: "a quarterly dividend of
    # 42 cents", "$40 in monthly fees". A figure with no period is a year's or a total, so
    # "annual" there adds nothing ("raise annual refugee admissions to 125,000" is "the refugee
    # cap to 125,000"), where "quarterly" sets it apart from "its dividend of $1.68".
    # Not the noun a share is of: "10% of their monthly bill" has no period.
    in_what = sentence.lower[last:end] if sentence.lower[last : last + 1] == ["in"] else []
    for word in (*sentence.lower[start:first], *in_what):
        if word in _SHORT_PERIOD_ADJECTIVES:
            return PERIODS[word]
    text = " ".join(sentence.lower[last:end])
    if re.search(_YEAR_ON_YEAR, text) or re.search(
        _YEAR_ON_YEAR, " ".join(sentence.lower[start:first])
    ):
        return "year"
    if over := _OVER_PERIOD.search(text):
        unit, count = over["unit"] or over["short_unit"], over["count"] or over["short_count"]
        return f"{count} {unit}s" if count else unit
    # further on in the clause: "pump 12,600 tonnes of salt into the river every week"
    if every := _EVERY_PERIOD.search(text):
        return PERIODS[every["unit"]]
    return None


# Verbs that "down" or "up" completes as a particle, with no change of a figure: "Pakistan chased
# down 341", "the rebels tracked down 12 fighters", "stepped up 20 patrols" (a count of patrols).
_PARTICLE_VERBS = word_set(
    """
    chase chased chasing hunt hunted hunting track tracked tracking shut shutting turn turned
    turning tear tore torn knock knocked step stepped stand stood back backed set pick picked
    round rounded beef beefed hammer hammered
    """
)


def _particle(sentence: Sentence, index: int) -> bool:
    """The "down" or "up" at `index` completes the verb before it ("chased down")."""
    return index > 0 and sentence.lower[index - 1] in _PARTICLE_VERBS


def restates(sentence: Sentence, first: int) -> int | None:
    """The index of the figure this one restates: "N, or M", "N (M)"."""
    if sentence.lower[max(0, first - 2) : first] == [",", "or"]:
        separator = first - 2
    elif sentence.lower[first - 1 : first] == ["("]:
        separator = first - 1
    else:
        return None
    return next((i for i, (_, end) in enumerate(sentence.figures) if end == separator), None)


def part_of_whole(sentence: Sentence, first: int, last: int) -> bool:
    """ "70 million of the 100 million doses", "the remaining 30 million", "the two houses
    closest to the blast": a part."""
    after = sentence.lower[last : last + 3]
    whole_after = after[:1] == ["of"] and any(
        sentence.in_figure(index) for index in range(last + 1, min(last + 3, len(sentence.lower)))
    )
    return (
        whole_after
        or "remaining" in sentence.lower[max(0, first - 2) : first]
        or (sentence.lower[first - 1 : first] == ["the"] and any(map(_superlative, after[:2])))
        or _of_one_place_alone(sentence, first, last)
    )


_ALONE_IN_A_PLACE = re.compile(r"\bin\s+(?:the\s+)?(?P<place>[\w'’-]+)\s+alone\b", re.I)


def _of_one_place_alone(sentence: Sentence, first: int, last: int) -> bool:
    """ "900 people treated in the province alone": the part of a total one place gave (a day
    "alone" is no part: "620 volunteers turned out on Tuesday alone" is that day's count)."""
    end = sentence.tokens[min(last + 8, len(sentence.tokens)) - 1].end
    text = sentence.text[sentence.tokens[last - 1].end : end]
    found = _ALONE_IN_A_PLACE.search(text)
    return found is not None and found["place"].lower() not in _TIMES_OF_DAYS


_TIMES_OF_DAYS = CALENDAR_NAMES | word_set("day days week weeks month months year years morning")
_SUPERLATIVES = word_set("most least best worst")
_ENDING_IN_EST = word_set("honest modest earnest suggest invest attest detest ingest")


def _superlative(word: str) -> bool:
    """ "closest", "hardest-hit", "most": a superlative picks out the few that stand first in
    their group ("forest" and "interest" are nouns)."""
    word = word.partition("-")[0]
    return word in _SUPERLATIVES or (
        len(word) >= 6
        and word.endswith("est")
        and word not in _ENDING_IN_EST
        and not noun_senses().lemmas(word)
    )


def whole_of_part(sentence: Sentence, first: int) -> bool:
    """ "70 million of the 100 million doses": the figure after "of (the)" is the whole."""
    index = first - 1
    if index >= 0 and sentence.lower[index] in ("the", "its", "their"):
        index -= 1
    return index >= 1 and sentence.lower[index] == "of" and sentence.in_figure(index - 1)
