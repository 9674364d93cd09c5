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
- "some", "about", "an estimated"... widen the interval by 15% on each side; "nearly", "almost"
  widen it by 15% below only; "more than", "at least"... make it unbounded above (UNBOUNDED, a
  finite stand-in for infinity that survives JSON); "less than", "up to"... make it start at 0.
- vague amounts are ranges: "tens of thousands" is 10,000-99,999, "hundreds" 100-999; their
  `value` is the lower end. Explicit ranges ("10 to 12 miles", "10-12 km") have the midpoint.
- counts have base_unit "count" and `counted`, their head noun lowercased and singularised, with
  person/persons/people all read as "people". Money keeps its currency code, without exchange
  rates; percentages and fractions ("a quarter of") are in percent, but percentage points have
  their own base unit (a change of 2 points is no share of 2%); "tons" spans short to metric.

Numbers that are not quantities are skipped: ordinals, years, calendar dates, clock times, phone
numbers, scores ("3-1"), names with numbers ("F-16", "Resolution 2254", "Group of 7", "the Group
of Seven": a number word is capitalised only in a name), periods of a year ("the second quarter",
"the first half of 2020"), addresses and versions ("127.0.0.1", "3.8.0"), code ("alert(3)",
"x[2]") and the pronoun "one".

A minus sign glued to a number makes it negative ("-5 km", "minus 3"). The figure after a verb of
change is a change, not the start of a range: "dropped 29,000 to 348,000" is a change of 29,000
and a level of 348,000. Each quantity gets its frame (`summarize/analyze/frames/`), and a fall
is a negative change ("fell 5%" is -5%).
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, TypedDict

from summarize.analyze.dates import calendar_spans
from summarize.analyze.frames import read_frames
from summarize.models import Bound, Quantity
from summarize.text.figures import change_verbs
from summarize.text.inflection import looks_plural, singular
from summarize.text.numbers import FRACTIONS, NUMBER_WORDS, ORDINALS, SCALES, SMALL, TENS
from summarize.text.tokens import is_title_case
from summarize.text.units import CONVERSIONS, to_base

UNBOUNDED = sys.float_info.max
APPROXIMATE_MARGIN = 0.15
FRACTION_MARGIN = 0.05

# One-letter scales only follow money ("$5m"); elsewhere "5m" is five metres.
_MONEY_ONLY_SCALES = {"m", "k", "b"}

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "inr": "INR",
    "chf": "CHF",
}  # fmt: skip
# Written after the number: surface forms -> (currency code, units of that currency).
CURRENCY_WORDS = {
    "dollars|dollar|us dollars|usd": ("USD", 1.0),
    "cents|cent": ("USD", 0.01),
    "euros|euro|eur": ("EUR", 1.0),
    "pounds sterling|sterling|gbp": ("GBP", 1.0),
    "yen|jpy": ("JPY", 1.0),
    "yuan|renminbi|cny": ("CNY", 1.0),
    "rupees|inr": ("INR", 1.0),
    "roubles|rubles|rub": ("RUB", 1.0),
    "swiss francs|francs|chf": ("CHF", 1.0),
    "shekels|ils": ("ILS", 1.0),
}
PERCENT_WORDS = {
    "percent|per cent|pct|%": "percent",
    "percentage points|percentage point": "percentage point",
}
# pint units -> surface forms. Several units make an interval from the smallest to the largest.
MEASURE_WORDS: dict[tuple[str, ...], str] = {
    ("kilometer",): "kilometers|kilometres|kilometer|kilometre|km|kms",
    ("mile",): "miles|mile|mi",
    ("nautical_mile",): "nautical miles|nautical mile",
    ("meter",): "meters|metres|meter|metre|m",
    ("centimeter",): "centimeters|centimetres|centimeter|centimetre|cm",
    ("millimeter",): "millimeters|millimetres|millimeter|millimetre|mm",
    ("foot",): "feet|foot|ft",
    ("inch",): "inches|inch",
    ("yard",): "yards|yard|yds|yd",
    ("kilometer ** 2",): "square kilometers|square kilometres|sq km|km2|km²",
    ("mile ** 2",): "square miles|sq miles|sq mi",
    ("meter ** 2",): "square meters|square metres|sq m|m2|m²",
    ("foot ** 2",): "square feet|sq ft",
    ("hectare",): "hectares|hectare",
    ("acre",): "acres|acre",
    ("liter",): "liters|litres|liter|litre",
    ("gallon",): "gallons|gallon",
    ("oil_barrel",): "barrels|barrel",
    ("meter ** 3",): "cubic meters|cubic metres|cubic meter|cubic metre",
    ("metric_ton",): "metric tons|metric ton|tonnes|tonne",
    ("short_ton", "metric_ton"): "tons|ton",
    ("kilogram",): "kilograms|kilogram|kilos|kilo|kgs|kg",
    ("gram",): "grams|gram",
    ("pound",): "pounds|pound|lbs|lb",
    ("ounce",): "ounces|ounce|oz",
    ("mile / hour",): "miles per hour|miles an hour|mph",
    ("kilometer / hour",): "kilometers per hour|kilometres per hour|km/h|kph|kmh",
    ("meter / second",): "meters per second|metres per second|m/s",
    ("knot",): "knots|knot",
    ("degree_Celsius",): "degrees celsius|degrees centigrade|degrees c|°c|ºc|celsius",
    ("degree_Fahrenheit",): "degrees fahrenheit|degrees f|°f|ºf|fahrenheit",
    ("kilowatt",): "kilowatts|kilowatt|kW",
    ("megawatt",): "megawatts|megawatt|MW",
    ("gigawatt",): "gigawatts|gigawatt|GW",
    ("kilowatt_hour",): "kilowatt-hours|kilowatt hours|kWh",
    ("megawatt_hour",): "megawatt-hours|megawatt hours|MWh",
    ("gigawatt_hour",): "gigawatt-hours|gigawatt hours|GWh",
    ("century",): "centuries|century",
    ("year",): "years|year|yrs|yr",
    ("month",): "months|month",
    ("week",): "weeks|week",
    ("day",): "days|day",
    ("hour",): "hours|hour|hrs|hr",
    ("minute",): "minutes|minute|mins|min",
    ("second",): "seconds|second",
}
# Symbols matched in their exact case (so are those written with capitals): "5 M" is no metre.
_CASED_SURFACES = {"m", "m2", "m²", "sq m", "mi"}
_GLUED_TEMPERATURES = {"C": ("degree_Celsius",), "F": ("degree_Fahrenheit",)}

