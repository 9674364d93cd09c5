"""Datelines: where a story was filed, and the agency it came from, opening its text ("WASHINGTON
(AP) —", "Dec 4 (Reuters) -", "MINNEAPOLIS, Dec. 4, 2024 /PRNewswire/ --"), and the forms read
only at the very start of a story ("WASHINGTON:", "Beirut, Lebanon –", "WashingtonCNN —")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarize.ingest.furniture import BYLINE
from summarize.text.calendar import DAY, MONTH, YEAR
from summarize.text.inflection import has_a_verb, in_dictionary
from summarize.text.lexicons import word_set
from summarize.text.sentences import sentence_spans

# A headline and a dateline fit in this much of a line's opening: only it is read, as a line may
# be megabytes long.
HEADLINE_AND_DATELINE_CHARS = 1_000
MIN_COLON_PLACE_LETTERS = 5  # "WASHINGTON:" and "NEW DELHI:" are datelines, "NATO:" a label
_CAPS_WORD = r"[A-Z](?:[A-Z.'’]|-(?=[A-Z]))++"
_PLACE_WORD = r"[A-Z][\w.'’]*+"  # possessive: what may follow a word is never in it
_NOT_A_PLACE = r"(?:FILE|PHOTO|UPDATE|UPDATED|EXCLUSIVE|BREAKING|WATCH|LIVE|VIDEO)\b"
_CAPS_PLACE = rf"(?!{_NOT_A_PLACE}){_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}}"
_CAPS_REGION = r"(?:,\s*[A-Z][\w.]*(?: [\w.]+){0,2})?"  # ", Dec 3" or ", Ukraine"
_ANY_PLACE = (
    rf"{_PLACE_WORD}(?:[ /-]{_PLACE_WORD}){{0,3}}(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})?"
)
_AGENCY = r"[A-Z][\w.&' ]{1,28}"
# "Dec 4", "Dec. 4, 2024", "4 December"
_DAY_OF_MONTH = rf"(?:{MONTH}\s+{DAY}|{DAY}\s+{MONTH})(?:,?\s+{YEAR})?"
_STORY_STARTS = r"(?=$|[\"“‘']?[A-Z0-9])"
_DATELINE = re.compile(
    # "WASHINGTON (AP) —", "KYIV, Ukraine —", "LOS ANGELES/NEW YORK (Reuters) -"
    rf"(?:(?P<place>{_CAPS_PLACE}){_CAPS_REGION}"
    r"\s*(?:\((?P<agency>[^()]{1,40})\)\s*)?"
    r"[—–-]{1,2}(?=\s|$)\s*"
    r"(?:\((?P<agency2>[^()]{1,40})\)\s*[—–-]{1,2}\s*)?"
    # "New York (CNN) --", "Seoul, South Korea (CNN)North Korea ...": a place not in capitals
    # is a dateline only with its agency after it
    rf"|(?P<place2>{_ANY_PLACE})"
    r" \((?P<agency3>[A-Z][\w. ]{1,28})\)(?:\s*[—–-]{1,2}\s*)?"
    # "Washington, Dec 4 (PTI) The ...", "Washington, Dec. 4 (UPI) -- ": with its date, the
    # agency needs no dash after it
    rf"|(?P<place3>{_ANY_PLACE}),\s*{_DAY_OF_MONTH}\s*\((?P<agency5>{_AGENCY})\)"
    r"\s*(?:[—–-]{1,2}\s*)?"
    # "Dec 4 (Reuters) - ": a date and the agency, with its dash
    rf"|{_DAY_OF_MONTH}\s*\((?P<agency6>{_AGENCY})\)\s*[—–-]{{1,2}}\s+"
    # a press release's: "MINNEAPOLIS, Dec. 4, 2024 /PRNewswire/ -- ", "MINNEAPOLIS--(BUSINESS
    # WIRE)--"
    rf"|(?P<place4>{_CAPS_PLACE})(?:,\s*{_DAY_OF_MONTH})?\s*/(?P<agency7>{_AGENCY})/"
    r"\s*[—–-]{1,2}\s*"
    rf"|(?P<place5>{_CAPS_PLACE})\s*[—–-]{{1,2}}\s*\((?P<agency8>[A-Z][A-Z ]{{2,30}})\)"
    r"\s*[—–-]{1,2}\s*"
    # "(CNSNews.com) --", "(Reuters) -": the agency alone, with its dash, or run into the text
    # ("(CNN)The Senate ...")
    rf"|\((?P<agency4>{_AGENCY})\)(?:\s*[—–-]{{1,2}}\s+|(?=[A-Z])))" + _STORY_STARTS
)
# The forms that are datelines only at the very start of the story (`opening_dateline`).
# "WashingtonCNN — ", "Hong KongCNN Business — ": a place and its agency run together where a
# page's elements were flattened, or on lines of their own ("Washington\nCNN\n—"). The place's
# words end in lower case, the agency's capitals follow.
_GLUED_DATELINE = re.compile(
    r"(?P<place>[A-Z][a-z]++(?:[ -][A-Z][a-z]++){0,2}(?:, [A-Z][a-z]++(?: [A-Z][a-z]++)?)?)"
    r"\n?(?P<agency>[A-Z]{2,}+(?: [A-Z][a-z]++)?)\s*[—–-]{1,2}(?=\s|$)\s*" + _STORY_STARTS
)
# "NEW DELHI: The ...", "KYIV, Ukraine: ..."; not before a quotation, which a name and a colon
# give as that person's or that country's words ("RUSSIA: 'THE US IS IN NO POSITION ...'")
_COLON_DATELINE = re.compile(rf"(?P<place>{_CAPS_PLACE}){_CAPS_REGION}:\s+(?=[A-Z0-9])")
# "Beirut, Lebanon – Israeli ...", "Washington — The ...", "St. Louis — ...": one to three
# words written as names are ("McAllen", "Martha's"; not "McDonaldUSA"), and a region
_CITY_WORD = r"[A-Z][a-z]*+(?:[A-Z][a-z]++)?(?:['’][a-z]++)?\.?"
_PLACE_DASH_DATELINE = re.compile(
    rf"(?P<place>(?P<city>{_CITY_WORD}(?:[ -]{_CITY_WORD}){{0,2}})"
    rf"(?:, {_PLACE_WORD}(?: {_PLACE_WORD}){{0,2}})?)"
    r"\s*[—–-]{1,2}(?=\s)\s*(?=[\"“‘']?[A-Z0-9])"
)
# A dash that opens or closes an aside: an em or en dash, two hyphens, a hyphen between spaces.
_ASIDE_DASH = re.compile(r"[—–]|--| - ")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’.][^\W\d_]+)*+")
_POSSESSIVE = re.compile(r"['’]s$")
# Common words that place names are made of: "New Delhi", "Kansas City", "North Carolina".
_PLACE_NAME_WORDS = word_set(
    "new old city saint st san santa fort port mount mt east west north south upper lower"
    " central lake cape bay beach island islands"
)


@dataclass(frozen=True)
class Dateline:
    """A dateline: the place the story was filed from and the agency that filed it (either may
    be missing: "(Reuters) -", "NEW YORK -"), and where the story's text starts after it."""

    place: str | None
    agency: str | None
    end: int


