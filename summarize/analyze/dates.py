"""Find the days a sentence mentions and resolve them to calendar dates.

Absolute dates ("December 3, 2024", "3 Dec 2024", "2024-12-03") are always resolved. Dates
without a year ("Dec. 3"), weekdays ("late Tuesday") and relative days ("yesterday") need the
document's published date: a weekday is the most recent such day on or before it ("last Tuesday":
strictly before, "next Tuesday": strictly after), a year-less date takes the year that puts it
nearest to it (days ahead of it count double: news mostly looks back). Vaguer times ("last week",
"in March", "December 2024") and named days ("Black Friday", "Easter Sunday") are skipped, and so
is a day that falls outside the calendar (a report published on 0001-01-01 has no "yesterday").
"""

from __future__ import annotations

import datetime as dt
import re

from summarize.models import DateMention
from summarize.text.calendar import WEEKDAY, WEEKDAYS, calendar_dates, date_of

_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
_WEEKDAY_PHRASE = re.compile(
    r"\b(?:(?P<modifier>[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)\s+)?"
    rf"(?P<day>{WEEKDAY}){_PART_OF_DAY}"
)
# A capitalised word before a weekday names a day ("Black Friday"), unless it is one of these.
_NAME_BEFORE = re.compile(r"\b(?P<word>[A-Z][a-z]+)\s+$")
_CAPITALISED_OK = {"on", "by", "since", "until", "till", "before", "after", "from", "through"}
_RELATIVE_DAYS = {"today": 0, "tonight": 0, "this": 0, "yesterday": -1, "last": -1, "tomorrow": 1}
_RELATIVE = re.compile(
    r"\b(?:(?:[Ee]arlier|[Ll]ater)\s+)?(?P<word>[Tt]oday|[Tt]onight|[Yy]esterday|[Tt]omorrow)\b"
    rf"{_PART_OF_DAY}"
    r"|\b(?P<this>[Tt]his)\s+(?:morning|afternoon|evening)\b"
    r"|\b(?P<last>[Ll]ast)\s+night\b"
)


def calendar_spans(text: str) -> list[tuple[int, int]]:
    """Spans of written calendar dates, with or without a year, so other analyzers skip them."""
    return [match.span() for match in calendar_dates(text)]


def find_dates(text: str, offset: int = 0, published: dt.date | None = None) -> list[DateMention]:
    """Days mentioned in `text` (one sentence starting at `offset`), in order of appearance."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for match in calendar_dates(text):
        taken.append(match.span())
        value = date_of(match, published)
        if value is not None:
            mentions.append(_mention(text, offset, match.span(), value))
    if published is not None:
        for match in [*_WEEKDAY_PHRASE.finditer(text), *_RELATIVE.finditer(text)]:
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            if match.re is _RELATIVE:
                value = _shifted(published, _RELATIVE_DAYS[_relative_word(match)])
            elif _named_day(text, match.start()):
                continue
            else:
                value = _weekday_date(match, published)
            if value is not None:
                mentions.append(_mention(text, offset, match.span(), value))
    return sorted(mentions, key=lambda mention: mention.start)


def _named_day(text: str, start: int) -> bool:
    name = _NAME_BEFORE.search(text, 0, start)
    return name is not None and name["word"].lower() not in _CAPITALISED_OK


def _mention(text: str, offset: int, span: tuple[int, int], value: dt.date) -> DateMention:
    start, end = span
    return DateMention(start=offset + start, end=offset + end, text=text[start:end], value=value)


def _weekday_date(match: re.Match[str], published: dt.date) -> dt.date | None:
    weekday = WEEKDAYS.index(match["day"].lower())
    modifier = (match["modifier"] or "").lower()
    if modifier == "next":
        return _shifted(published, (weekday - published.weekday() - 1) % 7 + 1)
    days_back = (published.weekday() - weekday) % 7
    if modifier == "last" and days_back == 0:
        days_back = 7
    return _shifted(published, -days_back)


def _shifted(day: dt.date, days: int) -> dt.date | None:
    """`day` moved by `days`, or None past either end of the calendar (years 1 to 9999)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return None


def _relative_word(match: re.Match[str]) -> str:
    return (match["word"] or match["this"] or match["last"]).lower()
