"""Find the days a sentence mentions and resolve them to calendar dates.

Absolute dates ("December 3, 2024", "3 Dec 2024", "2024-12-03") are always resolved. Dates
without a year ("Dec. 3"), weekdays ("late Tuesday") and relative days ("yesterday") need the
document's published date: a weekday is the most recent such day on or before it ("last Tuesday":
strictly before, "next Tuesday": strictly after), a year-less date takes the year that puts it
nearest to it (days ahead of it count double: news mostly looks back). Vaguer times ("last week",
"in March", "December 2024") and named days ("Black Friday", "Easter Sunday") are skipped.
"""

from __future__ import annotations

import datetime as dt
import re

from summarize.models import DateMention

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

# Month and weekday names must be capitalised: "may", "march" and "sun" are ordinary words.
_MONTH = (
    r"\b(?:(?:" + "|".join(name.capitalize() for name in MONTH_NAMES) + r")\b"
    r"|(?:" + "|".join(name.capitalize() for name in MONTH_ABBREVIATIONS) + r")\b\.?)"
)
_WEEKDAY = r"(?:" + "|".join(day.capitalize() for day in WEEKDAYS) + r")\b"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
_YEAR = r"(?:1[89]\d\d|20\d\d)\b"
_PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"

_CALENDAR = re.compile(
    rf"(?:\b{_WEEKDAY},?\s+)?"
    r"(?:\b(?P<iso>(?:1[89]|20)\d\d-\d\d-\d\d)\b"
    rf"|(?P<md_month>{_MONTH})\s+(?P<md_day>{_DAY})(?:,?\s+(?P<md_year>{_YEAR}))?"
    rf"|\b(?P<dm_day>{_DAY})(?:\s+of)?\s+(?P<dm_month>{_MONTH})(?:,?\s+(?P<dm_year>{_YEAR}))?)"
)
_DIGIT = re.compile(r"\d")
_WEEKDAY_PHRASE = re.compile(
    r"\b(?:(?P<modifier>[Ee]arly|[Ll]ate|[Ll]ast|[Nn]ext|[Tt]his)\s+)?"
    rf"(?P<day>{_WEEKDAY}){_PART_OF_DAY}"
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
    return [match.span() for match in _calendar_matches(text)]


def find_dates(text: str, offset: int = 0, published: dt.date | None = None) -> list[DateMention]:
    """Days mentioned in `text` (one sentence starting at `offset`), in order of appearance."""
    mentions: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for match in _calendar_matches(text):
        taken.append(match.span())
        value = _calendar_date(match, published)
        if value is not None:
            mentions.append(_mention(text, offset, match.span(), value))
    if published is not None:
        for match in [*_WEEKDAY_PHRASE.finditer(text), *_RELATIVE.finditer(text)]:
            if any(start < match.end() and match.start() < end for start, end in taken):
                continue
            if match.re is _RELATIVE:
                value = published + dt.timedelta(days=_RELATIVE_DAYS[_relative_word(match)])
            elif _named_day(text, match.start()):
                continue
            else:
                value = _weekday_date(match, published)
            mentions.append(_mention(text, offset, match.span(), value))
    return sorted(mentions, key=lambda mention: mention.start)


def _named_day(text: str, start: int) -> bool:
    name = _NAME_BEFORE.search(text, 0, start)
    return name is not None and name["word"].lower() not in _CAPITALISED_OK


def _calendar_matches(text: str) -> list[re.Match[str]]:
    if not _DIGIT.search(text):  # every calendar date has one; skips the costly pattern
        return []
    return list(_CALENDAR.finditer(text))


def _mention(text: str, offset: int, span: tuple[int, int], value: dt.date) -> DateMention:
    start, end = span
    return DateMention(start=offset + start, end=offset + end, text=text[start:end], value=value)


def _calendar_date(match: re.Match[str], published: dt.date | None) -> dt.date | None:
    if match["iso"]:
        try:
            return dt.date.fromisoformat(match["iso"])
        except ValueError:
            return None
    month_name = match["md_month"] or match["dm_month"]
    month = MONTHS[month_name.rstrip(".").lower()]
    day = int(re.sub(r"\D", "", match["md_day"] or match["dm_day"]))
    year_text = match["md_year"] or match["dm_year"]
    if year_text:
        return _valid_date(int(year_text), month, day)
    if published is None:
        return None
    candidates = [_valid_date(published.year + shift, month, day) for shift in (-1, 0, 1)]
    return min(
        (candidate for candidate in candidates if candidate is not None),
        key=lambda candidate: _distance(candidate, published),
        default=None,
    )


def _distance(candidate: dt.date, published: dt.date) -> int:
    """Days between the two, days ahead counting double."""
    days = (candidate - published).days
    return 2 * days if days > 0 else -days


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _weekday_date(match: re.Match[str], published: dt.date) -> dt.date:
    weekday = WEEKDAYS.index(match["day"].lower())
    modifier = (match["modifier"] or "").lower()
    if modifier == "next":
        return published + dt.timedelta(days=(weekday - published.weekday() - 1) % 7 + 1)
    days_back = (published.weekday() - weekday) % 7
    if modifier == "last" and days_back == 0:
        days_back = 7
    return published - dt.timedelta(days=days_back)


def _relative_word(match: re.Match[str]) -> str:
    return (match["word"] or match["this"] or match["last"]).lower()
