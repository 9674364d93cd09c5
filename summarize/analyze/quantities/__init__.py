"""Find the quantities a sentence states and normalise them so reports can be compared.

Every quantity carries the interval [low, high] of values its wording allows, in the base unit of
its dimension, so two reports agree when their intervals overlap:

- rounding: a number is as precise as it is written. Integers below 1000 mean +-0.5 ("20 km" is
  19.5-20.5 km, "12 miles" 11.5-12.5 mi); larger round numbers were rounded at their last non-zero
  digit ("3 million" is 2.5-3.5 million, "1,200" is 1,150-1,250), one more digit when they are a
  power of ten ("1 million" is 0.95-1.05 million); decimals mean half their last place ("3.5" is
  3.45-3.55). Measures, often rounded conversions, are read so from 100 on, and a last non-zero
  digit 5 after others means rounding to 5 ("120 mph (195 km/h)": 115-125 mph, 192.5-197.5
  km/h). Tolerances apply in the unit as written, before conversion.
- "some", "about", "an estimated", "just over"... widen the interval by 15% on each side, but by
  no more than one step of the number's last non-zero digit ("about 27%" is 25.5-28.5%: a reader
  holds "31%" to be another figure; "about 300" still reaches 15%); "nearly", "almost" widen it so
  below only; "more than", "at least"... make it unbounded above (UNBOUNDED, a finite stand-in for
  infinity that survives JSON); "less than", "up to"... make it start at 0.
- vague amounts are ranges: "tens of thousands" is 10,000-99,999, "hundreds" 100-999; their `value`
  is the lower end. Explicit ranges ("10 to 12 miles", "10-12 km") have the midpoint; a range of
  things counted ends at its ends where their rounding is under one (whole things: "between 50 and
  100 pardons" is no "more than 100").
- counts have base_unit "count" and `counted`, their head noun lowercased and singularised, with
  person/persons/people all read as "people"; two plural nouns joined by "and" or "or" are counted
  together, in either order ("pardons and commutations": "commutation and pardon"), and a
  partitive counts its whole's noun ("nine of his officers": "officer"). Money keeps its currency
  code, without exchange rates, and its scale words, South Asia's too ("Tk 2 lakh" is 200,000
  taka, "Rs 5 crore" 50 million rupees); percentages and fractions ("a quarter of") are in
  percent, but percentage points have their own base unit (a change of 2 points is no share of
  2%), as have multipliers ("2.6 times the size of Earth": "times", no count of times); "tons"
  spans short to metric.

Numbers that are not quantities are skipped: ordinals, years, calendar dates, clock times, phone
numbers, scores ("3-1"), names with numbers ("F-16", "Resolution 2254", "Group of 7", "the Group
of Seven": a number word is capitalised only in a name), periods of a year ("the second quarter",
"the first half of 2020"), the span another figure is taken over ("fell 18% over the past 12
months"), addresses and versions ("127.0.0.1", "3.8.0"), code ("alert(3)", "x[2]") and the
pronoun "one".

A minus sign glued to a number makes it negative ("-5 km", "minus 3"). The figure after a verb of
change is a change, not the start of a range: "dropped 29,000 to 348,000" is a change of 29,000
and a level of 348,000. Each quantity gets its frame (`summarize/analyze/frames/`), and a fall
is a negative change ("fell 5%" is -5%).

The package, one job a module: `numbers` (numbers as written and their rounding), `units` (the
unit or counted noun after a number, and the fields it fixes), `intervals` (hedges and ranges,
and whether two quantities agree), `exclusions` (numbers that are no quantities), `finder` (the
quantities of a sentence).
"""

from summarize.analyze.quantities.finder import find_quantities
from summarize.analyze.quantities.intervals import (
    APPROXIMATE_MARGIN,
    agrees,
    comparable,
    is_bound,
    overlaps,
    same_figure,
)
from summarize.analyze.quantities.numbers import FRACTION_MARGIN
from summarize.analyze.quantities.units import MEASURE_WORDS, UNBOUNDED

__all__ = [
    "APPROXIMATE_MARGIN",
    "FRACTION_MARGIN",
    "MEASURE_WORDS",
    "UNBOUNDED",
    "agrees",
    "comparable",
    "find_quantities",
    "is_bound",
    "overlaps",
    "same_figure",
]
