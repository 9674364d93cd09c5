"""Page furniture: the lines of a page that are not the story's sentences. Chrome (skip links,
subscription and cookie appeals, share buttons, credits), a trailing "Related stories" section,
headings, bylines and photo captions. Works on any outlet's copy."""

from __future__ import annotations

import re

from summarize.text.sentences import CLOSER

MAX_HEADING_WORDS = 30  # longer lines without final punctuation are body text
MAX_CHROME_CHARS = 600  # longer lines are body paragraphs, never page furniture

PROSE_END = re.compile(rf"[.!?…:;]{CLOSER}*$")
_CHROME_PHRASE = re.compile(
    r"(?i)\b(?:skip to (?:the )?(?:main )?content|skip navigation|story continues below"
    r"|send this page to|we use cookies|accept (?:all )?cookies|all rights reserved"
    r"|by becoming a (?:subscriber|member|supporter)|already a (?:subscriber|member)"
    r"|sign up for (?:our|the) \w*\s*newsletter|(?:download|get) the [\w ]{0,30}\bapp\b)"
)
_CHROME_START = re.compile(
    r"(?i)^(?:advertisement|advert|sponsored content|continue reading|click here|read more"
    r"|share this|share on|follow us|subscribe\b|sign up|sign in|log in|support us"
    r"|(?:additional )?(?:reporting|writing|editing) by)\b"
)
_CHROME_WORD = re.compile(
    r"(?i)\b(?:subscri(?:be|bers?|bing|ptions?)|newsletters?|advertisement|cookies"
    r"|donat(?:e|ions?)|support(?:ing)? (?:us|our journalism|the)|sign up|log in|free articles?)\b"
)
_ADDRESSES_READER = re.compile(r"(?i)\b(?:you|your|please)\b")
_RELATED_HEADING = re.compile(
    r"(?i)^(?:similar|related|recommended|more|further|latest|popular|trending|top|other"
    r"|most (?:read|popular|viewed|shared)|you (?:may|might) also (?:like|enjoy)|also read"
    r"|see also|read (?:more|next)|what to read next|editor'?s picks)"
    r"(?: (?:stories|articles|news|content|coverage|reads|posts|links|topics|videos|for you"
    r"|(?:from|on|in|about) [\w .,'’&-]{1,40}))?:?$"
)
_PHOTO_CREDIT = re.compile(r"(?i)\bphoto|\bimage|\bpicture|/")
_CAPTION_START = re.compile(
    r"^(?:FILE(?: PHOTO)?|PHOTO|IMAGE|PICTURED)\s*[-–—:]|^(?i:photo|image):"
)
BYLINE = re.compile(r"(?i)^(?:by|words by|written by|reporting by)\s+\S")


def is_chrome(line: str) -> bool:
    if len(line) > MAX_CHROME_CHARS:
        return False
    if _CHROME_PHRASE.search(line) or _CHROME_START.match(line):
        return True
    return bool(_CHROME_WORD.search(line)) and (
        is_heading(line) or bool(_ADDRESSES_READER.search(line))
    )


def cut_related_section(lines: list[str]) -> list[str]:
    """Lines before a "Related stories"-style heading that follows the body, if any."""
    body_seen = False
    for index, line in enumerate(lines):
        if body_seen and _RELATED_HEADING.match(line):
            return lines[:index]
        body_seen = body_seen or not is_non_sentence(line)
    return lines


def is_non_sentence(paragraph: str) -> bool:
    return is_heading(paragraph) or is_caption(paragraph)


def is_heading(paragraph: str) -> bool:
    return not PROSE_END.search(paragraph) and len(paragraph.split()) <= MAX_HEADING_WORDS


def is_caption(paragraph: str) -> bool:
    """A photo caption: "FILE - ..." or a line ending in a credit like "(AP Photo/Jane Roe)"."""
    if paragraph.endswith(")"):
        last_parenthesis = paragraph[paragraph.rfind("(") + 1 : -1]
        if _PHOTO_CREDIT.search(last_parenthesis):
            return True
    return bool(_CAPTION_START.match(paragraph))