# Words that end the search for a counted noun: "five of whom", "two were from".
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "this", "that", "these", "those", "and", "or", "but", "nor", "of", "in",
    "on", "at", "to", "from", "by", "for", "with", "without", "into", "onto", "over", "under",
    "about", "after", "before", "since", "during", "between", "among", "against", "across",
    "through", "as", "than", "per", "via", "who", "whom", "whose", "which", "what", "where",
    "when", "while", "whether", "if", "because", "so", "is", "are", "was", "were", "be", "been",
    "being", "have", "has", "had", "do", "does", "did", "will", "would", "shall", "should",
    "can", "could", "may", "might", "must", "said", "say", "says", "told", "according", "he",
    "she", "it", "they", "we", "you", "i", "me", "him", "her", "them", "us", "its", "their",
    "his", "our", "your", "my", "others", "other", "another", "each", "every", "all", "both",
    "some", "any", "more", "most", "less", "least", "many", "much", "few", "several", "such",
    "only", "just", "also", "still", "even", "already", "again", "ago",
})  # fmt: skip
Qualifier = Literal["approximate", "nearly", "at_least", "at_most", "between", "from"]
_QUALIFIER_WORDS: dict[Qualifier, str] = {
    "approximate": r"some|about|around|approximately|roughly|an\s+estimated|estimated|approx\.|"
    r"circa|~",
    "nearly": r"nearly|almost|close\s+to|just\s+(?:under|below|shy\s+of)",
    "at_least": r"more\s+than|over|at\s+least|upwards\s+of|in\s+excess\s+of|no\s+(?:fewer|less)"
    r"\s+than|above|exceeding|greater\s+than|just\s+over|well\s+over|well\s+above",
    "at_most": r"less\s+than|fewer\s+than|under|up\s+to|at\s+most|no\s+more\s+than|below|"
    r"as\s+many\s+as|as\s+much\s+as",
    "between": r"between",
    "from": r"from",
}


def _alternation(surfaces: Sequence[str]) -> str:
    return "|".join(re.escape(surface) for surface in sorted(surfaces, key=len, reverse=True))


