"""Hedges and ranges around a number: "some", "nearly", "more than", "up to" (see the package
docstring), "10 to 12", "between 5 and 6"; the interval each gives; and whether two quantities
measure the same thing and agree."""

from __future__ import annotations

import math
import re
from decimal import Decimal
from typing import Literal

from summarize.analyze.quantities.exclusions import LOOKBACK
from summarize.analyze.quantities.numbers import NUMBER, Number, exact, read_number
from summarize.analyze.quantities.units import UNIT
from summarize.models import Bound, Quantity
from summarize.text.figures import change_verbs

APPROXIMATE_MARGIN = 0.15
HEDGE_STEPS = 1
BOUNDS_MARGIN = 0.05
# Values this close (a share of the larger) are one value: news compares no figure that finely.
SAME_VALUE = 0.001
Qualifier = Literal["approximate", "nearly", "at_least", "at_most", "between", "from"]
_QUALIFIER_WORDS: dict[Qualifier, str] = {
    # "just over 900 grams" is close to 900, not any weight above it
    "approximate": r"some|about|around|approximately|roughly|an\s+estimated|estimated|approx\.|"
    r"circa|~|just\s+(?:over|above)|slightly\s+(?:over|above|more\s+than)|"
    r"a\s+little\s+(?:over|more\s+than)",
    # "close to" after a modal or "to" is a verb and its object: "the shortfall the budget must
    # close to $165 million" is no hedge
    "nearly": r"nearly|almost|(?<!must )(?<!will )(?<!would )(?<!to )(?<!can )(?<!could )"
    r"(?<!should )close\s+to|just\s+(?:under|below|shy\s+of)",
    "at_least": r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+(?:fewer|less)"
    r"\s+than|above|exceeding|greater\s+than|well\s+over|well\s+above",
    "at_most": r"less\s+than|fewer\s+than|under|up\s+to|at\s+most|no\s+more\s+than|below|"
    r"as\s+many\s+as|as\s+much\s+as",
    "between": r"between",
    "from": r"from",
}
_QUALIFIER = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIER_WORDS.items())
    + r")\s*$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?P<dash>[-–])\s*|\s+(?P<word>to|or|and)\s+", re.IGNORECASE)
_WORD_BEFORE = re.compile(r"\b(?P<word>[A-Za-z]+)\s+(?:by\s+)?$")


def qualifier_before(text: str, start: int) -> tuple[Qualifier | None, int]:
    """The hedge right before `start` ("about", "more than"), and where it starts."""
    match = _QUALIFIER.search(text, max(0, start - LOOKBACK), start)
    if match is None:
        return None, start
    name = next(name for name in _QUALIFIER_WORDS if match[name])
    return name, match.start()


def after_change_verb(text: str, start: int) -> bool:
    """The figure starting at `start` follows a verb of change: "dropped 29,000", "rose by"."""
    word = _WORD_BEFORE.search(text, max(0, start - LOOKBACK), start)
    return word is not None and word["word"] in change_verbs()


def second_of_range(
    text: str, number: Number, qualifier: Qualifier | None, after_change: bool = False
) -> tuple[Number, bool] | None:
    """The upper end of "10 to 12", "10-12", "two or three", "between 5 and 6"; dashed or not.

    After a verb of change, "to" introduces the new level, not the end of a range: "dropped
    29,000 to 348,000"."""
    join = _RANGE_JOIN.match(text, number.end)
    if join is None or ((join["word"] or "").lower() == "and" and qualifier != "between"):
        return None
    change_then_level = after_change and (join["word"] or "").lower() == "to"
    if change_then_level and UNIT.match(text, number.end):
        return None  # "fell 5% to 3.2%"
    match = NUMBER.match(text, join.end())
    if match is None or not (match["digits"] or match["words"]):
        return None
    other = read_number(text, match)
    if other is None or other.currency not in (None, number.currency):
        return None
    if change_then_level and not UNIT.match(text, other.end) and other.value >= 2 * number.value:
        return None  # "dropped 29,000 to 348,000"; but "dropped 10 to 12 inches" is a range
    if number.scale == 1 and other.scale > 1 and number.value < other.mantissa:
        adopted = exact(number.start, number.end, number.mantissa, number.decimals, other.scale)
        number.value, number.low, number.high = adopted.value, adopted.low, adopted.high
    return other, join["dash"] is not None


def _hedge(number: Number, value: float) -> float:
    """How far a hedge ("about", "nearly") reaches from a number: APPROXIMATE_MARGIN of it, but
    no more than HEDGE_STEPS step of its last digit that is not zero: "about 27%" is 26 to 28,
    not 23 to 31 (a reader holds "31 percent" to be another figure), "about 1.1 million" 1.0 to
    1.2 million (no "nearly 900,000"), while "about 300" reaches 45 either side (its rounding,
    50, reaches further)."""
    relative = APPROXIMATE_MARGIN * abs(value)
    if number.value == 0 or not math.isfinite(number.value):
        return relative
    exponent = Decimal(repr(abs(number.value))).normalize().as_tuple().exponent
    if not isinstance(exponent, int):
        return relative
    return min(relative, HEDGE_STEPS * 10.0**exponent)