def _dateline_of(found: re.Match[str]) -> Dateline:
    """The dateline a pattern found: its first place and agency groups that took part."""
    groups = found.groupdict()
    place = next(
        (value for name, value in groups.items() if name.startswith("place") and value), None
    )
    agency = next(
        (value for name, value in groups.items() if name.startswith("agency") and value), None
    )
    return Dateline(place, agency.strip() if agency else None, found.end())


def dateline_at(text: str, start: int = 0) -> Dateline | None:
    """The dateline opening `text` at `start` in a form that is one wherever a story opens
    (`_DATELINE`): in capitals, with an agency or a date, after a headline or a standfirst."""
    if BYLINE.match(text[start:]):
        return None  # "By Mikhail Sorokin, Svobodnaya Volga (English edition)": its writers
    found = _DATELINE.match(text, start)
    return _dateline_of(found) if found else None


def header_dateline(header: list[str]) -> tuple[int, Dateline] | None:
    """(lines, dateline) of a dateline that ends the header: on a line of its own ("WASHINGTON
    (AP) —"), or as a CNN page copied as text lays it out, its place, agency and dash on lines
    of their own ("Washington", "CNN", "—")."""
    if not header or BYLINE.match(header[-1]):
        return None
    if found := _DATELINE.fullmatch(header[-1]):
        return 1, _dateline_of(found)
    for count in (2, 3):
        lines = header[-count:]
        if len(lines) == count and (found := _GLUED_DATELINE.fullmatch("\n".join(lines))):
            return count, _dateline_of(found)
    return None


