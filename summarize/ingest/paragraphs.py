"""A text's lines into paragraphs: whitespace collapsed, inline leftovers of a page taken out
(stock quote widgets, links' labels for screen readers, markup, list markers), and lines wrapped
mid-sentence joined back (a PDF's or an e-mail's text), a word broken at a line's end mended."""

from __future__ import annotations

import re

from summarize.ingest.furniture import PROSE_END, is_byline
from summarize.text.calendar import MONTHS, WEEKDAYS
from summarize.text.inflection import in_dictionary

MIN_WRAPPED_LINE_CHARS = 30  # a shorter line before a lowercase one ends where its author chose
WRAPPED_WIDTH_SHARE = 0.6  # a wrapped line is at least this share of its block's longest
# A line broken off mid-sentence: on a comma, a hyphen after a letter, or a word that needs the
# next one (an article, a preposition, a conjunction).
_BROKEN_OFF = re.compile(
    r"(?:,|(?<=[a-z])-|\b(?i:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|as|that|"
    r"which|while|whose|its|their|his|her|than|into|about|after|before|said))$"
)
_BROKEN_WORD = re.compile(r"(?<![\w-])([A-Za-z]+)-$")
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
# A list item's marker opening a line of text ("- The TGV was ...", "• Forty-three ...").
_LIST_MARKER = re.compile(r"^[-•*▪◦‣·–]\s+(?=\S)")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width, soft hyphen
# A stock quote widget left inline by the page ("parent company Alphabet GOOG, +2.00% GOOGL,
# +1.89% as well"): a ticker symbol, a comma and a signed change, which prose never writes.
_TICKER_QUOTE = re.compile(r" [A-Z]{1,5}(?:\.[A-Z]{1,2})?, [+\-−]\d+(?:\.\d+)?%(?=[\s.,;:)]|$)")
# A link's label for screen readers left inline by the page: in brackets ("(opens in new tab)"),
# capitalised after a lower-case word ("amid the trade war Opens a New Window. between the
# United States and China": with its stop where the sentence goes on in lower case), or standing
# as a sentence of its own; "The store opens a new window display" is prose.
_NEW_WINDOW = r"(?:in )?(?:a )?(?i:new (?:window|tab))"
_LINK_LABEL = re.compile(
    rf" \((?i:opens? {_NEW_WINDOW})\)|"
    rf"(?<=[a-z,]) Opens {_NEW_WINDOW}(?:\.(?= [a-z])|(?=[\s.,;:]|$))|"
    rf"(?<=[.!?]) Opens {_NEW_WINDOW}\.(?= |$)"
)
# Markup left in text ("... from Hama. <img src=x> The UN envoy ..."), and an instrument code
# after a company's name ("Exxon Mobil <XOM.N>", "Brent crude futures <LCOc1>"): not prose.
_INLINE_MARKUP = re.compile(
    r"\s?(?:</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<\.?[A-Za-z0-9]{1,10}(?:\.[A-Za-z]{1,3})?>)"
)
_LOWER_WORD = re.compile(r"[a-z]+")


def paragraphs(text: str) -> list[str]:
    """Non-empty lines, whitespace collapsed; lines wrapped mid-sentence are joined back (a PDF's
    or an e-mail's text, wrapped at a width), a word broken at a line's end mended."""
    found: list[list[str]] = []  # each paragraph's lines, joined at the end
    previous = ""  # the line before, "" after a blank line
    words: set[str] | None = None  # the text's words, read once a broken word needs them
    lines = [_line(raw) for raw in _INVISIBLE.sub("", text).splitlines()]
    wrapped_block = _wrapped_blocks(lines)
    for index, line in enumerate(lines):
        if not line:
            previous = ""
            continue
        if previous and (wrapped_block[index] or _wrapped(previous, line)):
            if words is None and _BROKEN_WORD.search(previous):
                words = set(_LOWER_WORD.findall(text.lower())) | CALENDAR_WORDS
            found[-1][-1], line = _joined(found[-1][-1], line, words or set())
            if line:
                found[-1].append(line)
        else:
            found.append([line])
        previous = found[-1][-1]
    return [" ".join(lines) for lines in found]


def _line(raw: str) -> str:
    """A line, its whitespace collapsed and a page's inline leftovers taken out, in this order."""
    line = " ".join(raw.split())
    for leftover in (_TICKER_QUOTE, _LINK_LABEL, _INLINE_MARKUP, _LIST_MARKER):
        line = leftover.sub("", line)
    return line


def _wrapped_blocks(lines: list[str]) -> list[bool]:
    """For each line, whether it goes on the line before as one paragraph wrapped at a width: a
    block between blank lines whose lines are all about as long as its longest (the width)
    but its last, which ends a sentence ("Norvik Energy agreed on Wednesday to acquire" /
    "Calder Power for $52 a share ..."). A headline above a byline, or a short heading above a
    paragraph, is no such block."""
    joined = [False] * len(lines)
    start = 0
    for end in [*(i for i, line in enumerate(lines) if not line), len(lines)]:
        block = lines[start:end]
        if len(block) >= 2 and PROSE_END.search(block[-1]):
            width = max(len(line) for line in block)
            if all(
                len(line) >= max(MIN_WRAPPED_LINE_CHARS, WRAPPED_WIDTH_SHARE * width)
                for line in block[:-1]
            ):
                joined[start + 1 : end] = [True] * (len(block) - 1)
        start = end + 1
    return joined


def _wrapped(previous: str, line: str) -> bool:
    """`line` goes on the sentence the line before broke off: that line ends no sentence, and
    either this one opens in lower case after a line of some length (a shorter one ends where
    its author chose: a heading), or that one ends where no sentence or heading can: on a comma,
    a word broken by a hyphen, or a word that needs the next ("of", "the", "while")."""
    if PROSE_END.search(previous) or is_byline(line):
        return False  # a headline ending on "Drags On" goes on no byline below it
    if line[:1].islower() and len(previous) >= MIN_WRAPPED_LINE_CHARS:
        return True
    return bool(_BROKEN_OFF.search(previous)) and (line[:1].isalnum() or line[:1] in '$€£"“')


def _joined(previous: str, line: str, words: set[str]) -> tuple[str, str]:
    """The line before and this one, a word broken at the line's end mended when the mended word
    is one ("bil-" "lion": "billion", as the dictionary or the text itself has it), else kept
    with its hyphen ("well-" "known"); "" for this line when it went into the one before."""
    broken = _BROKEN_WORD.search(previous)
    if broken is None or not line[:1].islower():
        return previous, line
    head, rest = line.split(" ", 1) if " " in line else (line, "")
    word = broken.group(1) + head
    bare = word.rstrip(".,;:!?")
    mended = in_dictionary(bare.lower()) or bare.lower() in words
    joined = previous[: broken.start(1)] + (word if mended else f"{broken.group(1)}-{head}")
    return (f"{joined} {rest}" if rest else joined), ""
