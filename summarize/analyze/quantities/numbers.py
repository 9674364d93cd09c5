"""Numbers as written: digits ("1,200", "$1.2bn", "3.5 million"), number words ("twenty-five",
"three hundred and ten", "a dozen", "half a million"), vague amounts ("tens of thousands") and
fractions ("two-thirds of"), each with the interval its rounding allows (see the package
docstring), before its unit is known."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from summarize.analyze.quantities.exclusions import (
    digits_in_a_code,
    hyphenated_ordinal,
    names_a_period,
    one_as_pronoun,
)
from summarize.text.numbers import FRACTIONS, NUMBER_WORDS, SCALE_WORDS, SCALES, SMALL, TENS

FRACTION_MARGIN = 0.05

# One-letter scales only follow money ("$5m"); elsewhere "5m" is five metres.
_MONEY_ONLY_SCALES = {"m", "k", "b"}

CURRENCY_SYMBOLS = {
    "$": "USD", "us$": "USD", "a$": "AUD", "au$": "AUD", "c$": "CAD", "ca$": "CAD",
    "hk$": "HKD", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR", "£": "GBP", "¥": "JPY",
    "₹": "INR",
    "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "inr": "INR",
    "chf": "CHF", "bdt": "BDT", "rs": "INR", "rs.": "INR", "tk": "BDT", "tk.": "BDT",
}  # fmt: skip
# Abbreviations that are money only as written so: "Rs 5 crore", "Tk 2 lakh" ("RS 5" is a car).
_CASED_SYMBOLS = ("Rs.", "Rs", "Tk.", "Tk")
_CASELESS_SYMBOLS = [s for s in CURRENCY_SYMBOLS if s not in {c.lower() for c in _CASED_SYMBOLS}]


def alternation(surfaces: Sequence[str]) -> str:
    return "|".join(re.escape(surface) for surface in sorted(surfaces, key=len, reverse=True))


_SCALE_NAMES = r"(?:" + alternation(list(SCALE_WORDS)) + r")\b"
_WORD_NUMBER = (
    r"(?:(?:" + "|".join(TENS) + r")(?:-(?:" + "|".join(SMALL[1:10]) + r"))?"
    r"|" + alternation(SMALL) + r")\b"
)
NUMBER = re.compile(
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
    + alternation([symbol for symbol in _CASELESS_SYMBOLS if not symbol.isalpha()])
    + r"|(?:"
    + alternation([code for code in _CASELESS_SYMBOLS if code.isalpha()])
    + r"|(?-i:"
    + alternation(_CASED_SYMBOLS)
    + r"))\s)?\s?(?<![\d.,])(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"(?P<digits_half>\s+and\s+a\s+half)?"
    r"(?:[\s-]?(?P<digits_scale>"
    + _SCALE_NAMES
    + r")|\s?(?P<abbreviation>"
    + alternation([abbreviation for abbreviation in SCALES if len(abbreviation) < 4])
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


@dataclass
class Number:
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


def next_number(text: str, position: int) -> re.Match[str] | None:
    """The next match of NUMBER, tried only where a number can start: far faster than search."""
    while start := _NUMBER_START.search(text, position):
        position = start.end()
        if start["word"] and start["word"].lower() not in _NUMBER_START_WORDS:
            continue
        if match := NUMBER.match(text, start.start()):
            return match
    return None


def read_number(text: str, match: re.Match[str]) -> Number | None:
    if match["vague"]:
        low, high = _vague_range(match["vague"])
        return Number(match.start(), match.end(), low, low, high, kind="vague")
    if match["part"]:
        share = 0.25 if "quarter" in match["part"].lower() else 0.5
        return exact(match.start(), match.end(), share, 1, _scale(match["part_scale"]))
    if match["fraction"]:
        return _fraction(text, match)
    if match["digits"]:
        return _digits(text, match)
    return _words(text, match)


def _scale(word: str) -> float:
    return 12.0 if word.lower() == "dozen" else SCALES[word.lower()]


def exact(
    start: int, end: int, mantissa: float, decimals: int, scale: float = 1.0, measure: bool = False
) -> Number:
    value = mantissa * scale
    tolerance = _rounding(value, decimals, scale, measure)
    return Number(
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


def _fraction(text: str, match: re.Match[str]) -> Number | None:
    words = re.split(r"[\s-]+", match["fraction"].lower())
    if len(words) == 1 and names_a_period(text, match.start(), match.end()):
        return None  # "the second quarter", "first half of 2020": a period, not a share
    count = NUMBER_WORDS.get(words[0], 1) if len(words) > 1 else 1
    percent = 100 * count * FRACTIONS[words[-1].rstrip("s")]
    margin = FRACTION_MARGIN * percent
    return Number(
        match.start(), match.end(), percent, percent - margin, percent + margin, kind="fraction"
    )


def _digits(text: str, match: re.Match[str]) -> Number | None:
    currency = CURRENCY_SYMBOLS[match["currency"].strip().lower()] if match["currency"] else None
    start = match.start() if currency else match.start("digits")
    end = match.end()
    scale_word = (match["digits_scale"] or match["abbreviation"] or "").lower()
    if scale_word in _MONEY_ONLY_SCALES and currency is None:
        scale_word, end = (
            "",
            match.end("digits_half") if match["digits_half"] else match.end("digits"),
        )
    if digits_in_a_code(text, start, match.end("digits"), end):
        return None
    digits = match["digits"]
    mantissa = float(digits.replace(",", ""))
    if not math.isfinite(mantissa * SCALES.get(scale_word, 1.0)):  # beyond any float: no figure
        return None
    decimals = len(digits.partition(".")[2])
    if match["digits_half"]:
        mantissa, decimals = mantissa + 0.5, max(decimals, 1)
    number = exact(start, end, mantissa, decimals, SCALES.get(scale_word, 1.0))
    if match["digits_half"] and decimals == 1:
        number = _to_the_half(number)
    number.currency = currency
    if not scale_word and currency is None:
        number.digits = digits
    return number


def _words(text: str, match: re.Match[str]) -> Number | None:
    parsed = _parse_number_words(match["words"])
    if parsed is None:
        return None
    value, scale, length = parsed
    start, end, decimals = match.start("words"), match.start("words") + length, 0
    if match["words_half"] and end == match.end("words"):
        scale = SCALES.get(match["words_half"].split()[-1].lower(), 1.0)
        value, decimals, end = (value + 0.5) * scale, 1, match.end("words_half")
    if hyphenated_ordinal(text, end):
        return None
    if value == 1 and one_as_pronoun(text, start, end):
        return None
    number = exact(start, end, value / scale, decimals, scale)
    return _to_the_half(number) if decimals else number


def _to_the_half(number: Number) -> Number:
    """A number "and a half" is written to the half: "two and a half" allows 2.25 to 2.75."""
    reach = 0.25 * number.scale
    return replace(number, low=number.value - reach, high=number.value + reach)


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