def interval(
    number: Number, qualifier: Qualifier | None
) -> tuple[Bound, float | None, float | None]:
    """Bound and interval in the written unit; None for "from zero" and "without limit"."""
    bound: Bound = "range" if number.kind in ("vague", "range") else "exact"
    low: float | None = number.low
    high: float | None = number.high
    if qualifier == "approximate":
        # A hedge widens what the number's rounding allows, never both at once: "about 300" is
        # the 250 to 350 its rounding allows, not 212 to 402 (where "about 400" begins).
        reach = _hedge(number, number.value)
        low, high = min(number.low, number.value - reach), max(number.high, number.value + reach)
    elif qualifier == "nearly":
        low = number.low - _hedge(number, number.value)
    elif qualifier == "at_least":
        low, high = (number.value if number.kind == "exact" else number.low), None
        return "at_least", low, high
    elif qualifier == "at_most":
        return "at_most", None, number.value if number.kind == "exact" else number.high
    if qualifier in ("approximate", "nearly") and bound == "exact":
        bound = "approximate"
    return bound, low, high


def is_bound(quantity: Quantity) -> bool:
    """A bound ("more than $1.3 trillion", "as many as 1.8 million"): it fits every value beyond
    it, so agreeing with it shows no report gives that value."""
    return quantity.bound in ("at_least", "at_most")


def same_figure(a: Quantity, b: Quantity, margin: float | None = None) -> bool:
    """Two wordings of one figure: some value fits both, and a bound names about the number the
    other wording gives ("more than 60" and "at least 60" or "61"), or the end of its range
    ("up to ten days" / "two to 10 days"). "More than three-quarters" fits "more than 60
    percent" without being the same figure."""
    if not agrees(a, b):
        return False
    bounds = [q for q in (a, b) if is_bound(q)]
    if not bounds:
        return True
    spans = [q for q in (a, b) if q.bound == "range"]
    if spans:
        # A bound names the end of a range it shares, in the half of the range at that end: "up
        # to ten days" is the top of "two to 10 days", "at least two days" its bottom.
        bound, span = bounds[0], spans[0]
        upper = bound.bound == "at_most"
        return span.low <= bound.normalized <= span.high and (
            bound.normalized >= span.normalized if upper else bound.normalized <= span.normalized
        )
    # Two bounds each name their number exactly ("more than 60" / "more than 70" are two
    # figures); a bound and a value may round ("more than 60" / "64"), unless `margin` says how
    # near the named numbers must be.
    if margin is None:
        margin = BOUNDS_MARGIN if len(bounds) == 2 else APPROXIMATE_MARGIN
    return abs(a.normalized - b.normalized) <= margin * max(abs(a.normalized), abs(b.normalized))


def comparable(a: Quantity, b: Quantity) -> bool:
    """Both measure the same thing: same base unit and, for counts, the same counted noun."""
    return a.base_unit == b.base_unit and (a.base_unit != "count" or a.counted == b.counted)


def agrees(a: Quantity, b: Quantity) -> bool:
    """Two wordings of one figure agree: one states a value the other allows ("$984 billion" /
    "$1 trillion", "297" / "nearly 300", "12 miles" / "20 km"). A bound or a range states no one
    value, so some value fitting both is enough. Two values that only reach each other through
    both their margins do not agree: "about $2.4 million" and "about $3.1 million", "$250
    million" and "$300 million" are two figures."""
    if a.base_unit != b.base_unit:
        return False
    if a.ends is not None and b.ends is not None:
        return _same_ends(a, b)
    if is_bound(a) or is_bound(b) or "range" in (a.bound, b.bound):
        return overlaps(a, b)
    if abs(a.normalized - b.normalized) <= SAME_VALUE * max(abs(a.normalized), abs(b.normalized)):
        return True  # "1,861.81 points" / "1,861.82 points": a slip or a last digit, no figure
    return a.low < b.normalized < a.high or b.low < a.normalized < b.high


def _same_ends(a: Quantity, b: Quantity) -> bool:
    """Two ranges written with both ends are one only when each end is: "aged 6 to 14" and
    "aged 10 to 17" overlap, but give two age spans. An end allows what its rounding allows."""
    assert a.ends is not None and b.ends is not None
    margins = (a.ends[0] - a.low, a.high - a.ends[1], b.ends[0] - b.low, b.high - b.ends[1])
    allowed = max(*margins, SAME_VALUE * max(abs(a.high), abs(b.high)))
    return all(abs(end_a - end_b) <= allowed for end_a, end_b in zip(a.ends, b.ends, strict=True))


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Some value fits both wordings (meaningful when the two are comparable).

    Intervals that only touch do not overlap: "19" ([18.5, 19.5]) is not "20" ([19.5, 20.5]).
    """
    return a.base_unit == b.base_unit and a.low < b.high and b.low < a.high
