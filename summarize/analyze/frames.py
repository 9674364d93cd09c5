"""The frame of each figure in a sentence: what it measures, whose it is, when, what kind of
statement it is and in what form, read from word order (no parser; see the README for why).

- measure: the counted noun, with what happened to it when the sentence says so ("37 killed",
  "40 people dead" are both "people killed"), or the kind of unit ("length", "money (USD)");
  "a 33-year-old" is an age.
- subject: whose or of what, as written: the "of" phrase of a share ("38% of voters"), the noun a
  sum of money buys ("a $6 trillion budget"), the noun a compound figure describes ("a
  two-page memo", "the 15-minute halt", which is how long the halt lasts), the person an age
  belongs to, or the owner before the verb ("the unemployment rate rose to 3.6%").
- time: the time expression nearest the figure in its clause (month names, years, quarters,
  "last week", "a year ago", weekdays, "since March"); a weekday right after a reporting verb
  ("said Thursday") dates the statement, not the figure. The "from" value of a change is
  "earlier", and a time right after it is its own ("fell to 3.5% from 3.6% in October"). A
  record's "since" ("the highest level since January") and "until Friday" (when something
  else happens) date nothing.
- statement: "expected", "forecast", "estimate", "target" when such a cue precedes the figure in
  its clause ("economists had expected 75,000", "the estimate of 75,000", "aims to raise ... to
  125,000") or follows it ("the 75,000 economists expected"); "actual" otherwise. "An
  estimated 500" is an approximate actual figure.
- form: a change after a verb of change ("rose 5%", "dropped 29,000") or before a noun of change
  ("a 5% drop"); the figure after "to" is the new level ("dropped 29,000 to 348,000"); a rate
  with a period ("$300 a month", "annual"); a share for fractions and "N% of"; else a level.

A fall is a negative change: "fell 5%" is read as -5%, so that it disagrees with "rose 5%" and
agrees with "a 5% drop".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from summarize.analyze.attribution import is_speech_verb
from summarize.models import Form, Quantity, QuantityFrame, Statement
from summarize.text.calendar import CALENDAR_DATE, MONTH, MONTHS, WEEKDAY, YEAR
from summarize.text.figures import (
    DOWN_WORDS,
    FALL_NOUNS,
    OUTCOMES,
    PERIODS,
    RISE_NOUNS,
    STATEMENT_CUES,
    UP_WORDS,
    change_verbs,
)
from summarize.text.inflection import irregular_verbs, looks_plural
from summarize.text.lexicons import word_set
from summarize.text.numbers import NUMBER_WORDS
from summarize.text.tokens import STOPWORDS, Token, word_tokens

# Punctuation and words that end a clause: a cue or a time on the other side is not the figure's.
_HARD_BOUNDARIES = frozenset(';:—–()[]"“”')
_CLAUSE_WORDS = word_set("while whereas but although though which who whom unlike")
# Words between a figure and the verb or owner before it: "rose by about", "at least", "a solid".
_SOFT = word_set(
    """
    a an the about around some nearly almost roughly approximately approx estimated just only
    more less fewer than over under least most at up to as many much another additional extra
    further solid whopping mere record by of its their his her
    """
)
_COPULAS = word_set(
    """
    is are was were be been being has have had will would could may might can should also now
    both all each respectively together combined seems seem appears appear looks poised
    stood stands stand reached reach reaches hit hits totaled totalled totals total amounted
    amounts topped tops exceeded exceeds came comes registered ended closed finished remained
    remains put set
    """
)
_INCREMENTS = word_set("additional another extra further")
# Words that make "since ..." a record's reach, not the figure's time: "the highest level since
# January", "the largest one-day drop since 1987" compare with the past; they date nothing.
_RECORD_WORDS = word_set(
    """
    highest lowest largest biggest smallest most least best worst first fastest slowest steepest
    sharpest strongest weakest deepest longest shortest greatest record
    """
)
_RECORD_REACH = 8  # tokens a record word may stand before its "since"
# Verbs of intent: "plans to raise admissions to 125,000" aims at a level not yet reached.
_INTENT_VERBS = word_set(
    """
    plan plans planned planning aim aims aimed aiming intend intends intended intending want
    wants wanted seek seeks sought seeking propose proposes proposed proposing vow vows vowed
    pledge pledges pledged promise promises promised
    """
)
# Verbs that set a level, besides the verbs of change: "plans to raise the cap to 125,000".
_SETTING_VERBS = word_set("raise raising lower lowering set bring")
_CUE_VERBS = word_set(
    "expect expected expects expecting likely forecast forecasts predicted predict projected"
)
# Verbs whose object is the size of something: "expected to top $1 trillion", "to hit 3.6%".
_MEASURE_VERBS = word_set(
    """
    top tops reach reaches hit hits exceed exceeds total totals be come remain stay peak cost
    number amount run surpass near
    """
)
_MODALS = word_set("will would can could may might must shall should to did does do")
# Nouns that only wrap a figure: "a group of 1,000 demonstrators", "a total of 17 million".
_COLLECTIVES = word_set("group total number crowd tally sum amount figure count set batch")
_PREPOSITIONS = word_set(
    """
    in on at to from by with for of into onto over under outside inside near across after
    before during since until against among between through via per about around behind
    """
)
_CHANGING_UNITS = frozenset({"count", "percent", "percentage point", "K"})
_DIRECTIONS = word_set(
    """
    north south east west northeast northwest southeast southwest northern southern eastern
    western outside short
    """
)
_SPEECH_OF_TIME = 2  # tokens a reporting verb may stand before a weekday it dates
_MAX_NOUN_PHRASE = 8
_MAX_CUE_DISTANCE = 8
_MAX_CUE_AFTER = 4
_UNIT_KINDS = {
    "m": "length", "m**2": "area", "m**3": "volume", "kg": "mass", "m/s": "speed",
    "K": "temperature", "s": "duration", "kg*m**2/s**3": "power", "kg*m**2/s**2": "energy",
    "percent": "percent", "percentage point": "percentage points",
}  # fmt: skip
OUTCOME_WORDS = {
    "death": "killed", "injury": "injured", "arrest": "arrested",
    "displacement": "displaced", "missing": "missing", "infection": "infected",
}  # fmt: skip

_RELATIVE_TIME = re.compile(
    r"\b(?P<which>last|this|next|past|previous|prior|current|coming|same)\s+"
    r"(?P<unit>week|weekend|month|year|quarter|decade)\b"
    r"|\b(?:a|one)\s+(?P<ago_unit>week|month|year|decade)\s+(?:ago|earlier|before)\b"
    r"|\b(?:the\s+)?(?P<before_unit>week|month|year)\s+(?:before|earlier|prior)\b",
    re.IGNORECASE,
)
_PERIOD_OF_YEAR = re.compile(
    r"\b(?P<nth>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?P<part>quarter|half)\b"
    r"|\b[Qq](?P<q>[1-4])\b|\b[Hh](?P<h>[12])\b",
    re.IGNORECASE,
)
_SINCE = re.compile(
    r"\b(?:since|so\s+far\s+(?:this|in)|year[\s-]+to[\s-]+date|to\s+date)\b(?:\s+(?:mid-?|late\s+|"
    r"early\s+|the\s+)?(?P<what>[A-Za-z]+|\d{4}))?",
    re.IGNORECASE,
)
_MONTH_TIME = re.compile(rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?")
_WEEKDAY_TIME = re.compile(WEEKDAY)
_YEAR_TIME = re.compile(rf"(?<![\d.,$])(?P<year>{YEAR})(?!\s*%|[\d,.]\d)")
_YEAR_ON_YEAR = (
    r"\b(?:from|over|than|compared\s+(?:with|to))\s+(?:a|the)\s+(?:year|previous\s+year)\s+"
    r"(?:ago|earlier|before)|year[\s-]+(?:over|on)[\s-]+year"
)
# "over the next decade", "over 10 years": a sum spread over a period
_OVER_PERIOD = re.compile(
    r"\b(?:over|across|during|within)\s+(?:the\s+)?(?:next\s+|coming\s+|past\s+)?"
    r"(?P<count>\d+|two|three|four|five|six|seven|eight|nine|ten)?\s*(?P<unit>decade|year)s?\b"
)
_ORDINAL_NUMBERS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip
_OLD_AFTER = re.compile(r"\s*-?\s*old\b", re.IGNORECASE)


@dataclass(frozen=True)
class _Time:
    start: int
    end: int
    key: str


@dataclass
class Reading:
    """A figure's frame, and whether the sentence says it fell (a negative change)."""

    frame: QuantityFrame
    falling: bool = False


