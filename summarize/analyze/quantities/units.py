"""Units written after a number: currencies, percent and percentage points, measures (pint
units, converted to the base unit of their dimension), and for counts the counted noun; and the
fields of a quantity that depend on its unit."""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import Literal, TypedDict

from summarize.analyze.quantities.exclusions import FUNCTION_WORDS
from summarize.analyze.quantities.numbers import Number, alternation
from summarize.text.inflection import looks_plural, singular
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.tokens import DETERMINERS, STOPWORDS, is_title_case
from summarize.text.units import CONVERSIONS, to_base

UNBOUNDED = sys.float_info.max

# Written after the number: surface forms -> (currency code, units of that currency).
CURRENCY_WORDS = {
    "dollars|dollar|us dollars|usd": ("USD", 1.0),
    "cents|cent": ("USD", 0.01),
    "euros|euro|eur": ("EUR", 1.0),
    "pounds sterling|sterling|gbp": ("GBP", 1.0),
    "yen|jpy": ("JPY", 1.0),
    "yuan|renminbi|cny": ("CNY", 1.0),
    "rupees|rupee|inr": ("INR", 1.0),
    "taka|bdt": ("BDT", 1.0),
    "roubles|rubles|rub": ("RUB", 1.0),
    "swiss francs|francs|chf": ("CHF", 1.0),
    "shekels|ils": ("ILS", 1.0),
    # An amount in a currency the list did not hold was read as a count ("worth about 24
    # million kroner" as a number of fish). Where a word names the money of several countries,
    # the code is that of the one news most often means by it (kroner: Norway's; shillings:
    # Kenya's): figures are compared only within one story's one word.
    "kroner|krone|nok": ("NOK", 1.0),
    "kronor|krona|sek": ("SEK", 1.0),
    "shillings|shilling|kes": ("KES", 1.0),
    "tenge|kzt": ("KZT", 1.0),
    "lira|liras": ("TRY", 1.0),
    "baht|thb": ("THB", 1.0),
    "naira|ngn": ("NGN", 1.0),
    "zloty|zlotys|pln": ("PLN", 1.0),
    "ringgit|myr": ("MYR", 1.0),
    "rupiah|idr": ("IDR", 1.0),
    "hryvnias|hryvnia|uah": ("UAH", 1.0),
    "forints|forint|huf": ("HUF", 1.0),
    "tugriks|tugrik|mnt": ("MNT", 1.0),
    "reais|brl": ("BRL", 1.0),
    "koruna|korunas|czk": ("CZK", 1.0),
}
# Currency words that are also common English words: money only after a scale ("610 billion
# won"; "the team 2 won" is a verb).
SCALED_CURRENCY_WORDS = {"won": "KRW"}
_SCALED_CURRENCY = re.compile(r"\s+(?P<word>" + "|".join(SCALED_CURRENCY_WORDS) + r")\b")
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
    ("metric_ton",): "metric tons|metric ton|tonnes|tonne|t",
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
# A multiplier is a ratio, no count of times: "2.6 times the size of Earth", "8.6 times Earth's
# mass", "three times bigger than", "four times as large as" ("arrested three times" counts).
_MULTIPLIER = re.compile(
    r"[\s-]times(?=\s+(?:the|that|those|its|their|his|her|our|as|more|less)\b"
    r"|\s+[a-z]+er\s+than\b|\s+[A-Z][\w-]*['’]s?\s)"
)
# Symbols matched in their exact case (so are those written with capitals): "5 M" is no metre,
# "5 T" no tonne.
_CASED_SURFACES = {"m", "m2", "m²", "sq m", "mi", "t"}
_GLUED_TEMPERATURES = {"C": ("degree_Celsius",), "F": ("degree_Fahrenheit",)}
_OF = re.compile(r"\s+of(?=\s)", re.IGNORECASE)
# A partitive takes its figure out of a whole: "nine of his officers", "two of the victims".
# The whole may name its owner and its own size: "Two of the farm's pens", "Fewer than 400 of
# the yard's 11,000 subcontract workers".
_PARTITIVE = re.compile(
    r"\s+of\s+(?:the|his|her|their|its|our|your|these|those)"
    r"(?:\s+[A-Za-z]+['’]s)?(?P<whole>\s+\d[\d,.]*\d|\s+\d)?(?=\s)",
    re.I,
)
_NEXT_WORD = re.compile(r"(?P<gap>\s+|-)(?P<word>[A-Za-z][A-Za-z'’]*(?:-[A-Za-z][A-Za-z'’]*)*)")
# A second plural noun joined to the counted one: "100 pardons and commutations" counts both;
# a word taking an object or "to" after it is a verb ("500 workers and plans to hire").
_COORDINATED = re.compile(r"\s+(?:and|or)\s+(?P<word>[a-z][a-z'’]*)\b(?:\s+(?P<next>\w+))?")