def opening_dateline(body: list[str]) -> Dateline | None:
    """The dateline opening the story's first paragraph. Besides the forms that are one
    anywhere a story opens (`dateline_at`), three are datelines only here, at the very start
    of the story:

    - a place and its agency run together where a page's elements were flattened
      ("WashingtonCNN — The Senate ...");
    - a place in capitals and a colon ("NEW DELHI: The ..."), when the place is a name and
      no later paragraph opens with a name and a colon the same way (a transcript's speakers,
      "BLITZER: ..."); "INDICATOR:", "WHAT IT MEANS:" and "EDITOR'S NOTE:" are words, no place;
    - a place not in capitals and a dash ("Beirut, Lebanon – Israeli air strikes hit ...",
      "Washington — The Senate ..."), when the place is a name and the dash opens a sentence
      of its own (`_opens_a_sentence`): "Biden — Trump's rival — said ..." is prose, as is
      "Washington — the city, not the state — is ...".
    """
    first = body[0]
    if dateline := dateline_at(first):
        return dateline
    if found := _GLUED_DATELINE.match(first):
        return _dateline_of(found)
    if (found := _COLON_DATELINE.match(first)) and _is_colon_place(found["place"]):
        speakers = (_COLON_DATELINE.match(paragraph) for paragraph in body[1:])
        if not any(speaker and _is_colon_place(speaker["place"]) for speaker in speakers):
            return _dateline_of(found)
    found = _PLACE_DASH_DATELINE.match(first)
    if found and _is_place_name(found["city"]) and _opens_a_sentence(first, found.end()):
        return _dateline_of(found)
    return None


def _is_place_name(place: str) -> bool:
    """`place` ("NEW DELHI", "Kyiv", "St. Louis") is a name, not words: each of its words is no
    common English word (a label: "INDICATOR", "EDITOR'S NOTE"; a title: "President") or one
    of the words place names are made of ("New", "City", "North")."""
    words = [_POSSESSIVE.sub("", word).lower() for word in _NAME_WORD.findall(place)]
    return bool(words) and all(
        word in _PLACE_NAME_WORDS or not in_dictionary(word) for word in words
    )


def _is_colon_place(place: str) -> bool:
    """A place in capitals before a colon is a name (`_is_place_name`) and not an initialism:
    one word of fewer than MIN_COLON_PLACE_LETTERS letters is more often an organisation or a
    bill that a headline's label names ("NATO:", "AHCA: Republican health care bill ...") than
    a city, whose dateline then stays in the text ("ROME: ...")."""
    return _is_place_name(place) and (" " in place or len(place) >= MIN_COLON_PLACE_LETTERS)


def _opens_a_sentence(text: str, start: int) -> bool:
    """The text after a place and its dash is a sentence of its own: it has a verb, and no dash
    in it closes an aside that the place's dash opened (their count is even: "Beirut — Israeli
    strikes — the heaviest in weeks — hit ..."). Only the opening of the text is read."""
    opening = text[: start + HEADLINE_AND_DATELINE_CHARS]
    end = next((end for _, end in sentence_spans(opening, start, len(opening))), len(opening))
    sentence = opening[start:end]
    return len(_ASIDE_DASH.findall(sentence)) % 2 == 0 and has_a_verb(sentence)