class _Sentence:
    """One sentence's tokens, clauses and time expressions; reads the frame of each figure."""

    def __init__(self, text: str, spans: list[tuple[int, int]]) -> None:
        self.text = text
        self.tokens = _tokens(text, spans)
        self.lower = [token.text.lower() for token in self.tokens]
        self.clause = self._clauses()
        self.figures = [self._token_range(start, end) for start, end in spans]
        self.times = self._times()

    # ------------------------------------------------------------ structure

    def _clauses(self) -> list[int]:
        clause, clauses = 0, []
        for index, word in enumerate(self.lower):
            after_comma = index > 0 and self.lower[index - 1] == ","
            opens = after_comma and word in ("and", "or", "as", "with")
            if word in _HARD_BOUNDARIES or word in _CLAUSE_WORDS or opens:
                clause += 1
            clauses.append(clause)
        return clauses

    def _token_range(self, start: int, end: int) -> tuple[int, int]:
        first = next((i for i, t in enumerate(self.tokens) if t.end > start), len(self.tokens))
        last = next((i for i, t in enumerate(self.tokens) if t.start >= end), len(self.tokens))
        return first, max(last, first + 1)

    def _token_at(self, position: int) -> int:
        return next((i for i, t in enumerate(self.tokens) if t.end > position), len(self.tokens))

    def _in_figure(self, index: int) -> bool:
        return any(first <= index < last for first, last in self.figures)

    # ------------------------------------------------------------ time

    def _times(self) -> list[_Time]:
        found: list[_Time] = []

        def add(start: int, end: int, key: str) -> None:
            if not any(t.start < end and start < t.end for t in found):
                found.append(_Time(start, end, key))

        for match in CALENDAR_DATE.finditer(self.text):
            add(*match.span(), "date:" + re.sub(r"\W+", "-", match.group().lower()))
        for match in _PERIOD_OF_YEAR.finditer(self.text):
            number = match["q"] or match["h"] or str(_ORDINAL_NUMBERS[match["nth"].lower()])
            part = "half" if (match["part"] or "").lower() == "half" or match["h"] else "quarter"
            add(*match.span(), f"{part}:{number}")
        for match in _RELATIVE_TIME.finditer(self.text):
            if match["which"]:
                which = match["which"].lower()
                which = "last" if which in ("past", "previous", "prior") else which
                which = "this" if which in ("current", "same") else which
                add(*match.span(), f"{which} {match['unit'].lower()}")
            else:
                add(*match.span(), f"{(match['ago_unit'] or match['before_unit']).lower()} before")
        for match in _SINCE.finditer(self.text):
            index = self._token_at(match.start())
            if self._record_before(index):  # a record's reach, to the end of its phrase
                add(match.start(), self._phrase_end(index), "")
            else:
                add(*match.span(), f"since:{(match['what'] or 'start').lower()}")
        for match in _MONTH_TIME.finditer(self.text):
            month = MONTHS[match["month"].rstrip(".").lower()]
            add(*match.span(), f"month:{month}" + (f"-{match['year']}" if match["year"] else ""))
        for match in _WEEKDAY_TIME.finditer(self.text):
            index = self._token_at(match.start())
            before = self.lower[max(0, index - _SPEECH_OF_TIME) : index]
            if not any(is_speech_verb(word) for word in before):
                add(*match.span(), f"day:{match.group().lower()}")
        for match in _YEAR_TIME.finditer(self.text):
            if not self._in_figure(self._token_at(match.start())):
                add(*match.span(), f"year:{match['year']}")
        return [time for time in found if time.key]

    def _phrase_end(self, index: int) -> int:
        """Where the phrase opened at token `index` ends: the next comma or clause break."""
        end = index
        while (
            end + 1 < len(self.tokens)
            and self.lower[end + 1] != ","
            and self.clause[end + 1] == self.clause[index]
        ):
            end += 1
        return self.tokens[end].end if self.tokens else 0

    def _record_before(self, index: int) -> bool:
        """A record word shortly before, in the same clause: "the highest level since"."""
        start = max(0, index - _RECORD_REACH)
        return any(
            self.lower[i] in _RECORD_WORDS and self.clause[i] == self.clause[index]
            for i in range(start, min(index, len(self.lower)))
        )

    def _earlier_between(self, end: int, time_start: int) -> bool:
        """A "from" value stands between the figure and a time after it: in "fell to 3.5% from
        3.6% in October" October is the earlier value's month, not the new level's."""
        return any(
            end <= self.tokens[first].start
            and self.tokens[last - 1].end <= time_start
            and self.lower[first - 1 : first] == ["from"]
            for first, last in self.figures
            if first < len(self.tokens)
        )

    def time_of(self, first: int, last: int) -> str | None:
        """The nearest time expression in the figure's part of the sentence (between commas),
        or one opening the sentence ("In April, ..."); not one a comparison refers to
        ("higher than the month before")."""
        start, end = self.tokens[first].start, self.tokens[last - 1].end
        segment = self._segment(first)
        near = []
        for time in self.times:
            index = min(self._token_at(time.start), len(self.tokens) - 1)
            before = self.lower[max(0, index - 2) : index]
            if start <= time.start < end or "than" in before:
                continue
            if time.key.endswith(" before") and {"from", "with", "to", "over"} & set(before):
                continue  # "rose 3% from a year earlier": the period of the change
            if before[-1:] in (["until"], ["till"]):
                continue  # "delaying the vote until Friday": when something else happens
            if time.start >= end and self._earlier_between(end, time.start):
                continue
            opening = self._segment(index) == 0 and not any(
                self._segment(f) == 0 for f, _ in self.figures
            )
            if self._segment(index) == segment or opening:
                key = f"by {time.key}" if self.lower[index - 1 : index] == ["by"] else time.key
                near.append((min(abs(time.start - end), abs(start - time.end)), key))
        return min(near)[1] if near else None

    def _segment(self, index: int) -> int:
        """How many commas and clause ends precede the token."""
        return sum(
            1
            for i in range(index)
            if self.lower[i] == "," or self.clause[i + 1 : i + 2] != self.clause[i : i + 1]
        )

    # ------------------------------------------------------------ around the figure

    def _left(self, first: int, skip: frozenset[str]) -> int:
        """Index of the first token left of `first` that is not in `skip` (-1 if none)."""
        index = first - 1
        while index >= 0 and self.lower[index] in skip and not self._in_figure(index):
            index -= 1
        return index

    def form_of(self, first: int, last: int, quantity: Quantity) -> tuple[Form, bool, bool]:
        """Form, whether it fell, and whether it is the earlier value of a change ("from").

        Physical amounts after such verbs are amounts, not changes ("dropped 10 inches of
        rain", "fell 2 feet of snow"): changes are read for counts, money, shares and degrees.
        """
        verbs = change_verbs()
        if quantity.base_unit not in _CHANGING_UNITS and not quantity.base_unit.isupper():
            return "level", False, False
        before = self._left(first, _SOFT - {"to", "from", "up"})
        word = self.lower[before] if before >= 0 else ""
        share = quantity.unit == "fraction" or (
            quantity.base_unit == "percent" and self.lower[last : last + 1] == ["of"]
        )
        if word == "from" and self._in_change(first, last):
            return "level", False, True
        if word in ("to", "from"):
            return "share" if share else "level", False, False
        direction: int | None = None
        if word in UP_WORDS | DOWN_WORDS:
            direction = 1 if word in UP_WORDS else -1
        elif word in verbs and self.tokens[before].text.islower():
            direction = verbs[word]
            if direction == 0:
                return "level", False, False
        else:
            after = last
            while after < len(self.lower) and (
                self.lower[after] in ("-", "point", "points") or self._in_figure(after)
            ):
                after += 1
            following = self.lower[after] if after < len(self.lower) else ""
            if following in RISE_NOUNS or following in FALL_NOUNS:
                direction = 1 if following in RISE_NOUNS else -1
            else:
                noun = self._left(first, frozenset({"of", "by"}))
                preceding = self.lower[noun] if noun >= 0 and noun < first - 1 else ""
                if preceding in RISE_NOUNS or preceding in FALL_NOUNS:
                    direction = 1 if preceding in RISE_NOUNS else -1
        if direction is None:
            direction = self._passive_change(last)
        if direction is None and self._increment(first, last) and not self.period_of(first, last):
            direction = 1  # "an additional 100 million doses", "100 million more"
        if direction is not None:
            return "change", direction < 0, False
        return "share" if share else "level", False, False

    def _in_change(self, first: int, last: int) -> bool:
        """ "rose from 3.5% to 3.6%", "from $600 to $2,000": the "from" of a change."""
        clause = self.clause[first]
        verbs = change_verbs()
        before = any(
            self.lower[i] in verbs and self.clause[i] == clause
            for i in range(max(0, first - 8), first)
        )
        after = self.lower[last : last + 1] == ["to"]
        return before or after

    def _passive_change(self, last: int) -> int | None:
        """ "266,000 jobs were added", "40,000 jobs were lost": a change told after the figure."""
        verbs = change_verbs()
        window = self.lower[last : last + 4]
        for index, word in enumerate(window):
            if word in ("was", "were", "have", "has", "had", "been", "be"):
                continue
            if index > 0 and window[index - 1] in ("was", "were", "been", "be") and word in verbs:
                return verbs[word] or None
            if index > 0:
                return None
        return None

    def restates(self, first: int) -> int | None:
        """The index of the figure this one restates: "N, or M", "N (M)"."""
        if self.lower[max(0, first - 2) : first] == [",", "or"]:
            separator = first - 2
        elif self.lower[first - 1 : first] == ["("]:
            separator = first - 1
        else:
            return None
        return next((i for i, (_, end) in enumerate(self.figures) if end == separator), None)

    def _increment(self, first: int, last: int) -> bool:
        """ "an additional 100 million doses", "100 million more"; but after a verb of harm
        "N more" counts other people, not an increase ("killing 50 and wounding 53 more")."""
        before = self.lower[max(0, first - 2) : first]
        after = self.lower[last : last + 1]
        if _INCREMENTS & set(before):
            return True
        harmed = self._left(first, _SOFT - {"to", "from", "more"})
        if harmed >= 0 and self.lower[harmed] in OUTCOMES:
            return False
        return after in (["more"], ["additional"])

    def compound(self, first: int, last: int, quantity: Quantity) -> bool:
        """A figure joined to its unit by a hyphen before a noun: "a two-page memo", "the
        15-minute halt", "a 7.8-magnitude quake". The noun after it is what the figure
        describes."""
        if not re.search(r"[\w]-[A-Za-z]+$", quantity.text):
            return False
        return self.lower[last : last + 1] not in (["-"], ["old"])

    def described(self, last: int) -> str | None:
        """The noun phrase a compound figure describes: adjectives and participles, then
        nouns, up to a stop word or mark ("two-page unclassified memo to" -> "unclassified
        memo", "15-minute halt followed" -> "halt")."""
        start = last
        while start < len(self.tokens) and self.lower[start] in ('"', "“", "‘", "'"):
            start += 1
        end = start
        while end < len(self.tokens) and end - start < 4:
            word = self.lower[end]
            if not word[0].isalpha() or self._in_figure(end) or word in STOPWORDS:
                break
            if word in _PREPOSITIONS or (end > start and _is_verb_form(word)):
                break
            end += 1
        return self._join(self.tokens[start:end])

    def part_of_whole(self, first: int, last: int) -> bool:
        """ "70 million of the 100 million doses", "the remaining 30 million": a part."""
        after = self.lower[last : last + 3]
        whole_after = after[:1] == ["of"] and any(
            self._in_figure(index) for index in range(last + 1, min(last + 3, len(self.lower)))
        )
        return whole_after or "remaining" in self.lower[max(0, first - 2) : first]

    def whole_of_part(self, first: int) -> bool:
        """ "70 million of the 100 million doses": the figure after "of (the)" is the whole."""
        index = first - 1
        if index >= 0 and self.lower[index] in ("the", "its", "their"):
            index -= 1
        return index >= 1 and self.lower[index] == "of" and self._in_figure(index - 1)

    def period_of(self, first: int, last: int) -> str | None:
        """The period of a rate: "$300 a month", "per year", "annually", "annual"."""
        after = last
        while (
            after < len(self.lower)
            and after - last < 3
            and self.lower[after] not in ("a", "an", "per", "each", "every", *PERIODS)
        ):
            if self.lower[after] in STOPWORDS or not self.lower[after].isalpha():
                break
            after += 1
        window = self.lower[after : after + 3]
        if window[:1] in (["a"], ["an"], ["per"], ["each"], ["every"]) and len(window) > 1:
            period = PERIODS.get(window[1])
            ago = window[2:3] in (["ago"], ["earlier"], ["before"], ["later"])
            if period and window[1] in ("hour", "day", "week", "month", "year") and not ago:
                return period
        if window[:1] and window[0] in ("annually", "monthly", "weekly", "daily", "hourly"):
            return PERIODS[window[0]]
        before = first - 1
        if before >= 0 and self.lower[before] in ("annual", "monthly", "weekly", "yearly"):
            return PERIODS[self.lower[before]]
        text = " ".join(self.lower[last : last + 8])
        if re.search(_YEAR_ON_YEAR, text):
            return "year"
        if over := _OVER_PERIOD.search(text):
            return over["unit"] if not over["count"] else f"{over['count']} {over['unit']}s"
        return None

    def role_of(self, first: int, last: int, compound: bool = False) -> str | None:
        """The preposition that gives a duration its role: "in two weeks", "for 30 days",
        "two weeks ago"; a compound ("the 15-minute halt") is how long its noun lasts, whatever
        preposition governs the noun ("after the 15-minute halt")."""
        if compound:
            return "for"
        if self.lower[last : last + 1] in (["ago"], ["later"], ["earlier"], ["before"]):
            return self.lower[last]
        before = self._left(first, frozenset({"another", "more", "an", "a", "the", "next", "past"}))
        word = self.lower[before] if before >= 0 else ""
        return word if word in ("in", "for", "within", "after", "over", "since", "during") else None

    def lowercase_opening(self, subject: str | None) -> str | None:
        """A plural common noun opening the sentence is no name: "Employers add 266,000"."""
        if subject and self.text.startswith(subject):
            word, _, rest = subject.partition(" ")
            if looks_plural(word.lower()) and not word.isupper():
                return (word.lower() + " " + rest).strip()
        return subject

    def statement_of(self, first: int, last: int) -> Statement:
        """The nearest cue in the figure's clause (see `_cue`), or one just after it ("the
        75,000 economists expected"); "actual" otherwise."""
        clause = self.clause[first]
        index = first - 1
        while index >= 0 and first - index <= _MAX_CUE_DISTANCE and self.clause[index] == clause:
            cue = self._cue(index, first)
            if cue is not None:
                return cue
            if self._in_figure(index) and index < first - 1:
                break  # a cue before another figure is that figure's
            index -= 1
        for index in range(last, min(len(self.lower), last + _MAX_CUE_AFTER)):
            word = self.lower[index]
            if self.clause[index] != clause or self.lower[index - 1] == "than":
                break
            if word in ("expected", "forecast", "predicted", "projected", "estimated"):
                return STATEMENT_CUES.get(word, "estimate")  # type: ignore[return-value]
        return "actual"

    def _cue(self, index: int, first: int) -> Statement | None:
        """A statement cue at `index` that governs the figure at `first`.

        Nouns count as they are ("the estimate of 75,000", "expectations"); a target noun only
        right before the figure ("a goal of 200 million", "a limit of 5%", "the cap to"). A
        verb of expectation counts with its own subject ("economists had expected the economy
        to add 75,000") or before a verb of measure ("expected to top $1 trillion", "likely to
        hit"), not before another action ("expected to introduce a $908 billion bill": the
        bill's size is a fact). The level a verb of intent aims at is a target ("plans to raise
        admissions to 125,000", like "the cap to 125,000"); the size of a planned change is
        not ("plans to cut 5,000 jobs" is what it will do). "An estimated 500" is an
        approximate actual figure.
        """
        word = self.lower[index]
        cue = STATEMENT_CUES.get(word)
        if word == "estimated":
            if index == first - 1 or self.lower[index - 1 : index] in (["an"], ["the"]):
                return None
            return "estimate"
        if word in _INTENT_VERBS and self.lower[index + 1 : index + 2] == ["to"]:
            verb = self.lower[index + 2] if index + 2 < len(self.lower) else ""
            changes = verb in change_verbs() or verb in _SETTING_VERBS
            to_level = self.lower[first - 1 : first] == ["to"]
            return "target" if changes and to_level and change_verbs().get(verb) != 0 else None
        if cue is None:
            return None
        if cue == "target":  # a noun right before its figure: "a goal of", "the cap to"
            near = first - index <= 3 and self.lower[index + 1 : index + 2] in (["of"], ["to"])
            return "target" if near or index == first - 1 else None
        if word in _CUE_VERBS and self.lower[index + 1 : index + 2] == ["to"]:
            verb = self.lower[index + 2] if index + 2 < len(self.lower) else ""
            return cue if verb in change_verbs() or verb in _MEASURE_VERBS else None  # type: ignore[return-value]
        return cue  # type: ignore[return-value]

    def outcome_of(self, first: int, last: int) -> str | None:
        """What happened to the people counted: the verb before ("killed 37") or the word after
        the counted noun ("37 people were killed", "40 people dead", "100 injured")."""
        before = self._left(first, _SOFT - {"to", "from"})
        if before >= 0 and self.lower[before] in OUTCOMES:
            return OUTCOMES[self.lower[before]]
        for index in range(last, min(len(self.lower), last + 4)):
            word = self.lower[index]
            if word in OUTCOMES:
                return OUTCOMES[word]
            skipped = ("were", "was", "are", "have", "had", "been", "people", "persons")
            if word not in skipped and index > last:
                break
        return None

    def subject_of(self, first: int, last: int, quantity: Quantity) -> str | None:
        """Whose figure, or of what (see the module docstring). A distance is from somewhere:
        "50 miles from Pyongyang", "130 miles north of the border". A compound figure is of
        the noun it describes ("the two-page memo")."""
        if self.compound(first, last, quantity) and (described := self.described(last)):
            return described
        if quantity.base_unit == "m":
            after = last
            if self.lower[after : after + 1] == ["("] and self._in_figure(after + 1):
                after += 3  # "20 kilometers (12 miles) from Hama": past the restatement
            if after < len(self.lower) and self.lower[after] in _DIRECTIONS:
                after += 1
            if self.lower[after : after + 1] in (["from"], ["of"]):
                reference = self._phrase_after(after + 1)
                if reference:
                    return f"from {reference}"
        if quantity.base_unit in ("percent", "percentage point") or quantity.unit == "fraction":
            following = self.lower[last : last + 1]
            if following == ["of"]:
                return self._phrase_after(last + 1)
            verb = following and following[0] not in STOPWORDS and _is_verb_form(following[0])
            if verb and self.tokens[last].text.islower():
                return self.tokens[last].text  # "38% approved", "60% disapproved"
        if quantity.base_unit.isupper():  # money: what it buys or pays for
            start = last + 1 if self.lower[last : last + 1] in (["in"], ["of"], ["for"]) else last
            item = self._phrase_after(start)
            if item:
                return item
        return self._owner(first)

    def age_subject(self, first: int, last: int) -> str | None:
        """The person an age belongs to: "Ossoff, a 33-year-old", "a 7-year-old girl"."""
        before = self._left(first, frozenset({"a", "an", "the"}))
        if before >= 0 and self.lower[before] == ",":
            return self._phrase_before(before - 1)
        after = last
        while after < len(self.lower) and self.lower[after] in ("-", "old", "year", "years"):
            after += 1
        return self._phrase_after(after)

    def _phrase_after(self, start: int) -> str | None:
        end = start
        while end < len(self.tokens) and end - start < _MAX_NOUN_PHRASE:
            word = self.lower[end]
            if end > start and word == "of" and end + 1 < len(self.lower):
                end += 1
                continue
            if not word[0].isalnum() or self._in_figure(end):
                break
            if word in STOPWORDS and not (end == start and word in ("the", "its", "their")):
                break
            if _is_verb_form(word):
                break
            end += 1
        words = [t for t in self.tokens[start:end] if t.text.lower() not in ("the", "its", "their")]
        while words and words[-1].text.lower() == "of":
            words.pop()
        return self._join(words)

    def _owner(self, first: int) -> str | None:
        """The noun phrase before the verb that governs the figure: "the unemployment rate rose
        to", "Two explosions ... left"."""
        verbs = change_verbs()
        index = first - 1
        while index >= 0:
            word = self.lower[index]
            if self._in_figure(index):
                if self.lower[index + 1 : index + 2] != ["to"]:
                    break
                index -= 1  # "dropped 29,000 to 348,000": the level has the change's owner
                continue
            if word in _SOFT or word in _COPULAS or word in verbs or word in UP_WORDS | DOWN_WORDS:
                index -= 1
                continue
            if word in ("to", "from", "at") or word in OUTCOMES or _is_verb_form(word):
                index -= 1
                continue
            if word.endswith("ly") and len(word) > 4 and self.tokens[index].text.islower():
                index -= 1  # "rose slightly to"
                continue
            if word in _COLLECTIVES or (index > 0 and self.lower[index - 1] in _MODALS):
                index -= 1  # "a group of 1,000", "will supply 200 million": not the owner
                continue
            break
        if index < 0 or self._in_figure(index):
            return None
        return self._phrase_before(index)

    def _phrase_before(self, end: int) -> str | None:
        start = end
        while start >= 0 and end - start < _MAX_NOUN_PHRASE:
            word = self.lower[start]
            if word in ("'s", "’s", "'", "’", "-", "&") or (
                word == "of" and start < end and start > 0
            ):
                start -= 1
                continue
            if word == "and" and start < end and self._names_around(start):
                start -= 1  # "Britain and Germany", "the Dow and S&P 500"
                continue
            if not word[0].isalnum() or self._in_figure(start) or word in STOPWORDS:
                break
            if word in _PREPOSITIONS or word in NUMBER_WORDS or _is_verb_form(word):
                break
            if word in change_verbs() and self.tokens[start].text.islower():
                break
            start -= 1
        words = self.tokens[start + 1 : end + 1]
        while words and words[0].text.lower() in ("of", "-", "'s", "’s"):
            words = words[1:]
        return self._join(words)

    def _names_around(self, index: int) -> bool:
        return (
            index > 0
            and self.tokens[index - 1].text[:1].isupper()
            and self.tokens[index + 1].text[:1].isupper()
        )

    def _join(self, words: list[Token]) -> str | None:
        if not words:
            return None
        return self.text[words[0].start : words[-1].end]


