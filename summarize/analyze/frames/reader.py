"""The frame of each figure of a sentence, its parts read by the modules of this package."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.analyze.frames.form import (
    form_of,
    part_of_whole,
    period_of,
    restates,
    whole_of_part,
)
from summarize.analyze.frames.measure import (
    measure_of,
    multiplied,
    named_count,
    outcome_of,
    role_of,
    share_of,
    what_fell,
)
from summarize.analyze.frames.sentence import Sentence
from summarize.analyze.frames.statement import statement_of
from summarize.analyze.frames.subject import age_subject, compound, lowercase_opening, subject_of
from summarize.analyze.frames.times import earlier_value, find_times, time_of
from summarize.analyze.nouns import is_a_kind_of_person
from summarize.models import Quantity, QuantityFrame
from summarize.text.inflection import looks_plural

_OLD_AFTER = re.compile(r"\s*-?\s*old\b", re.IGNORECASE)
# A bare number set off after a name is the person's age ("Katarzyna Wolski, 49, will join"), as
# is one after "who is" or "aged" ("Grant Whitfield, ..., who is 57"), or after a word for a
# person and "was" ("the youngest victim was 16").
MAX_AGE = 120  # a larger number set off after a name is no age ("Smith, 150, ...")
_NAME_BEFORE_AGE = re.compile(r"[A-Z][\w.'’-]*, $")
_AGE_AFTER_NAME = re.compile(r",(?:\s|$)")
_AGE_CUE = re.compile(
    r"(?i)\b(?:who|she|he) (?:is|was|turned)\s+$|\baged\s+$|\bat (?:the )?age (?:of )?$"
)


def _age_after_name(text: str, quantity: Quantity, offset: int) -> bool:
    if quantity.base_unit != "count" or quantity.counted or not quantity.text.isdigit():
        return False
    start, end = quantity.start - offset, quantity.end - offset
    set_off = (
        int(quantity.text) < MAX_AGE
        and bool(_NAME_BEFORE_AGE.search(text, max(0, start - 40), start))
        and bool(_AGE_AFTER_NAME.match(text, end))
    )
    return set_off or bool(_AGE_CUE.search(text, max(0, start - 16), start))


def _age_of_person(sentence: Sentence, first: int, quantity: Quantity) -> bool:
    """ "the youngest confirmed victim was 16", "the suspect is 19": a bare number after "is" or
    "was" and a singular word for a kind of person is that person's age. A count's noun
    ("the death toll was 16") or a plural ("the victims were 16": how many) says no age."""
    if quantity.base_unit != "count" or quantity.counted or quantity.bound != "exact":
        return False
    if not (quantity.value.is_integer() and 0 < quantity.value < MAX_AGE) or first < 2:
        return False
    if sentence.lower[first - 1] not in ("is", "was"):
        return False
    # "the man who died was 84": the person before a relative clause of one verb
    relative = first >= 4 and sentence.lower[first - 3] in ("who", "that")
    noun = sentence.lower[first - 4 if relative else first - 2]
    person = noun.isalpha() and not looks_plural(noun) and is_a_kind_of_person(noun)
    # "The oldest of the released men is 61": one picked out by age
    by_age = any(word in _BY_AGE for word in sentence.lower[max(0, first - 8) : first - 1])
    return person or by_age


_BY_AGE = frozenset({"oldest", "youngest"})
# A count of some of a group the report names: "Three of the fires", "two of those arrested".
_PARTITIVE = re.compile(r"\S+(?:\s\S+)?\s+of\s+(?:the|those|these|its|their|his|her)\s", re.I)


@dataclass
class Reading:
    """A figure's frame, and whether the sentence says it fell (a negative change)."""

    frame: QuantityFrame
    falling: bool = False


def read_frames(text: str, quantities: list[Quantity], offset: int = 0) -> list[Reading]:
    """The frame of each quantity of one sentence (`offset`: the sentence's start)."""
    if not quantities:
        return []
    sentence = Sentence(text, [(q.start - offset, q.end - offset) for q in quantities])
    times = find_times(sentence)
    readings: list[Reading] = []
    for quantity, (first, last) in zip(quantities, sentence.figures, strict=True):
        restated = restates(sentence, first)
        if restated is not None and restated < len(readings):
            # "grew $205 billion, or 26 percent", "20 km (12 miles)": the same figure again
            previous = readings[restated]
            frame = previous.frame.model_copy(
                update={"measure": measure_of(quantity, None, False, None)}
            )
            readings.append(Reading(frame, previous.falling))
            continue
        if first >= len(sentence.tokens):
            readings.append(Reading(QuantityFrame(measure=measure_of(quantity, None, False, None))))
            continue
        age = (
            (quantity.base_unit == "s" and bool(_OLD_AFTER.match(text, quantity.end - offset)))
            or _age_after_name(text, quantity, offset)
            or _age_of_person(sentence, first, quantity)
        )
        whole = whole_of_part(sentence, first)
        form, falling, earlier = form_of(sentence, first, last, quantity)
        earlier = earlier or earlier_value(sentence, first, last)
        outcome = (
            outcome_of(sentence, first, last, quantity) if quantity.base_unit == "count" else None
        )
        period = period_of(sentence, first, last)
        if period and form == "level":
            form = "rate"
        partitive = outcome is None and _PARTITIVE.match(quantity.text) is not None
        if form == "level" and (part_of_whole(sentence, first, last) or partitive):
            # a part of a total is no total, and "Three of the fires" is a part of "the fires"
            # (what happened to it, "Two of the workers remained in hospital", is a count of its
            # own)
            form = "share"
        elif whole:
            form = "total"  # the whole of a part is no level of its own: "level 4 of 5"
        frame = QuantityFrame(
            measure=what_fell(sentence, quantity)
            or measure_of(
                quantity,
                outcome,
                age,
                multiplied(sentence, last)
                if quantity.base_unit == "times"
                else share_of(sentence, last)
                if quantity.base_unit == "percent"
                else role_of(sentence, first, last, compound(sentence, first, last, quantity)),
                named=named_count(sentence, first, quantity) is not None,
            ),
            subject=lowercase_opening(
                sentence,
                None
                if whole
                else age_subject(sentence, first, last)
                if age
                else subject_of(sentence, first, last, quantity),
            ),
            time="earlier" if earlier else None if whole else time_of(sentence, times, first, last),
            statement=statement_of(sentence, first, last),
            form=form,
            period=period,
        )
        readings.append(Reading(frame, falling))
    return readings
