"""When a figure is: the time expressions of a sentence, and the one nearest each figure in its
part of the sentence (see the package docstring)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.analyze.frames.sentence import Sentence
from summarize.text.calendar import CALENDAR_DATE, DAY, MONTH, MONTHS, WEEKDAY, WEEKDAYS, YEAR
from summarize.text.lexicons import word_set
from summarize.text.report_verbs import is_speech_verb

# Words that make "since ..." a record's reach, not the figure's time: "the highest level since
# January", "the largest one-day drop since 1987" compare with the past; they date nothing.
_RECORD_WORDS = word_set(
    """
    highest lowest largest biggest smallest most least best worst first fastest slowest steepest
    sharpest strongest weakest deepest longest shortest greatest record
    """
)
_RECORD_REACH = 8  # tokens a record word may stand before its "since"
_PRONOUNS = word_set("it he she they we i you")
_SPEECH_OF_TIME = 2  # tokens a reporting verb may stand before a weekday it dates
# A perfect's auxiliaries, and words of what is yet to come: a "by" date of a perfect clause is
# when a count stood; of a plan or a future, a deadline.
_PERFECT = word_set("had has have 'd ’d")
_FUTURE = word_set(
    """
    will would shall must should aim aims aimed plan plans planned hope hopes hoped expect
    expects expected want wants wanted goal target
    """
)

# Words for the last period before now: "the previous quarter", "the most recent quarter".
_LAST = frozenset({"past", "previous", "prior", "latest", "recent", "most recent"})
_RELATIVE_TIME = re.compile(
    r"\b(?P<which>last|this|next|past|previous|prior|current|coming|same|latest|(?:most\s+)?recent)\s+"
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
# Trading sessions: a price move after hours, before the open or in early trading is not the
# day's move (its close), nor one of another session ("after hours of talks" is no session).
# Written in lower case but for a sentence's first letter: "at the Open" is a tournament.
_SESSIONS = {
    name: re.compile(words)
    for name, words in {
        "after-hours": r"[Aa]fter[\s-]hours(?!\s+of\b)|[Ee]xtended(?:[\s-]hours)?\s+trad(?:ing|e)"
        r"|[Pp]ost-?market",
        "pre-market": r"[Pp]re-?market|[Bb]efore\s+the\s+(?:opening\s+)?bell",
        "opening": r"[Ee]arly\s+trad(?:ing|e)|[Aa]t\s+the\s+open(?:ing\s+bell)?\b",
        "closing": r"[Aa]t\s+the\s+clos(?:e|ing\s+bell)\b",
    }.items()
}
_MONTH_TIME = re.compile(rf"(?P<month>{MONTH})(?:,?\s+(?P<year>{YEAR}))?")
_WEEKDAY_TIME = re.compile(WEEKDAY)
_YEAR_TIME = re.compile(rf"(?<![\d.,$])(?P<year>{YEAR})(?!\s*%|[\d,.]\d)")
# Words that only say when ("in 2019", "on the last day of May", "during the week ending May
# 30"), besides month and weekday names, years and days of the month.
# Nouns of a span of time: a phrase they head says when, whatever qualifies them ("the current
# budget year", "year-over-year").
TIME_SPANS = word_set("day days week weeks month months year years quarter quarters decade")
_TIME_WORDS = TIME_SPANS | word_set(
    """
    weekend period last this next past previous prior current coming same first second third
    fourth final early late mid end beginning ending ended morning afternoon evening night today
    yesterday previously formerly
    """
)
_YEAR_OR_DAY = re.compile(rf"(?:{YEAR}|{DAY})")
_ORDINAL_NUMBERS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}  # fmt: skip


@dataclass(frozen=True)
class Time:
    """A time expression: its span in the sentence and its key."""

    start: int
    end: int
    key: str


def find_times(sentence: Sentence) -> list[Time]:
    """The time expressions of the sentence, each with its key ("last week", "day:friday")."""
    found: list[Time] = []

    def add(start: int, end: int, key: str) -> None:
        if not any(t.start < end and start < t.end for t in found):
            found.append(Time(start, end, key))

    for match in CALENDAR_DATE.finditer(sentence.text):
        add(*match.span(), "date:" + re.sub(r"\W+", "-", match.group().lower()))
    for match in _PERIOD_OF_YEAR.finditer(sentence.text):
        number = match["q"] or match["h"] or str(_ORDINAL_NUMBERS[match["nth"].lower()])
        part = "half" if (match["part"] or "").lower() == "half" or match["h"] else "quarter"
        add(*match.span(), f"{part}:{number}")
    for match in _RELATIVE_TIME.finditer(sentence.text):
        if match["which"]:
            which = " ".join(match["which"].lower().split())
            which = "last" if which in _LAST else which
            which = "this" if which in ("current", "same") else which
            add(*match.span(), f"{which} {match['unit'].lower()}")
        else:
            add(*match.span(), f"{(match['ago_unit'] or match['before_unit']).lower()} before")
    for match in _SINCE.finditer(sentence.text):
        index = sentence.token_at(match.start())
        if _record_before(sentence, index):  # a record's reach, to the end of its phrase
            add(match.start(), _phrase_end(sentence, index), "")
        elif (match["what"] or "").lower() in _PRONOUNS:
            add(*match.span(), "")  # "since it broke out": the whole of the event, no time
        else:
            add(*match.span(), f"since:{(match['what'] or 'start').lower()}")
    for name, session in _SESSIONS.items():
        for match in session.finditer(sentence.text):
            add(*match.span(), f"session:{name}")
    for match in _MONTH_TIME.finditer(sentence.text):
        month = MONTHS[match["month"].rstrip(".").lower()]
        add(*match.span(), f"month:{month}" + (f"-{match['year']}" if match["year"] else ""))
    for match in _WEEKDAY_TIME.finditer(sentence.text):
        index = sentence.token_at(match.start())
        before = sentence.lower[max(0, index - _SPEECH_OF_TIME) : index]
        if not any(is_speech_verb(word) for word in before):
            add(*match.span(), f"day:{match.group().lower()}")
    for match in _YEAR_TIME.finditer(sentence.text):
        if not sentence.in_figure(sentence.token_at(match.start())):
            add(*match.span(), f"year:{match['year']}")
    return [time for time in found if time.key]


def _phrase_end(sentence: Sentence, index: int) -> int:
    """Where the phrase opened at token `index` ends: the next comma or clause break."""
    end = index
    while (
        end + 1 < len(sentence.tokens)
        and sentence.lower[end + 1] != ","
        and sentence.clause[end + 1] == sentence.clause[index]
    ):
        end += 1
    return sentence.tokens[end].end if sentence.tokens else 0


def _record_before(sentence: Sentence, index: int) -> bool:
    """A record word shortly before, in the same clause: "the highest level since"."""
    start = max(0, index - _RECORD_REACH)
    return any(
        sentence.lower[i] in _RECORD_WORDS and sentence.clause[i] == sentence.clause[index]
        for i in range(start, min(index, len(sentence.lower)))
    )


def _earlier_between(sentence: Sentence, end: int, time_start: int) -> bool:
    """A "from" value stands between the figure and a time after it: in "fell to 3.5% from
    3.6% in October" October is the earlier value's month, not the new level's, and in "up 26
    percent from the $779 billion deficit recorded at the end of 2018" 2018 is the deficit's."""
    return any(
        end <= sentence.tokens[first].start
        and sentence.tokens[last - 1].end <= time_start
        and _after_from(sentence, first)
        for first, last in sentence.figures
        if first < len(sentence.tokens)
    )