def _unit_lookup() -> tuple[re.Pattern[str], dict[str, Unit]]:
    """One pattern for every unit written after a number, and what each surface form means."""
    meanings: dict[str, Unit] = {}
    for surfaces, (code, factor) in CURRENCY_WORDS.items():
        for surface in surfaces.split("|"):
            meanings[surface] = Unit("money", code, factor=factor)
    for surfaces, name in PERCENT_WORDS.items():
        for surface in surfaces.split("|"):
            meanings[surface] = Unit("percent", name)
    for units, surfaces in MEASURE_WORDS.items():
        for surface in surfaces.split("|"):
            meanings[surface.lower()] = Unit("measure", units[0], pint_units=units)
    written = [
        s for table in (CURRENCY_WORDS, PERCENT_WORDS) for key in table for s in key.split("|")
    ]
    written += [surface for key in MEASURE_WORDS.values() for surface in key.split("|")]
    cased = [
        surface for surface in written if surface in _CASED_SURFACES or surface != surface.lower()
    ]
    caseless = [surface for surface in written if surface not in cased]
    pattern = re.compile(
        r"(?:\s?|-)(?P<unit>(?i:" + alternation(caseless) + r")|" + alternation(cased) + r")"
        r"(?![A-Za-z\d])|(?<=\d)(?P<glued>[CF])\b"
    )
    for letter, units in _GLUED_TEMPERATURES.items():
        meanings[letter] = Unit("measure", units[0], pint_units=units)
    return pattern, meanings


@dataclass(frozen=True)
class Unit:
    kind: Literal["count", "money", "percent", "measure", "multiple"]
    name: str = ""
    factor: float = 1.0
    pint_units: tuple[str, ...] = ()


UNIT, _UNIT_MEANINGS = _unit_lookup()


def unit_of(text: str, number: Number, end: int) -> tuple[Unit, int]:
    """The unit of `number` (a count when none is written), and the span end past it."""
    if number.currency:
        return Unit("money", number.currency), end
    if number.kind == "fraction":
        return Unit("percent", "fraction"), end
    if number.scale > 1 and (money := _SCALED_CURRENCY.match(text, end)):
        return Unit("money", SCALED_CURRENCY_WORDS[money["word"]]), money.end()
    if multiplier := _MULTIPLIER.match(text, end):
        return Unit("multiple", "times"), multiplier.end()
    match = UNIT.match(text, end)
    if match is None and number.kind == "vague" and (of := _OF.match(text, end)):
        match = UNIT.match(text, of.end())  # "millions of dollars"
    if match is None:
        return Unit("count"), end
    surface = match["unit"] or match["glued"]
    return _UNIT_MEANINGS[surface if match["glued"] else surface.lower()], match.end()


