"""Calendar names and the one grammar of written dates, shared by ingest (a report's published
date, from a page's timestamp with its time of day) and analyze (the days a sentence mentions).

Month and weekday names count only capitalised or in capitals: "may", "march" and "sun" are
ordinary words. Years run from 1800 to 2099: a news date outside them is a misreading (a code,
a count) or garbage, and is not read as a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
MONTHS = {name: number for number, name in enumerate(MONTH_NAMES, start=1)} | MONTH_ABBREVIATIONS
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# The names written out, which capitalised name a day, never a person or a thing.
CALENDAR_NAMES = frozenset((*MONTH_NAMES, *WEEKDAYS))
# "this week", "this morning": a period of the time of writing, which "this" points to; it
# points back to nothing told before.
PERIODS_OF_NOW = (
    "week", "year", "month", "morning", "afternoon", "evening", "weekend",
    "spring", "summer", "fall", "autumn", "winter",
)  # fmt: skip
PERIOD_OF_NOW = rf"(?:{'|'.join(PERIODS_OF_NOW)})\b"
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")


def _written(names: tuple[str, ...] | list[str]) -> str:
    forms = sorted({f for name in names for f in (name.capitalize(), name.upper())}, key=len)
    return "|".join(reversed(forms))


MONTH = rf"\b(?:(?:{_written(MONTH_NAMES)})\b|(?:{_written(list(MONTH_ABBREVIATIONS))})\b\.?)"
WEEKDAY = rf"\b(?:{_written(WEEKDAYS)})\b"
_WEEKDAY_WRITTEN = rf"\b(?:(?:{_written(WEEKDAYS)})|(?:{_written(WEEKDAY_ABBREVIATIONS)})\.?)"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
YEAR = r"(?:1[89]\d\d|20\d\d)\b"

# A year run into the time after it, as pages scraped without their markup have it
# ("December 4, 20249:15 AM UTC"): a year is four digits, so the digits after them are the time.
_YEAR_BEFORE_TIME = r"(?:1[89]|20)\d\d(?=\d{1,2}:\d\d)"

# "2024-12-04", "December 4, 2024", "Dec. 4", "4 December 2024", "the 4th of December";
# an opening weekday ("Wednesday, December 4") belongs to the date.
DATE_PATTERN = (
    rf"(?:{_WEEKDAY_WRITTEN},?\s+)?"
    r"(?:\b(?P<iso_year>(?:1[89]|20)\d\d)[-/](?P<iso_month>[01]?\d)[-/](?P<iso_day>[0-3]?\d)(?!\d)"
    rf"|(?P<md_month>{MONTH})\s+(?P<md_day>{DAY})(?:,?\s+(?P<md_year>{YEAR}|{_YEAR_BEFORE_TIME}))?"
    rf"|\b(?P<dm_day>{DAY})(?:\s+of)?\s+(?P<dm_month>{MONTH})"
    rf"(?:,?\s+(?P<dm_year>{YEAR}|{_YEAR_BEFORE_TIME}))?)"
)
# A time of day as pages print it, in any case, with its zone: "9:15", "09.15", "3:45 PM",
# "10:05 a.m.", "9 a.m.", "9:15 AM EST", "14:05 GMT+1", "10:00:00Z". A zone is capitals ending
# the word or run into the next capitalised one ("UTCUpdated ago"), so "BEIRUT" lends it none.
_MERIDIEM = r"[AaPp]\.?[Mm]\b\.?"
_ZONE = r"(?:Z\b|[+-]\d\d:?\d\d\b|[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d\d)?)?(?:\b|(?=[A-Z][a-z])))"
TIME_OF_DAY = (
    rf"\d{{1,2}}(?:[:.]\d\d(?::\d\d(?:\.\d+)?)?(?:\s?{_MERIDIEM})?|\s?{_MERIDIEM})"
    rf"(?:\s?{_ZONE})?"
)
_BETWEEN = r"\s?[,|·—–-]?\s?"  # what a page prints between a date and its time
# a time after a date: "T10:00:00Z", ", 10:05 a.m. EST", " at 9.30", " - 09:15 GMT", or run into
# the year before it (see _YEAR_BEFORE_TIME)
TIME_PATTERN = rf"(?:(?:T|{_BETWEEN}(?:at\s)?){TIME_OF_DAY})?"
# A page's timestamp: a date with the time after it, or the time first ("3:45 PM EST, December 4,
# 2024", "09:15 EST, 4 December 2024", "10:12 AM EST, Wed December 4, 2024").
TIMESTAMP_PATTERN = rf"(?:{TIME_OF_DAY}{_BETWEEN}(?:on\s)?)?{DATE_PATTERN}{TIME_PATTERN}"
CALENDAR_DATE = re.compile(DATE_PATTERN)
_DIGIT = re.compile(r"\d")


def calendar_dates(text: str) -> list[re.Match[str]]:
    """Every written calendar date in `text`, with or without a year."""
    if not _DIGIT.search(text):  # every calendar date has one; skips the costly pattern
        return []
    return list(CALENDAR_DATE.finditer(text))


def date_of(match: re.Match[str], published: dt.date | None = None) -> dt.date | None:
    """The day a match of DATE_PATTERN names. A date without a year needs the `published` date
    of its report: it takes the year that puts it nearest (days ahead count double: news mostly
    looks back). None when the day does not exist or cannot be placed."""
    if match["iso_year"]:
        return valid_date(int(match["iso_year"]), int(match["iso_month"]), int(match["iso_day"]))
    month_name = match["md_month"] or match["dm_month"]
    month = MONTHS[month_name.rstrip(".").lower()]
    day = int(re.sub(r"\D", "", match["md_day"] or match["dm_day"]))
    year_text = match["md_year"] or match["dm_year"]
    if year_text:
        return valid_date(int(year_text), month, day)
    if published is None:
        return None
    candidates = [valid_date(published.year + shift, month, day) for shift in (-1, 0, 1)]
    return min(
        (candidate for candidate in candidates if candidate is not None),
        key=lambda candidate: _distance(candidate, published),
        default=None,
    )


def has_year(match: re.Match[str]) -> bool:
    return bool(match["iso_year"] or match["md_year"] or match["dm_year"])


def parse_date(value: str) -> dt.date | None:
    """A full date (with its year) opening `value`: metadata such as "2024-12-04T10:00:00Z" or
    "Dec 4, 2024 at 10:05 a.m."; None otherwise."""
    match = CALENDAR_DATE.match(value.strip())
    return date_of(match) if match and has_year(match) else None


def valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except (ValueError, OverflowError):
        return None


def _distance(candidate: dt.date, published: dt.date) -> int:
    """Days between the two, days ahead counting double."""
    days = (candidate - published).days
    return 2 * days if days > 0 else -days


@dataclass(frozen=True)
class ClockTime:
    """A time of day a sentence gives: "2:40 a.m.", "around 8 p.m.", "17:40 GMT", "midnight"."""

    start: int
    end: int
    minutes: int  # after midnight
    zone: str | None  # "GMT", "ET"; None for local time, said or not
    hedged: bool  # "about", "shortly after"


# In running text a time of day has its meridiem or zone ("2:40 a.m.", "17:40 GMT"), or follows
# "at" ("at 18:30"): a bare "2:07:09" is a race time, "9.15" a figure.
_SENTENCE_TIME = re.compile(
    r"(?P<hedge>\b(?:about|around|approximately|roughly|some|nearly|almost|shortly after|"
    r"shortly before|just after|just before|soon after|after|before|by)\s+(?:at\s+)?)?"
    r"(?:(?P<at>\bat\s+)?(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?(?![:.]?\d)"
    rf"(?:\s?(?P<meridiem>{_MERIDIEM}))?(?:\s(?P<zone>GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|"
    r"MDT|PST|PDT|ET|PT|IST|JST|AEST|AEDT)\b)?"
    r"|\b(?P<named>midnight|noon|midday)\b)",
    re.IGNORECASE,
)


_IN_A_RANGE = re.compile(r"\s*(?:and|to|-|–)\s*\d")
_ENDS_A_RANGE = re.compile(rf"\d(?:\s?{_MERIDIEM})?\s*(?:and|to|-|–)\s*$")


def clock_times(text: str) -> list[ClockTime]:
    """The times of day `text` gives, in order; not ranges ("between 2 and 4 p.m.")."""
    found = []
    for match in _SENTENCE_TIME.finditer(text):
        minutes = _minutes_of(match)
        start = match.start("named") if match["named"] else match.start("hour")
        if (
            minutes is None
            or _IN_A_RANGE.match(text, match.end())
            or _ENDS_A_RANGE.search(text, max(0, start - 16), start)
        ):
            continue
        zone = match["zone"].upper() if match["zone"] else None
        found.append(ClockTime(start, match.end(), minutes, zone, match["hedge"] is not None))
    return found


def _minutes_of(match: re.Match[str]) -> int | None:
    if match["named"]:
        return 0 if match["named"].lower() == "midnight" else 12 * 60
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    meridiem = (match["meridiem"] or "").lower()[:1]
    if meridiem:
        if not 1 <= hour <= 12:
            return None
        return (hour % 12 + (12 if meridiem == "p" else 0)) * 60 + minute
    if match["zone"] or (match["at"] and match["minute"]):
        return hour * 60 + minute if hour < 24 else None
    return None
