"""Markup to text: HTML pages (trafilatura) and Markdown, with the metadata they carry."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from summarize.text.calendar import parse_date


@dataclass
class Metadata:
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None


def html_to_text(html: str) -> tuple[str, Metadata]:
    import trafilatura  # lazily: its import costs about 0.1 s and only HTML needs it
    from trafilatura.settings import Document as Extracted
    from trafilatura.settings import set_date_params

    result = trafilatura.bare_extraction(
        _CONTROL_REFERENCE.sub(" ", html),
        with_metadata=True,
        # The date only from where a page states when it was published (its metadata, a <time>
        # or a date element), never guessed from the text: a story's years ("the crash of
        # 2008-09", "since the 2016 election") say what it is about, and htmldate's extensive
        # search read them as 2008-09-01 and 2016-01-01. A "Published ..." line in the text is
        # read by `cleaning`.
        date_extraction_params=set_date_params(extensive=False),
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
        as_dict=False,
    )
    if not isinstance(result, Extracted):  # nothing extracted
        return "", Metadata()
    return result.text or "", Metadata(
        title=result.title or None,
        published=parse_date(result.date) if result.date else None,
        outlet=result.sitename or None,
    )


def markdown_to_text(markdown: str) -> tuple[str, Metadata]:
    found = Metadata()
    if front := _FRONT_MATTER.match(markdown):
        fields = dict(_FRONT_FIELD.findall(front.group(1)))
        found.title = fields.get("title", "").strip("\"' ") or None
        found.published = parse_date(fields.get("date") or fields.get("published") or "")
        markdown = markdown[front.end() :]
    lines: list[str] = []
    for line in _CODE_FENCE.sub("", markdown).splitlines():
        if _MD_DROPPED_LINE.match(line):
            continue
        if heading := _ATX_OPENING.match(line):
            line = _heading_text(line[heading.end() :])
            if found.title is None and not any(earlier.strip() for earlier in lines):
                found.title = _strip_inline_markdown(line)
                continue
        lines.append(_MD_LINE_PREFIX.sub("", line))
    return _strip_inline_markdown("\n".join(lines)), found


def _heading_text(rest: str) -> str:
    """A heading's text without its closing hashes ("Title ##"), read by string methods: a
    pattern with an optional closing after a lazy text backtracks over a long run of spaces."""
    text = rest.rstrip()
    unclosed = text.rstrip("#")
    if unclosed != text and (not unclosed or unclosed[-1].isspace()):
        return unclosed.rstrip()
    return text


def _strip_inline_markdown(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return text


# A numeric character reference to a C0 control other than tab, newline and CR, or to U+FFFE or
# U+FFFF ("&#12;", "&#x1f", "&#xFFFE;"; the semicolon is optional), which is never text in HTML:
# one anywhere in a page's text makes trafilatura extract nothing from the whole page.
_CONTROL_REFERENCE = re.compile(
    r"&#(?:0*+(?:[1-8]|1[124-9]|2[0-9]|3[01]|6553[45])(?![0-9])"
    r"|x0*+(?:[1-8bcef]|1[0-9a-f]|fff[ef])(?![0-9a-f]));?",
    re.IGNORECASE,
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_FRONT_FIELD = re.compile(r"(?m)^(\w+)[ \t]*:[ \t]*(.*?)[ \t]*$")
_CODE_FENCE = re.compile(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$")
_MD_DROPPED_LINE = re.compile(
    r"^\s*(?:(?:[-*_]\s*){3,}+|=+|\[[^\]]+\]:\s+\S+.*)$"  # rules, setext underlines, link refs
)
_ATX_OPENING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_LINE_PREFIX = re.compile(r"^\s*(?:>\s?)*+(?:[-*+]\s+|\d+[.)]\s+)?")
# spans are bounded so that a line of unmatched markers stays linear to scan
_MD_INLINE = [
    (re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,1000}\)"), ""),  # images
    (re.compile(r"\[([^\]\n]{1,300})\]\([^)\n]{0,1000}\)"), r"\1"),  # links
    (re.compile(r"\[([^\]\n]{1,300})\]\[[^\]\n]{0,100}\]"), r"\1"),  # reference links
    (re.compile(r"<[^>\n]{1,1000}>"), ""),  # inline HTML
    (re.compile(r"`([^`\n]{0,300})`"), r"\1"),
    (re.compile(r"(\*\*|__)(?=\S)(.{1,300}?)(?<=\S)\1"), r"\2"),
    (re.compile(r"(?<![\w*])\*(?=\S)(.{1,300}?)(?<=\S)\*(?![\w*])"), r"\1"),
    (re.compile(r"(?<!\w)_(?=\S)(.{1,300}?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(.{1,300}?)~~"), r"\1"),
]
