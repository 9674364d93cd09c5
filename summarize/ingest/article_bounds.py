"""How much of one article's text is read, so that no text costs more than a long article.

A page is read up to MAX_HTML_TAGS tags (text extraction slows down faster than the page grows),
up to its first tag of over MAX_TAG_ATTRIBUTES attributes, its MAX_PAGE_ATTRIBUTES-th attribute
and its MAX_TABLE_CELLS-th table cell, any text up to MAX_LINES lines; a "sentence" over
MAX_SENTENCE_CHARS (no news sentence is; a line without stops, or a word repeated on and on, is)
is left out, and reading stops after MAX_SENTENCES sentences. Each bound says what it cut, in
words a user understands.
"""

from __future__ import annotations

import itertools
import re

from summarize.text.sentences import sentence_spans

MAX_SENTENCE_CHARS = 2000  # the longest sentences of long-form news are under 1,000 characters
MAX_SENTENCES = 1000  # per report: a 20,000-word feature
MAX_LINES = 20_000  # a long feature has a few hundred paragraphs
# A large news page has under 20,000 tags. Text extraction costs the square of a long run of
# sibling tags (one table row of 12,000 cells, 24,000 tags, took 11 s; 49,000 cells 170 s) and
# memory grows with every attribute read (100,000 tags of 100 attributes: 1.3 GB).
MAX_HTML_TAGS = 30_000
# A real tag has a few dozen attributes; parsing a tag and extracting the text around it cost the
# square of its attributes (10,000 on one tag took 1 s, 50,000 took 14 s), while a long quoted
# value costs no more than its length (a 1 MB data: URI, 0.4 s): a tag is bounded by attributes.
MAX_TAG_ATTRIBUTES = 1_000
# A large page has tens of thousands of attributes; the parser and the extractor hold about 1 KB
# for each (13,000 tags of 100 attributes, 10 MB: 1.4 GB).
MAX_PAGE_ATTRIBUTES = 200_000
# A news page's tables hold a few hundred cells; extracting the text around them costs the square
# of a row's cells (6,000 cells took 3 s, 15,000 took 15 s, 30,000 unclosed ones 55 s).
MAX_TABLE_CELLS = 5_000


def bounded_text(text: str) -> tuple[str, str | None]:
    """The text up to MAX_LINES lines, and what was left out."""
    return _first(text, _LINE_START, MAX_LINES, "lines")


def bounded_page(html: str) -> tuple[str, str | None]:
    """The page up to MAX_HTML_TAGS tags, up to its first tag of over MAX_TAG_ATTRIBUTES
    attributes and up to its MAX_PAGE_ATTRIBUTES-th attribute, and what was left out."""
    page, cut = _first(html, _TAG, MAX_HTML_TAGS, "HTML tags")
    crowded = _crowded_tag(page)
    if crowded is None:
        return page, cut
    tag, why = crowded
    return page[: tag.start()], (
        f"read it up to {why}; the {len(html) - tag.start():,} characters from it were left out"
    )


def bounded_paragraphs(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without their overlong sentences, with MAX_SENTENCES sentences at most in
    all; and what was cut. A paragraph within the bounds is kept as it is."""
    kept: list[str] = []
    overlong = sentences = unread = 0
    for number, paragraph in enumerate(paragraphs):
        spans = list(sentence_spans(paragraph, 0, len(paragraph)))
        short = [(a, b) for a, b in spans if b - a <= MAX_SENTENCE_CHARS]
        overlong += len(spans) - len(short)
        room = MAX_SENTENCES - sentences
        if len(short) > room:
            unread = len(paragraph) - short[room][0] + sum(map(len, paragraphs[number + 1 :]))
            short = short[:room]
        sentences += len(short)
        if short:
            kept.append(paragraph if short == spans else " ".join(paragraph[a:b] for a, b in short))
        if unread:
            break
    cuts = []
    if overlong:
        cuts.append(
            f"left out {overlong} sentence{'s' if overlong > 1 else ''} over "
            f"{MAX_SENTENCE_CHARS} characters (a line without full stops, or repeated text?)"
        )
    if unread:
        cuts.append(
            f"read its first {MAX_SENTENCES} sentences (the limit per report); "
            f"the {unread:,} characters after them were left out"
        )
    return kept, cuts


def _first(text: str, mark: re.Pattern[str], limit: int, what: str) -> tuple[str, str | None]:
    """`text` before the item after the `limit`-th (`mark` matches where an item starts: a line,
    a tag), and what was left out."""
    beyond = next(itertools.islice(mark.finditer(text), limit, None), None)
    if beyond is None or not text[beyond.start() :].strip():
        return text, None
    return text[: beyond.start()], (
        f"read its first {limit:,} {what}; the {len(text) - beyond.start():,} characters "
        "after them were left out"
    )


def _crowded_tag(html: str) -> tuple[re.Match[str], str] | None:
    """The first start tag of over MAX_TAG_ATTRIBUTES attributes, or the one that takes the
    page past MAX_PAGE_ATTRIBUTES (counted as an HTML5 parser counts them) or MAX_TABLE_CELLS;
    and why."""
    total = cells = 0
    for tag in _START_TAG.finditer(html):
        if tag.group("name").lower() in ("td", "th"):
            cells += 1
            if cells > MAX_TABLE_CELLS:
                return tag, f"its {MAX_TABLE_CELLS:,}th table cell (a news page has hundreds)"
        count = len(_ATTRIBUTE.findall(html, tag.end("name"), tag.end()))
        if count > MAX_TAG_ATTRIBUTES:
            return (
                tag,
                f"a tag of over {MAX_TAG_ATTRIBUTES:,} attributes (no real tag has that many)",
            )
        total += count
        if total > MAX_PAGE_ATTRIBUTES:
            return tag, f"its {MAX_PAGE_ATTRIBUTES:,}th attribute (a large page has far fewer)"
    return None


# Where a line starts (after what str.splitlines splits at), and where an HTML tag does.
_LINE_START = re.compile("^|(?<=\r)(?!\n)|(?<=[\n\x0b\x0c\x1c-\x1e\x85\u2028\u2029])")
_TAG = re.compile(r"<[A-Za-z/!?]")
# A start tag as the HTML5 tokenizer reads it: its name, then attributes parted by HTML's spaces
# or "/" (or by nothing after a quoted value), each a name, then maybe "=" and a value in quotes,
# which may hold anything (">" too), or without them. Possessive throughout: linear to scan.
_HTML_SPACE = "\t\n\f\r "
_ATTRIBUTE_PATTERN = (
    rf"(?>[{_HTML_SPACE}/]*+[^{_HTML_SPACE}/>][^{_HTML_SPACE}/>=]*+"
    rf"(?:[{_HTML_SPACE}]*+=[{_HTML_SPACE}]*+(?:\"[^\"]*+\"|'[^']*+'|[^{_HTML_SPACE}>]*+))?+)"
)
_ATTRIBUTE = re.compile(_ATTRIBUTE_PATTERN)
_START_TAG = re.compile(rf"<(?P<name>[A-Za-z][^{_HTML_SPACE}/>]*+){_ATTRIBUTE_PATTERN}*+")