def _after_from(sentence: Sentence, first: int) -> bool:
    """ "from" stands right before the figure, or before a determiner before it ("from the")."""
    before = first - 1
    if sentence.lower[before : before + 1] in (["the"], ["a"], ["its"], ["their"]):
        before -= 1
    return before >= 0 and sentence.lower[before] == "from"


# Words that make a value the one before the news: "a previous forecast of $6 billion", "its
# earlier estimate of 3.1%", "$6 billion previously".
_EARLIER = word_set("previous prior earlier former")
_EARLIER_AFTER = word_set("previously formerly")
_HEDGES = word_set("about around nearly roughly some")  # "a previous forecast of about $6 billion"


def earlier_value(sentence: Sentence, first: int, last: int) -> bool:
    """The figure is the value before the news: "previously" right after it, or the noun it is
    "of" named as earlier ("down from a previous forecast of $6.0 billion")."""
    if sentence.lower[last : last + 1] and sentence.lower[last] in _EARLIER_AFTER:
        return True
    of = sentence.left(first, _HEDGES)
    return (
        of >= 2
        and sentence.lower[of] == "of"
        and sentence.lower[of - 2] in _EARLIER
        and sentence.clause[of - 2] == sentence.clause[first]
    )


# A figure told as it stands so far, which a later report may tell again larger or smaller: the
# perfect of a verb of what adds up ("seven people have now died", "the fire has burned 11,500
# acres", "17 had been rescued by Wednesday"; not "has been sentenced to 10 years", a done act),
# words of a state up to now ("so far", "to date", "still trapped", "latest"), or a move to a
# level ("the toll rose to 26"). A figure of a past moment told in the simple past ("was
# travelling at 47 mph when it derailed", "capsized 30 km from the port") is a fact that stays
# as it was.
_RUNNING = re.compile(
    r"\b(?:has|have|had|'s|’s)\s+(?:now\s+|so\s+far\s+|since\s+|already\s+|also\s+)?"
    r"(?:been\s+)?(?:risen|grown|fallen|climbed|increased|jumped|reached|swelled|burn(?:ed|t)|"
    r"scorched|consumed|spread|destroyed|damaged|died|killed|evacuated|displaced|rescued|"
    r"recovered|infected|hospitali[sz]ed|arrested|detained|confirmed|recorded|reported|counted|"
    r"collected|registered|signed|raised)\b"
    r"|\b(?:now|so\s+far|to\s+date|as\s+of|latest|currently|still|revised|updated)\b"
    r"|\b(?:rose|climbed|jumped|grew|increased|fell|dropped|swelled|soared|reached)\s+to\b",
    re.IGNORECASE,
)