def _tokens(text: str, spans: list[tuple[int, int]]) -> list[Token]:
    """Words and marks, each figure one token ("29,000", "$1.2 trillion" are one)."""
    tokens: list[Token] = []
    for token in word_tokens(text):
        span = next(((s, e) for s, e in spans if s < token.end and token.start < e), None)
        if span is None:
            tokens.append(token)
        elif not tokens or tokens[-1].start != span[0]:
            tokens.append(Token(span[0], span[1], text[span[0] : span[1]]))
    return tokens


def _is_verb_form(word: str) -> bool:
    """A past tense or participle ("killed", "left", "seeking"): not part of a noun phrase."""
    if (word.endswith("ed") and len(word) > 4) or (word.endswith("ing") and len(word) > 5):
        return True
    return word in _irregular_forms()


@cache
def _irregular_forms() -> frozenset[str]:
    """Irregular pasts and participles, without those that are common words of another meaning
    (marked in the lexicon: "found", "saw")."""
    return frozenset(
        form for forms in irregular_verbs().values() for form in forms if not form.endswith("*")
    )


def _measure(quantity: Quantity, outcome: str | None, age: bool, role: str | None) -> str:
    if age:
        return "age"
    if quantity.base_unit == "s" and role:
        return f"duration ({role})"  # "in two weeks" (when) is no "for 30 days" (how long)
    if quantity.base_unit == "count":
        noun = quantity.counted or "count"
        return f"{noun} {OUTCOME_WORDS[outcome]}" if outcome else noun
    if quantity.base_unit.isupper():
        return f"money ({quantity.base_unit})"
    return _UNIT_KINDS.get(quantity.base_unit, quantity.base_unit)


