"""Numbers written in words: the small numbers, tens, scales, fractions and ordinals."""

from __future__ import annotations

SMALL = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen",
)  # fmt: skip
# A count written as digits or as a word from two to ten, in a regular expression: the sizes of a
# list ("5 things", "Five key takeaways") or of a span of years ("over the next ten years").
COUNT_TO_TEN = rf"(?:\d+|{'|'.join(SMALL[2:11])})"
TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
NUMBER_WORDS: dict[str, int] = {word: value for value, word in enumerate(SMALL)} | {
    word: 10 * (index + 2) for index, word in enumerate(TENS)
}
SCALE_WORDS = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    # South Asia's: "Tk 2 lakh" is 200,000 taka, "Rs 5 crore" 50 million rupees
    "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}  # fmt: skip
# Abbreviated scales: "$1.2bn", "5mln". One-letter ones only follow money ("$5m").
SCALE_ABBREVIATIONS = {
    "bn": 1e9, "mn": 1e6, "mln": 1e6, "tn": 1e12, "trn": 1e12, "m": 1e6, "k": 1e3, "b": 1e9,
}  # fmt: skip
SCALES = SCALE_WORDS | SCALE_ABBREVIATIONS
FRACTIONS = {"half": 0.5, "third": 1 / 3, "quarter": 0.25, "fifth": 0.2, "tenth": 0.1}
ORDINALS = (
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth",
)  # fmt: skip