def counted_noun(text: str, number: Number, end: int) -> tuple[str | None, int]:
    """What is counted (its head noun, singular), and the span end, past the noun if adjacent.

    A partitive counts the noun of the whole it is taken from: "nine of his officers were
    injured" counts officers (the span runs to the noun, so what happened to them follows it);
    "five of the seven board members" counts members too, the seven its own figure."""
    position = end
    partitive = None
    if number.kind == "vague" and (of := _OF.match(text, end)):
        position = of.end()
    elif partitive := _PARTITIVE.match(text, end):
        position = partitive.end()
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
    if head["word"].lower() == "ones":
        return None, end  # "3,100 valid ones": it stands for a noun said before, no noun itself
    noun = head["word"].rstrip("'’")
    # a partitive's span runs to its noun across the words describing it ("Two of the freed
    # workers"), so what happened to them follows it
    spans_a_figure = any(
        word["word"].lower() in NUMBER_WORDS or word["word"][:1].isdigit() for word in run
    )  # "Five of the seven board members": the seven is a figure of its own
    sized = partitive is not None and partitive["whole"] is not None  # "of the 32 fishermen"
    whole = partitive is not None and not spans_a_figure and not sized
    end = head.start("word") + len(noun) if (head is run[0] and not sized) or whole else end
    second = _COORDINATED.match(text, head.end()) if head is run[-1] else None
    if second and _is_second_noun(second["word"], second["next"] or ""):
        # Either order counts the same things ("pardons and commutations" / "commutations
        # and pardons"), and neither noun alone is what was counted.
        nouns = sorted({singular(noun), singular(second["word"])})
        return " and ".join(nouns), second.end("word") if head is run[0] else end
    return singular(noun), end


def _is_second_noun(word: str, after: str) -> bool:
    """A plural noun after "and" / "or", not a verb taking an object or "to" after it."""
    takes_object = after.lower() in DETERMINERS or after == "to" or after[:1].isdigit()
    return looks_plural(word) and word not in STOPWORDS and not takes_object


def unit_in_a_title(text: str, number: Number, unit: Unit, end: int) -> bool:
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


class _UnitFields(TypedDict):
    value: float
    unit: str
    normalized: float
    base_unit: str
    low: float
    high: float
    ends: tuple[float, float] | None


def normalised(
    number: Number,
    unit: Unit,
    low: float | None,
    high: float | None,
    ends: tuple[float, float] | None = None,
) -> _UnitFields:
    """Quantity fields that depend on the unit: value, unit, normalized, base_unit, low, high,
    and a range's ends as written."""
    # "up to 5 km" is from zero; "up to -5 degrees" has no floor.
    floor = -UNBOUNDED if high is not None and high < 0 else 0.0
    if unit.kind == "measure":
        normalized, base_unit = to_base(number.value, unit.pint_units[0])
        lows = [floor] if low is None else [to_base(low, units)[0] for units in unit.pint_units]
        highs = (
            [UNBOUNDED] if high is None else [to_base(high, units)[0] for units in unit.pint_units]
        )
        name = CONVERSIONS[unit.pint_units[0]].name
        return _UnitFields(
            value=number.value, unit=name, normalized=normalized, base_unit=base_unit,
            low=min(lows), high=max(highs),
            ends=None if ends is None else (
                to_base(ends[0], unit.pint_units[0])[0], to_base(ends[1], unit.pint_units[0])[0]
            ),
        )  # fmt: skip
    base_unit = {"count": "count", "money": unit.name, "multiple": "times"}.get(
        unit.kind, "percent"
    )
    if unit.name == "percentage point":
        base_unit = unit.name
    return _UnitFields(
        value=number.value / 100 if unit.name == "fraction" else number.value,
        unit=unit.name,
        normalized=number.value * unit.factor,
        base_unit=base_unit,
        low=floor if low is None else low * unit.factor,
        high=UNBOUNDED if high is None else high * unit.factor,
        ends=None if ends is None else (ends[0] * unit.factor, ends[1] * unit.factor),
    )