# How far from a figure, within its part of the sentence, a word of a running state tells it.
_RUNNING_REACH = 60
_PART_ENDS = re.compile(
    r"[,;:—–()]|\s-\s|\b(?:after|before|when|while|because|although|though|which|who|whose)\b",
    re.IGNORECASE,
)


def tells_a_running_state(text: str, start: int, end: int) -> bool:
    """The figure at `start`..`end` of the sentence is told as it stands so far (`_RUNNING`),
    by words in its own part of the sentence: in "Lakeshore, which runs eight hospitals, has
    declined to say" the perfect is about declining, not the hospitals, and in "Seventeen
    people have now died after a landslide swept away about a dozen homes" about the dead."""
    before = _PART_ENDS.split(text[max(0, start - _RUNNING_REACH) : start])[-1]
    after = _PART_ENDS.split(text[end : end + _RUNNING_REACH])[0]
    return _RUNNING.search(f"{before} {text[start:end]} {after}") is not None


def time_of(sentence: Sentence, times: list[Time], first: int, last: int) -> str | None:
    """The nearest time expression in the figure's part of the sentence (between commas),
    or one opening the sentence ("In April, ..."); not one a comparison refers to
    ("higher than the month before")."""
    start, end = sentence.tokens[first].start, sentence.tokens[last - 1].end
    segment = _segment(sentence, first)
    near = []
    for time in times:
        index = min(sentence.token_at(time.start), len(sentence.tokens) - 1)
        before = sentence.lower[max(0, index - 2) : index]
        if start <= time.start < end or "than" in before:
            continue
        if time.key.endswith(" before") and {"from", "with", "to", "over"} & set(before):
            continue  # "rose 3% from a year earlier": the period of the change
        if before[-1:] in (["until"], ["till"]):
            continue  # "delaying the vote until Friday": when something else happens
        if time.start >= end and _earlier_between(sentence, end, time.start):
            continue
        opening = _segment(sentence, index) == 0 and not any(
            _segment(sentence, f) == 0 for f, _ in sentence.figures
        )
        if _segment(sentence, index) == segment or opening:
            by = sentence.lower[index - 1 : index] == ["by"] and not _reached(sentence, index)
            key = f"by {time.key}" if by else time.key
            near.append((min(abs(time.start - end), abs(start - time.end)), key))
    return min(near)[1] if near else None


def _reached(sentence: Sentence, index: int) -> bool:
    """The "by" before the time at `index` tells when a count stood, not a deadline: its clause
    is in the perfect, with nothing of the future ("17 had been rescued by Wednesday", "the toll
    has risen to 26 by Friday"; not "will have vaccinated 70 million by June")."""
    own = sentence.clause[index]
    words = {
        w
        for w, clause in zip(sentence.lower[:index], sentence.clause[:index], strict=True)
        if clause == own
    }
    return bool(_PERFECT & words) and not _FUTURE & words


def _segment(sentence: Sentence, index: int) -> int:
    """How many commas and clause ends precede the token."""
    return sum(
        1
        for i in range(index)
        if sentence.lower[i] == "," or sentence.clause[i + 1 : i + 2] != sentence.clause[i : i + 1]
    )


def is_time_word(word: str) -> bool:
    """A lower-cased word that only says when: "week", "last", "may", "2019", "30th"."""
    return (
        word in _TIME_WORDS
        or word.rstrip(".") in MONTHS
        or word in WEEKDAYS
        or _YEAR_OR_DAY.fullmatch(word) is not None
    )
