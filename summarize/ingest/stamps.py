"""The published date a page prints in its header: its date stamp, looked for down to where the
story begins ("Updated 3:45 PM EST, December 4, 2024", "Published On 4 Dec 2024", "TNN /
Updated: ...")."""

from __future__ import annotations

import datetime as dt
import re

from summarize.ingest.datelines import dateline_at
from summarize.ingest.furniture import MAX_STANDFIRST_WORDS, is_non_sentence
from summarize.text.calendar import TIMESTAMP_PATTERN, date_of, has_year

# The date line is in the header: the lines above the story (headline, standfirst, byline,
# captions, labels, buttons), which a copied page can run to a dozen ("4 min", "Summarize",
# "Share", "Gift Article" ...). The search ends where the story begins: at a dateline, at a
# paragraph longer than a standfirst's sentence or a key point (a story's lead: "The Senate passed
# a sprawling $95 billion farm bill early Wednesday after ... more than a year.", 35 words), or
# once the prose is past a standfirst's length; a date in the story is the story's ("The law
# takes effect December 4, 2024.").
DATE_SEARCH_LINES = 20
MAX_HEADER_PARAGRAPH_WORDS = 30
# A date stamp's label, in any case: "Published On", "UPDATED:", "Last updated"
_LABEL = r"(?i:date|published|posted|updated|last updated|first published)\b(?i:\s+on\b)?\s*:?\s*"
# An agency's or a desk's initials before a date stamp: "TNN / Updated: ...", "PTI | Dec 4".
_STAMP_SOURCE = re.compile(r"[A-Z]{2,6}\s*[/|·]\s*")
# A section's name after a bare date on its line: "Dec 4, 2024 - Energy & Environment".
_SECTION_AFTER = re.compile(r"(?:[-–—|·]\s*)?(?:(?:[A-Z][\w'’-]*|&)\s*){1,5}")
_DATE_LINE = re.compile(rf"^(?P<label>{_LABEL})?{TIMESTAMP_PATTERN}")
_LABEL_ALONE = re.compile(_LABEL)
# Another stamp after the date: "Updated: 15:45 EST, 4 December 2024", "Updated 2 hours ago", and
# "Updated ago" (the page's script writes the time in)
_STAMP_SEPARATORS = " ,:|·—–-"
_TIME_AGO = r"(?:\d+\s(?i:min(?:ute)?s?|hours?|hrs?|days?)\s)?(?i:ago)\b"
_LATER_STAMP = re.compile(
    rf"[{_STAMP_SEPARATORS}]*{_LABEL}(?:{TIMESTAMP_PATTERN}|{_TIME_AGO})?(?=\s?[|·]|$)"
)


def take_published(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """The date of the header's date line ("date 2024-12-04", "Published: ...", "Updated 3:45 PM
    EST, December 4, 2024", a bare date; "Published" on a line of its own above its date), and
    the lines without it (what follows a labelled date on its line stays, the page's other
    stamps on it go). See DATE_SEARCH_LINES for where it is looked for."""
    prose_words = 0
    for index, line in enumerate(lines[:DATE_SEARCH_LINES]):
        taken = 1
        dated = _date_line(line)
        if dated is None and index + 1 < len(lines) and _LABEL_ALONE.fullmatch(line):
            dated, taken = _date_line(f"{line} {lines[index + 1]}"), 2
        if dated:
            found, day, rest = dated
            if _SECTION_AFTER.fullmatch(rest):
                rest = ""  # a section's name: no line of the story
            if found.group("label") or not rest:
                return day, lines[:index] + ([rest] if rest else []) + lines[index + taken :]
        if dateline_at(line):
            break
        if not is_non_sentence(line):
            words = len(line.split())
            prose_words += words
            if words > MAX_HEADER_PARAGRAPH_WORDS or prose_words > MAX_STANDFIRST_WORDS:
                break
    return None, lines


def _date_line(line: str) -> tuple[re.Match[str], dt.date, str] | None:
    """(match, day, the rest of the line) of a line opening with a date stamp; the page's later
    stamps run into it are no rest ("December 4, 20249:15 AM UTCUpdated ago", "Published: ...
    | Updated: 15:45 EST, 4 December 2024")."""
    if source := _STAMP_SOURCE.match(line):  # "TNN / Updated: ...", "PTI | Dec 4, 2024, ..."
        line = line[source.end() :]
    found = _DATE_LINE.match(line)
    if found is None or not has_year(found):
        return None
    day = date_of(found)
    if day is None:
        return None
    end = found.end()
    while later := _LATER_STAMP.match(line, end):  # each takes a label: linear in the line
        end = later.end()
    return found, day, line[end:].strip(_STAMP_SEPARATORS)