_SCALE_NAMES = r"(?:hundred|thousand|million|billion|trillion)\b"
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(SMALL[1:10]) + r"))?"
    r"|" + _alternation(SMALL) + r")\b"
)
_NUMBER = re.compile(
    # vague amounts: "tens of thousands", "several hundred", "dozens"
    r"(?P<vague>(?:tens|hundreds)\s+of\s+(?:thousands|millions|billions)"
    r"|(?:several|a\s+few)\s+(?:dozen|hundred|thousand|million|billion)"
    r"(?:\s+(?:thousand|million|billion))?"
    r"|dozens|hundreds|thousands|millions|billions|scores(?=\s+of\b))\b"
    # "half a million", "half-million", "a quarter of a million"
    r"|(?P<part>half|(?:(?:a|one)[\s-]+)?quarter)(?:[\s-]+of)?(?:[\s-]+a)?[\s-]+"
    r"(?P<part_scale>dozen|hundred|thousand|million|billion)\b"
    # shares of a whole: "a quarter of", "two-thirds of", "half the"
    r"|(?P<fraction>(?:a|one|two|three|four)-(?:half|thirds?|quarters?|fifths?|tenths?)\b"
    r"|(?:(?:a|one|two|three|four)\s+)?(?:half|thirds?|quarters?|fifths?|tenths?)"
    r"(?=\s+(?:of|the|its|their|his|her)\b))"
    # digits, with a currency and a scale: "$1.2bn", "3 million", "1,200", "US$ 5"
    r"|(?P<currency>"
    + _alternation([symbol for symbol in CURRENCY_SYMBOLS if not symbol.isalpha()])
    + r"|(?:"
    + _alternation([code for code in CURRENCY_SYMBOLS if code.isalpha()])
    + r")\s)?\s?(?<![\d.,])(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<digits_half>\s+and\s+a\s+half)?"
    r"(?:[\s-]?(?P<digits_scale>"
    + _SCALE_NAMES
    + r")|\s?(?P<abbreviation>"
    + _alternation([abbreviation for abbreviation in SCALES if len(abbreviation) < 4])
    + r")\b)?"
    # words: "twenty-five", "three hundred and ten", "a dozen", "two and a half million"
    r"|\b(?P<words>(?:a(?=[\s-]+(?:dozen\b|" + _SCALE_NAMES + r"))|" + _WORD_NUMBER + r")"
    r"(?:(?:[\s-]+|\s+and\s+)(?:" + _WORD_NUMBER + r"|dozen\b|" + _SCALE_NAMES + r"))*)"
    r"(?P<words_half>\s+and\s+a\s+half\b(?:\s+" + _SCALE_NAMES + r")?)?",
    re.IGNORECASE,
)
_NUMBER_START = re.compile(r"[\d$€£¥₹]|\b(?P<word>[A-Za-z]+)")
_NUMBER_START_WORDS = {
    *NUMBER_WORDS, *FRACTIONS, "a", "tens", "hundreds", "thousands", "millions", "billions",
    "dozens", "scores", "several", "thirds", "quarters", "fifths", "tenths",
    *(re.sub(r"[^a-z]", "", symbol) for symbol in CURRENCY_SYMBOLS),
}  # fmt: skip
_QUALIFIER = re.compile(
    r"(?:^|(?<=[\s(\"“]))(?:"
    + "|".join(f"(?P<{name}>{words})" for name, words in _QUALIFIER_WORDS.items())
    + r")\s*$",
    re.IGNORECASE,
)
_RANGE_JOIN = re.compile(r"\s*(?P<dash>[-–])\s*|\s+(?P<word>to|or|and)\s+", re.IGNORECASE)
_OF = re.compile(r"\s+of(?=\s)", re.IGNORECASE)
_NEXT_WORD = re.compile(r"(?P<gap>\s+|-)(?P<word>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*)")
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b|-(?:" + "|".join(ORDINALS) + r")\b", re.I)
_LETTER_AFTER = re.compile(r"[A-Za-z]")
_CLOCK_AFTER = re.compile(
    r"\s*(?:[ap]\.m\b|[ap]m\b|[AP]M\b|GMT\b|UTC\b|[ECMP][DS]T\b|BST\b|CET\b|CEST\b|o['’]clock"
    r"|hours?\s+(?:GMT|UTC|local))|[:/]\d"
)
_PHONE = re.compile(
    r"(?:\+\d{1,3}[\s.-]?)?(?:\(\d{2,4}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b|\b\d{3}-\d{4}\b"
)
_GLUED_BEFORE = re.compile(r"(?:[A-Za-z]-?|\d[:/]|#|\bNo\.?\s|\bnumber\s)$", re.IGNORECASE)
_NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][\w'’.-]*)\s+$")
_SIGN_BEFORE = re.compile(r"(?:^|(?<=[\s(]))(?:minus\s+|[-−])$", re.IGNORECASE)
# Code and addresses: "alert(3)", "items[2]", "127.0.0.1", "3.8.0".
_CODE_BEFORE = re.compile(r"(?:[A-Za-z_]\w*\(|\w\[)\s*$")
_DOTTED_AFTER = re.compile(r"\.\d")
# "the Group of 7", "Class of 20...": a capitalised word and "of" before a bare number.
_NAMED_OF_BEFORE = re.compile(r"\b(?P<word>[A-Z][a-z]+)\s+of\s+$")
# A fraction word that names a period of the year: "the second quarter", "first half of 2020".
_PERIOD_BEFORE = re.compile(
    r"\b(?:the|this|last|next|that|each|every|per|fiscal|calendar|same|current|previous|prior|"
    r"latest|final|past|first|second|third|fourth|1st|2nd|3rd|4th)\s+$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s+of\s+(?:1[89]|20)\d\d\b|\s+(?:1[89]|20)\d\d\b")
_WORD_BEFORE = re.compile(r"\b(?P<word>[A-Za-z]+)\s+(?:by\s+)?$")
_ONE_AS_PRONOUN_BEFORE = re.compile(
    r"\b(?:no|the|this|that|any|every|each|which|such)\s+$", re.IGNORECASE
)
_ONE_AS_PRONOUN_AFTER = re.compile(r"\s+(?:of|another|or\s+another)\b|['’]s\b", re.IGNORECASE)
_LOOKBACK = 40


def _unit_lookup() -> tuple[re.Pattern[str], dict[str, _Unit]]:
    """One pattern for every unit written after a number, and what each surface form means."""
    meanings: dict[str, _Unit] = {}
    for surfaces, (code, factor) in CURRENCY_WORDS.items():
        for surface in surfaces.split("|"):
            meanings[surface] = _Unit("money", code, factor=factor)
    for surfaces, name in PERCENT_WORDS.items():
        for surface in surfaces.split("|"):
            meanings[surface] = _Unit("percent", name)
    for units, surfaces in MEASURE_WORDS.items():
        for surface in surfaces.split("|"):
            meanings[surface.lower()] = _Unit("measure", units[0], pint_units=units)
    written = [
        s for table in (CURRENCY_WORDS, PERCENT_WORDS) for key in table for s in key.split("|")
    ]
    written += [surface for key in MEASURE_WORDS.values() for surface in key.split("|")]
    cased = [
        surface for surface in written if surface in _CASED_SURFACES or surface != surface.lower()
    ]
    caseless = [surface for surface in written if surface not in cased]
    pattern = re.compile(
        r"(?:\s?|-)(?P<unit>(?i:" + _alternation(caseless) + r")|" + _alternation(cased) + r")"
        r"(?![A-Za-z\d])|(?<=\d)(?P<glued>[CF])\b"
    )
    for letter, units in _GLUED_TEMPERATURES.items():
        meanings[letter] = _Unit("measure", units[0], pint_units=units)
    return pattern, meanings


@dataclass
class _Number:
    """A number as written, before its unit is known: value and interval in its own unit."""

    start: int
    end: int
    value: float
    low: float
    high: float
    kind: Literal["exact", "vague", "fraction", "range"] = "exact"
    currency: str | None = None
    mantissa: float = 0.0
    scale: float = 1.0
    decimals: int = 0
    digits: str = ""


@dataclass(frozen=True)
class _Unit:
    kind: Literal["count", "money", "percent", "measure"]
    name: str = ""
    factor: float = 1.0
    pint_units: tuple[str, ...] = ()


_UNIT, _UNIT_MEANINGS = _unit_lookup()


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Quantities stated in `text`, one sentence starting at `offset` in its document."""
    blocked = calendar_spans(text) + [match.span() for match in _PHONE.finditer(text)]
    quantities: list[Quantity] = []
    position = 0
    while match := _next_number(text, position):
        position = match.end()
        if any(start < match.end() and match.start() < end for start, end in blocked):
            continue
        number = _read_number(text, match)
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
    flipped: dict[Bound, Bound] = {"at_least": "at_most", "at_most": "at_least"}
    quantity.bound = flipped.get(quantity.bound, quantity.bound)


def _next_number(text: str, position: int) -> re.Match[str] | None:
    """The next match of _NUMBER, tried only where a number can start: far faster than search."""
    while start := _NUMBER_START.search(text, position):
        position = start.end()
        if start["word"] and start["word"].lower() not in _NUMBER_START_WORDS:
            continue
        if match := _NUMBER.match(text, start.start()):
            return match
    return None


def comparable(a: Quantity, b: Quantity) -> bool:
    """Both measure the same thing: same base unit and, for counts, the same counted noun."""
    return a.base_unit == b.base_unit and (a.base_unit != "count" or a.counted == b.counted)


def overlaps(a: Quantity, b: Quantity) -> bool:
    """Some value fits both wordings (meaningful when the two are comparable).

    Intervals that only touch do not overlap: "19" ([18.5, 19.5]) is not "20" ([19.5, 20.5]).
    """
    return a.base_unit == b.base_unit and a.low < b.high and b.low < a.high


# ------------------------------------------------------------------------ the number itself


def _read_number(text: str, match: re.Match[str]) -> _Number | None:
    if match["vague"]:
        low, high = _vague_range(match["vague"])
        return _Number(match.start(), match.end(), low, low, high, kind="vague")
    if match["part"]:
        share = 0.25 if "quarter" in match["part"].lower() else 0.5
        return _exact(match.start(), match.end(), share, 1, _scale(match["part_scale"]))
    if match["fraction"]:
        return _fraction(text, match)
    if match["digits"]:
        return _digits(text, match)
    return _words(text, match)


def _scale(word: str) -> float:
    return 12.0 if word.lower() == "dozen" else SCALES[word.lower()]


def _exact(
    start: int, end: int, mantissa: float, decimals: int, scale: float = 1.0, measure: bool = False
) -> _Number:
    value = mantissa * scale
    tolerance = _rounding(value, decimals, scale, measure)
    return _Number(
        start, end, value, value - tolerance, value + tolerance,
        mantissa=mantissa, scale=scale, decimals=decimals,
    )  # fmt: skip


def _rounding(value: float, decimals: int, scale: float, measure: bool) -> float:
    """Half the last place the number was written to (see the module docstring)."""
    if decimals:
        return 0.5 * 10.0**-decimals * scale
    if abs(value) < (100 if measure else 1000) or value != int(value):
        return 0.5
    digits = str(int(abs(value)))
    significant = digits.rstrip("0")
    zeros = len(digits) - len(significant) - (significant == "1")
    to_fives = measure and len(significant) > 1 and significant.endswith("5")
    return (2.5 if to_fives else 0.5) * 10.0**zeros


def _vague_range(phrase: str) -> tuple[float, float]:
    words = phrase.lower().split()
    if words[0] == "dozens":
        return 24.0, 144.0
    if words[0] == "scores":
        return 40.0, 199.0
    if len(words) == 1:  # "hundreds", "thousands"
        unit = SCALES[words[0][:-1]]
        return unit, 10 * unit - 1
    if words[1] == "of":  # "tens of thousands", "hundreds of millions"
        unit = (10.0 if words[0] == "tens" else 100.0) * SCALES[words[2][:-1]]
        return unit, 10 * unit - 1
    scale = math.prod(_scale(word) for word in words if word in SCALES or word == "dozen")
    low, high = (3, 9) if words[0] == "several" else (2, 5)
    return low * scale, high * scale


def _fraction(text: str, match: re.Match[str]) -> _Number | None:
    words = re.split(r"[\s-]+", match["fraction"].lower())
    if len(words) == 1 and (
        _PERIOD_BEFORE.search(text, max(0, match.start() - _LOOKBACK), match.start())
        or _YEAR_AFTER.match(text, match.end())
    ):
        return None  # "the second quarter", "first half of 2020": a period, not a share
    count = NUMBER_WORDS.get(words[0], 1) if len(words) > 1 else 1
    percent = 100 * count * FRACTIONS[words[-1].rstrip("s")]
    margin = FRACTION_MARGIN * percent
    return _Number(
        match.start(), match.end(), percent, percent - margin, percent + margin, kind="fraction"
    )


def _digits(text: str, match: re.Match[str]) -> _Number | None:
    currency = CURRENCY_SYMBOLS[match["currency"].strip().lower()] if match["currency"] else None
    start = match.start() if currency else match.start("digits")
    end = match.end()
    scale_word = (match["digits_scale"] or match["abbreviation"] or "").lower()
    if scale_word in _MONEY_ONLY_SCALES and currency is None:
        scale_word, end = (
            "",
            match.end("digits_half") if match["digits_half"] else match.end("digits"),
        )
    if _GLUED_BEFORE.search(text, max(0, start - _LOOKBACK), start):
        return None
    if _CODE_BEFORE.search(text, max(0, start - _LOOKBACK), start):
        return None
    if _ORDINAL_AFTER.match(text, match.end("digits")) or _CLOCK_AFTER.match(text, end):
        return None
    if _DOTTED_AFTER.match(text, match.end("digits")):
        return None
    digits = match["digits"]
    mantissa = float(digits.replace(",", ""))
    if not math.isfinite(mantissa * SCALES.get(scale_word, 1.0)):  # beyond any float: no figure
        return None
    decimals = len(digits.partition(".")[2])
    if match["digits_half"]:
        mantissa, decimals = mantissa + 0.5, max(decimals, 1)
    number = _exact(start, end, mantissa, decimals, SCALES.get(scale_word, 1.0))
    number.currency = currency
    if not scale_word and currency is None:
        number.digits = digits
    return number


def _words(text: str, match: re.Match[str]) -> _Number | None:
    parsed = _parse_number_words(match["words"])
    if parsed is None:
        return None
    value, scale, length = parsed
    start, end, decimals = match.start("words"), match.start("words") + length, 0
    if match["words_half"] and end == match.end("words"):
        scale = SCALES.get(match["words_half"].split()[-1].lower(), 1.0)
        value, decimals, end = (value + 0.5) * scale, 1, match.end("words_half")
    if text.startswith("-", end) and _ORDINAL_AFTER.match(text, end):
        return None
    if value == 1 and (
        _ONE_AS_PRONOUN_BEFORE.search(text, max(0, start - _LOOKBACK), start)
        or _ONE_AS_PRONOUN_AFTER.match(text, end)
    ):
        return None
    return _exact(start, end, value / scale, decimals, scale)


def _parse_number_words(phrase: str) -> tuple[float, float, int] | None:
    """Value, scale and length of the valid prefix of "three hundred and twenty-five thousand"."""
    total = current = 0.0
    scale = 1.0
    previous = ""
    length = 0
    for token in re.finditer(r"[a-z]+", phrase.lower()):
        word = token.group()
        if word == "and":
            if previous not in SCALES:
                break
        elif word == "a":
            current = 1.0
        elif word in SCALES or word == "dozen":
            factor = _scale(word)
            if previous in SCALES or previous == "dozen":
                break
            if factor < 1000:
                current = (current or 1.0) * factor
            else:
                total, current, scale = total + (current or 1.0) * factor, 0.0, factor
        else:
            follows_tens = previous in TENS and NUMBER_WORDS[word] < 10
            if previous not in ("", "a", "and") and previous not in SCALES and not follows_tens:
                break
            current += NUMBER_WORDS[word]
        previous = word
        if word != "and":
            length = token.end()
    if length == 0:
        return None
    value = total + current
    return value, (scale if current == 0 else 1.0), length


# ------------------------------------------------------------------------ around the number


def _read_quantity(text: str, number: _Number, offset: int) -> tuple[Quantity | None, int]:
    """The quantity around `number`, or None when it is not one; and where to search on."""
    qualifier, start = _qualifier(text, number.start)
    if (
        qualifier == "at_most"
        and text[start:].lower().startswith("up")
        and (_after_change_verb(text, start))
    ):
        qualifier, start = None, number.start  # "ticked up to 3.6%": a particle, no bound
    dashed = False
    if number.kind == "exact" and qualifier != "from":
        second = _second_of_range(text, number, qualifier, _after_change_verb(text, start))
        if second is not None:
            other, dashed = second
            if other.value <= number.value:
                if dashed:  # a score or a code: "3-1", "110-102"
                    return None, other.end
            else:
                number = _Number(
                    number.start, other.end, (number.value + other.value) / 2, number.low,
                    other.high, kind="range", currency=number.currency or other.currency,
                    digits=number.digits if other.digits else "",
                )  # fmt: skip
    at_least = number.kind != "fraction" and text.startswith("+", number.end)
    end = number.end + 1 if at_least else number.end
    unit, end = _unit(text, number, end)
    if _unit_in_a_title(text, number, unit, end):
        return None, end
    if unit.kind == "measure" and number.kind == "exact":
        number = _exact(
            number.start, number.end, number.mantissa, number.decimals, number.scale, measure=True
        )
    counted = None
    if unit.kind == "count" and number.kind != "fraction":
        counted, end = _counted(text, number, end)
    if sign := _SIGN_BEFORE.search(text, max(0, number.start - _LOOKBACK), number.start):
        number = _Number(
            sign.start(), number.end, -number.value, -number.high, -number.low, kind=number.kind,
            currency=number.currency, digits=number.digits,
        )  # fmt: skip
        qualifier, start = _qualifier(text, number.start)
    if _not_a_quantity(text, number, unit, counted, qualifier, dashed):
        return None, end
    if at_least:
        qualifier = "at_least"
    if qualifier == "from" or (qualifier == "between" and number.kind != "range"):
        start = number.start
    bound, low, high = _interval(number, qualifier)
    quantity = Quantity(
        start=offset + start, end=offset + end, text=text[start:end], counted=counted,
        bound=bound, **_normalised(number, unit, low, high),
    )  # fmt: skip
    return quantity, end


def _qualifier(text: str, start: int) -> tuple[Qualifier | None, int]:
    match = _QUALIFIER.search(text, max(0, start - _LOOKBACK), start)
    if match is None:
        return None, start
    name = next(name for name in _QUALIFIER_WORDS if match[name])
    return name, match.start()


def _after_change_verb(text: str, start: int) -> bool:
    """The figure starting at `start` follows a verb of change: "dropped 29,000", "rose by"."""
    word = _WORD_BEFORE.search(text, max(0, start - _LOOKBACK), start)
    return word is not None and word["word"] in change_verbs()


def _second_of_range(
    text: str, number: _Number, qualifier: Qualifier | None, after_change: bool = False
) -> tuple[_Number, bool] | None:
    """The upper end of "10 to 12", "10-12", "two or three", "between 5 and 6"; dashed or not.

    After a verb of change, "to" introduces the new level, not the end of a range: "dropped
    29,000 to 348,000"."""
    join = _RANGE_JOIN.match(text, number.end)
    if join is None or ((join["word"] or "").lower() == "and" and qualifier != "between"):
        return None
    change_then_level = after_change and (join["word"] or "").lower() == "to"
    if change_then_level and _UNIT.match(text, number.end):
        return None  # "fell 5% to 3.2%"
    match = _NUMBER.match(text, join.end())
    if match is None or not (match["digits"] or match["words"]):
        return None
    other = _read_number(text, match)
    if other is None or other.currency not in (None, number.currency):
        return None
    if change_then_level and not _UNIT.match(text, other.end) and other.value >= 2 * number.value:
        return None  # "dropped 29,000 to 348,000"; but "dropped 10 to 12 inches" is a range
    if number.scale == 1 and other.scale > 1 and number.value < other.mantissa:
        adopted = _exact(number.start, number.end, number.mantissa, number.decimals, other.scale)
        number.value, number.low, number.high = adopted.value, adopted.low, adopted.high
    return other, join["dash"] is not None


def _unit(text: str, number: _Number, end: int) -> tuple[_Unit, int]:
    if number.currency:
        return _Unit("money", number.currency), end
    if number.kind == "fraction":
        return _Unit("percent", "fraction"), end
    match = _UNIT.match(text, end)
    if match is None and number.kind == "vague" and (of := _OF.match(text, end)):
        match = _UNIT.match(text, of.end())  # "millions of dollars"
    if match is None:
        return _Unit("count"), end
    surface = match["unit"] or match["glued"]
    return _UNIT_MEANINGS[surface if match["glued"] else surface.lower()], match.end()


def _counted(text: str, number: _Number, end: int) -> tuple[str | None, int]:
    """What is counted (its head noun, singular), and the span end, past the noun if adjacent."""
    position = end
    if number.kind == "vague" and (of := _OF.match(text, end)):
        position = of.end()
    run: list[re.Match[str]] = []
    while len(run) < 4 and (word := _NEXT_WORD.match(text, position)):
        lower = word["word"].lower()
        if lower in FUNCTION_WORDS or lower.endswith(("'s", "’s")) or (run and word["gap"] == "-"):
            break
        if lower.endswith(("'", "’")):  # "two Russian nationals' ties": the owner is counted
            run.append(word)
            break
        if run and not looks_plural(lower) and lower.endswith(("ed", "ing", "ly")):
            break
        run.append(word)
        position = word.end()
        if word["gap"] == "-":
            break
    head: re.Match[str] | None
    if run and run[0]["gap"] == "-":  # "a 7.8-magnitude quake", "a 10-member team"
        head = run[0]
    elif number.value == 1 and number.kind == "exact":
        head = run[-1] if run else None
    else:
        head = next((word for word in run if looks_plural(word["word"].lower())), None)
    if head is None or (head["gap"] == "-" and head["word"].lower().endswith("ed")):
        return None, end
    noun = head["word"].rstrip("'’")
    return singular(noun), head.start("word") + len(noun) if head is run[0] else end


def _not_a_quantity(
    text: str,
    number: _Number,
    unit: _Unit,
    counted: str | None,
    qualifier: Qualifier | None,
    dashed: bool,
) -> bool:
    """Years, numbers in names ("Flight 370", "5G"), a bare "one", scores and codes ("1-3")."""
    if unit.kind != "count":
        return False
    if number.digits and _LETTER_AFTER.match(text, number.end):
        return True
    year = re.fullmatch(r"1[89]\d\d|20\d\d|2100", number.digits)
    if year and qualifier in (None, "from", "between"):
        return True
    if _in_a_name(text, number, counted):
        return True
    if counted is not None:
        return False
    if number.kind == "range" and dashed and number.high < 1000:  # scores: "lost 1-3"
        return True
    if number.digits and qualifier in (None, "from", "between"):
        name = _NAME_BEFORE.search(text, max(0, number.start - _LOOKBACK), number.start)
        if name and name["word"].lower() not in FUNCTION_WORDS:
            return True
    return number.value == 1 and number.kind == "exact"


def _unit_in_a_title(text: str, number: _Number, unit: _Unit, end: int) -> bool:
    """ "CBS' 60 Minutes", "NBC's 48 Hours": a unit word written lowercase is capitalised
    inside a sentence only in a name (a programme, a title), which is no measurement."""
    if unit.kind != "measure":
        return False
    written = text[number.end : end].strip(" -")
    if len(written) < 4 or not written[:1].isupper() or written.isupper():
        return False
    if written.lower() not in _UNIT_MEANINGS or written in _UNIT_MEANINGS:
        return False  # a unit written capitalised ("Mbps"), an abbreviation ("Km"), no unit
    before = text[: number.start].rstrip()
    inside = bool(before) and before[-1] not in '.!?:;"“‘(—–'
    return inside and not is_title_case(text.split())


def _in_a_name(text: str, number: _Number, counted: str | None) -> bool:
    """ "the Group of Seven", "the Group of 20 major economies", "the Big Three": a number word
    is capitalised inside a sentence only in a name, and so is a number after "Name of"."""
    before = text[: number.start].rstrip()
    inside = bool(before) and before[-1] not in '.!?:;"“‘(—–'
    written = text[number.start : number.end]
    if not number.digits and written[:1].isupper() and inside:
        return not is_title_case(text.split())
    named = _NAMED_OF_BEFORE.search(text, max(0, number.start - _LOOKBACK), number.start)
    if named is None:
        return False
    word = named["word"].lower()
    if word in FUNCTION_WORDS or word in NUMBER_WORDS or word in ("out", "none", "each"):
        return False
    return counted is None or (named.start() > 0 and not text[: named.start()].isspace())


# ------------------------------------------------------------------------ interval and units


def _interval(
    number: _Number, qualifier: Qualifier | None
) -> tuple[Bound, float | None, float | None]:
    """Bound and interval in the written unit; None for "from zero" and "without limit"."""
    bound: Bound = "range" if number.kind in ("vague", "range") else "exact"
    low: float | None = number.low
    high: float | None = number.high
    if qualifier == "approximate":
        low, high = (
            number.low - APPROXIMATE_MARGIN * abs(number.low),
            number.high + APPROXIMATE_MARGIN * abs(number.high),
        )
    elif qualifier == "nearly":
        low = number.low - APPROXIMATE_MARGIN * abs(number.value)
    elif qualifier == "at_least":
        low, high = (number.value if number.kind == "exact" else number.low), None
        return "at_least", low, high
    elif qualifier == "at_most":
        return "at_most", None, number.value if number.kind == "exact" else number.high
    if qualifier in ("approximate", "nearly") and bound == "exact":
        bound = "approximate"
    return bound, low, high


class _UnitFields(TypedDict):
    value: float
    unit: str
    normalized: float
    base_unit: str
    low: float
    high: float


def _normalised(number: _Number, unit: _Unit, low: float | None, high: float | None) -> _UnitFields:
    """Quantity fields that depend on the unit: value, unit, normalized, base_unit, low, high."""
    if unit.kind == "measure":
        normalized, base_unit = to_base(number.value, unit.pint_units[0])
        lows = [0.0] if low is None else [to_base(low, units)[0] for units in unit.pint_units]
        highs = (
            [UNBOUNDED] if high is None else [to_base(high, units)[0] for units in unit.pint_units]
        )
        name = CONVERSIONS[unit.pint_units[0]].name
        return _UnitFields(
            value=number.value, unit=name, normalized=normalized, base_unit=base_unit,
            low=min(lows), high=max(highs),
        )  # fmt: skip
    base_unit = {"count": "count", "money": unit.name}.get(unit.kind, "percent")
    if unit.name == "percentage point":
        base_unit = unit.name
    return _UnitFields(
        value=number.value / 100 if unit.name == "fraction" else number.value,
        unit=unit.name,
        normalized=number.value * unit.factor,
        base_unit=base_unit,
        low=0.0 if low is None else low * unit.factor,
        high=UNBOUNDED if high is None else high * unit.factor,
    )
