"""The quantities of a sentence: each number with its hedge, range, unit or counted noun and
sign, unless it is no quantity, normalised, and with its frame."""

from __future__ import annotations

import math
import re
from dataclasses import replace

from summarize.analyze.frames import read_frames
from summarize.analyze.quantities.exclusions import LOOKBACK, blocked_spans, not_a_quantity
from summarize.analyze.quantities.intervals import (
    after_change_verb,
    interval,
    qualifier_before,
    second_of_range,
)
from summarize.analyze.quantities.numbers import Number, exact, next_number, read_number
from summarize.analyze.quantities.units import counted_noun, normalised, unit_in_a_title, unit_of
from summarize.models import Bound, Quantity
from summarize.text.inflection import looks_plural, singular

_SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:minus\s+|[-−])$", re.IGNORECASE)


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Quantities stated in `text`, one sentence starting at `offset` in its document."""
    blocked = blocked_spans(text)
    quantities: list[Quantity] = []
    position = 0
    while match := next_number(text, position):
        position = match.end()
        if any(start < match.end() and match.start() < end for start, end in blocked):
            continue
        number = read_number(text, match)
        if number is not None:
            quantity, position = _read_quantity(text, number, offset)
            if quantity is not None and _finite(quantity):
                quantities.append(quantity)
    for quantity, reading in zip(quantities, read_frames(text, quantities, offset), strict=True):
        quantity.frame = reading.frame
        if reading.falling:
            _negate(quantity)
    return quantities


def _finite(quantity: Quantity) -> bool:
    """A figure too large for a float once converted (10^306 km) is no figure."""
    return all(map(math.isfinite, (quantity.normalized, quantity.low, quantity.high)))


def _negate(quantity: Quantity) -> None:
    """A fall read as a negative change: "fell more than 5%" is at most -5%."""
    quantity.value, quantity.normalized = -quantity.value, -quantity.normalized
    quantity.low, quantity.high = -quantity.high, -quantity.low
    if quantity.ends is not None:
        quantity.ends = (-quantity.ends[1], -quantity.ends[0])
    flipped: dict[Bound, Bound] = {"at_least": "at_most", "at_most": "at_least"}
    quantity.bound = flipped.get(quantity.bound, quantity.bound)


# The other side of a tally: "by 118 votes to 41", "passed 52 seats to 47".
_TALLY_BEFORE = re.compile(r"\d\s+(?P<noun>[a-z]+s)\s+to\s+$")


def _read_quantity(text: str, number: Number, offset: int) -> tuple[Quantity | None, int]:
    """The quantity around `number`, or None when it is not one; and where to search on."""
    if text[max(0, number.start - 4) : number.start].lower() == "-of-":
        return None, number.end  # a compound noun: "mum-of-three", "best-of-five"
    qualifier, start = qualifier_before(text, number.start)
    if (
        qualifier == "at_most"
        and text[start:].lower().startswith("up")
        and (after_change_verb(text, start))
    ):
        qualifier, start = None, number.start  # "ticked up to 3.6%": a particle, no bound
    dashed = False
    ends: tuple[float, float] | None = None
    if number.kind == "exact" and qualifier != "from":
        second = second_of_range(text, number, qualifier, after_change_verb(text, start))
        if second is not None:
            other, dashed = second
            if other.value <= number.value:
                if dashed:  # a score or a code: "3-1", "110-102"
                    return None, other.end
            else:
                ends = (number.value, other.value)
                number = Number(
                    number.start, other.end, (number.value + other.value) / 2, number.low,
                    other.high, kind="range", currency=number.currency or other.currency,
                    digits=number.digits if other.digits else "",
                )  # fmt: skip
    at_least = number.kind != "fraction" and text.startswith("+", number.end)
    end = number.end + 1 if at_least else number.end
    unit, end = unit_of(text, number, end)
    if unit_in_a_title(text, number, unit, end):
        return None, end
    if unit.kind == "measure" and number.kind == "exact":
        number = exact(
            number.start, number.end, number.mantissa, number.decimals, number.scale, measure=True
        )
    counted = None
    if unit.kind == "count" and number.kind != "fraction":
        counted, end = counted_noun(text, number, end)
        tally = _TALLY_BEFORE.search(text, max(0, number.start - LOOKBACK), number.start)
        if counted is None and tally and looks_plural(tally["noun"]):
            counted = singular(tally["noun"])  # "by 118 votes to 41": 41 votes
        if ends is not None:
            # Things counted are whole: a range's end whose rounding allows less than one more
            # or one fewer is a limit ("between 50 and 100 pardons" allows no 101st, so it is no
            # "more than 100"); "2 to 3 million" keeps the rounding of its large ends.
            number = replace(
                number,
                low=ends[0] if ends[0] - number.low < 1 else number.low,
                high=ends[1] if number.high - ends[1] < 1 else number.high,
            )
    if sign := _SIGN_BEFORE.search(text, max(0, number.start - LOOKBACK), number.start):
        number = Number(
            sign.start(), number.end, -number.value, -number.high, -number.low, kind=number.kind,
            currency=number.currency, digits=number.digits,
        )  # fmt: skip
        qualifier, start = qualifier_before(text, number.start)
    if not_a_quantity(text, number, unit, counted, qualifier, dashed):
        return None, end
    if at_least:
        qualifier = "at_least"
    if qualifier == "from" or (qualifier == "between" and number.kind != "range"):
        start = number.start
    bound, low, high = interval(number, qualifier)
    quantity = Quantity(
        start=offset + start, end=offset + end, text=text[start:end], counted=counted,
        bound=bound, **normalised(number, unit, low, high, ends),
    )  # fmt: skip
    return quantity, end