def read_frames(text: str, quantities: list[Quantity], offset: int = 0) -> list[Reading]:
    """The frame of each quantity of one sentence (`offset`: the sentence's start)."""
    if not quantities:
        return []
    sentence = _Sentence(text, [(q.start - offset, q.end - offset) for q in quantities])
    readings: list[Reading] = []
    for quantity, (first, last) in zip(quantities, sentence.figures, strict=True):
        restated = sentence.restates(first)
        if restated is not None and restated < len(readings):
            # "grew $205 billion, or 26 percent", "20 km (12 miles)": the same figure again
            previous = readings[restated]
            frame = previous.frame.model_copy(
                update={"measure": _measure(quantity, None, False, None)}
            )
            readings.append(Reading(frame, previous.falling))
            continue
        if first >= len(sentence.tokens):
            readings.append(Reading(QuantityFrame(measure=_measure(quantity, None, False, None))))
            continue
        age = quantity.base_unit == "s" and bool(_OLD_AFTER.match(text, quantity.end - offset))
        whole = sentence.whole_of_part(first)
        form, falling, earlier = sentence.form_of(first, last, quantity)
        outcome = sentence.outcome_of(first, last) if quantity.base_unit == "count" else None
        period = sentence.period_of(first, last)
        if period and form == "level":
            form = "rate"
        if form == "level" and sentence.part_of_whole(first, last):
            form = "share"  # a part of a total is no total
        frame = QuantityFrame(
            measure=_measure(
                quantity,
                outcome,
                age,
                sentence.role_of(first, last, sentence.compound(first, last, quantity)),
            ),
            subject=sentence.lowercase_opening(
                None
                if whole
                else sentence.age_subject(first, last)
                if age
                else sentence.subject_of(first, last, quantity)
            ),
            time="earlier" if earlier else None if whole else sentence.time_of(first, last),
            statement=sentence.statement_of(first, last),
            form=form,
            period=period,
        )
        readings.append(Reading(frame, falling))
    return readings
