"""Cleaning one article's text into a Document: page chrome out (skip links, subscription
appeals, related-story lists, inline stock quotes), the title, published date and dateline taken
out of the text, and the body split into sentences whose offsets index into `Document.text`.
Headings, the standfirst and photo captions stay out of the sentences. Works on any outlet's copy.

The text is read within `article_bounds`, so that no text costs more than a long article;
`read_article` says what the bounds cut.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from summarize.ingest.article_bounds import bounded_page, bounded_paragraphs, bounded_text
from summarize.ingest.furniture import (
    BYLINE,
    PROSE_END,
    byline_outlet,
    cut_related_section,
    is_byline,
    is_caption,
    is_chrome,
    is_non_sentence,
    is_tail_note,
)
from summarize.ingest.markup import Metadata, html_to_text, markdown_to_text
from summarize.models import Document, Sentence
from summarize.text.calendar import (
    DAY,
    MONTH,
    MONTHS,
    TIMESTAMP_PATTERN,
    WEEKDAYS,
    YEAR,
    date_of,
    has_year,
)
from summarize.text.inflection import has_a_verb, in_dictionary
from summarize.text.lexicons import word_set
from summarize.text.sentences import paragraph_spans, sentence_spans
from summarize.text.tokens import content_terms, is_title_case

Kind = Literal["text", "markdown", "html"]

MIN_PROSE_WORDS = 5  # an article has at least one sentence this long
MAX_HEADLINE_WORDS = 20  # first sentence of a "Title. lead text" source taken as its title
# ... or this long when in headline capitals, which no sentence of prose has ("Jim Acosta Hits
# Back After Trump Says He Should Be 'Ashamed': CNN's Record On the Truth 'A Lot Better Than
# Yours'", 21 words).
MAX_TITLE_CASE_HEADLINE_WORDS = 30
HEADLINE_AND_DATELINE_CHARS = 1_000
# A standfirst (the deck under a headline) is a sentence or two: a dateline after more text than
# this opens a later part of the story ("LONDON — Meanwhile ..."), not the story.
MAX_STANDFIRST_SENTENCES = 2
MAX_STANDFIRST_WORDS = 60
# ... read in this many lines, with the byline, the date, captions and buttons after it.
MAX_STANDFIRST_LINES = 12
# The date line is in the header: the lines above the story (headline, standfirst, byline,
# captions, labels, buttons), which a copied page can run to a dozen ("4 min", "Summarize",
# "Share", "Gift Article" ...). The search ends where the story begins: at a dateline, at a
# paragraph longer than a standfirst's sentence or a key point (a story's lead: "The Senate passed
# a sprawling $95 billion farm bill early Wednesday after ... more than a year.", 35 words), or
# once the prose is past a standfirst's length; a date in the story is the story's ("The law
# takes effect December 4, 2024.").
DATE_SEARCH_LINES = 20
MAX_HEADER_PARAGRAPH_WORDS = 30
MIN_COLON_PLACE_LETTERS = 5  # "WASHINGTON:" and "NEW DELHI:" are datelines, "NATO:" a label
MIN_WRAPPED_LINE_CHARS = 30  # a shorter line before a lowercase one ends where its author chose
WRAPPED_WIDTH_SHARE = 0.6  # a wrapped line is at least this share of its block's longest
# A line broken off mid-sentence: on a comma, a hyphen after a letter, or a word that needs the
# next one (an article, a preposition, a conjunction).
_BROKEN_OFF = re.compile(
    r"(?:,|(?<=[a-z])-|\b(?i:the|a|an|of|to|in|on|at|by|for|from|with|and|or|but|as|that|"
    r"which|while|whose|its|their|his|her|than|into|about|after|before|said))$"
)
_BROKEN_WORD = re.compile(r"(?<![\w-])([A-Za-z]+)-$")
CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)
# In prose the commonest word ("the") is under a tenth of the words; a text in which one word is
# over a quarter of them (of at least REPEATED_MIN_WORDS) is a word repeated, not an article.
REPEATED_WORD_SHARE = 0.25
REPEATED_MIN_WORDS = 100


def document_from_text(
    text: str,
    doc_id: str,
    path: str | None = None,
    kind: Kind = "text",
    title: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
) -> Document:
    """Clean one article into a Document; the given title, outlet and date win over found ones.

    The result may have no sentences (an empty page, a data file); `article_problem` says so.
    """
    return read_article(text, doc_id, path, kind, title, outlet, published)[0]


def read_article(
    text: str,
    doc_id: str,
    path: str | None = None,
    kind: Kind = "text",
    title: str | None = None,
    outlet: str | None = None,
    published: dt.date | None = None,
) -> tuple[Document, list[str]]:
    """`document_from_text`, and what the bounds cut from the text, in words a user understands
    (an empty list when nothing was cut)."""
    found = Metadata()
    if kind == "html" and not _HTML_TAG.search(text, 0, HTML_SNIFF_CHARS):
        kind = "text"  # a page saved as text under an .html name: no tag to read it by
    if kind == "html":
        text, cut = bounded_page(text)
        text, found = html_to_text(text)
    else:
        text, cut = bounded_text(text)
        if kind == "markdown":
            text, found = markdown_to_text(text)
    cleaned = _clean(text)
    paragraphs, cuts = bounded_paragraphs(cleaned.paragraphs)
    cuts = [cut, *cuts] if cut else cuts
    body = "\n\n".join(paragraphs)
    document = Document(
        id=doc_id,
        path=path,
        outlet=outlet or found.outlet or cleaned.agency,
        title=title or found.title or cleaned.title,
        published=published or found.published or cleaned.published,
        dateline=cleaned.dateline,
        text=body,
        sentences=_sentences(body, skip_non_sentences=True),
    )
    return document, cuts


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text` with exact offsets; each line is a paragraph."""
    return _sentences(text, skip_non_sentences=False)


def split_headline(text: str) -> tuple[str | None, str]:
    """("Title", "lead text") from "Title. lead text" when the first sentence is short. A title
    of its own ending in a stop shows where it was joined, the title of several sentences too
    ("US deficit hits $1 trillion. When will it matter?. WASHINGTON (AP) — ...", "Trump Is Unfit
    for This Crisis. Period.. The coronavirus ..."): the title runs to that mark."""
    joined = _JOINED_TITLE_END.search(text)
    if joined and len(text[: joined.start()].split()) <= MAX_HEADLINE_WORDS:
        return text[: joined.end() - 1], text[joined.end() :].lstrip()
    sentences = split_sentences(text)
    if len(sentences) < 2 or not any(_is_prose(sentence.text) for sentence in sentences[1:]):
        return None, text
    words = sentences[0].text.split()
    longest = MAX_TITLE_CASE_HEADLINE_WORDS if is_title_case(words) else MAX_HEADLINE_WORDS
    if len(words) > longest:
        return None, text
    return _TITLE_FINAL_PERIOD.sub("", sentences[0].text), text[sentences[1].start :]


def article_problem(document: Document) -> str | None:
    """Why the document is no news article (data or code), or None when it reads as one."""
    prose = sum(len(sentence.text) for sentence in document.sentences if _is_prose(sentence.text))
    if prose == 0:
        return f"not an article: no sentence of {MIN_PROSE_WORDS} or more words (data or code?)"
    if prose < len(document.text) / 2:
        return "not an article: less than half of it is prose (data or code?)"
    words = Counter(word.lower() for word in _WORD.findall(document.text))
    total = words.total()
    if total >= REPEATED_MIN_WORDS:
        word, count = words.most_common(1)[0]
        if count > REPEATED_WORD_SHARE * total:
            return (
                f"not an article: one word, “{word}”, is {count / total:.0%} of it (repeated text?)"
            )
    return None


def _is_prose(sentence: str) -> bool:
    if _CODE_MARK.search(sentence) or len(_WORD.findall(sentence)) < MIN_PROSE_WORDS:
        return False
    visible = len("".join(sentence.split()))
    letters = len(sentence) - len(_LETTERS.sub("", sentence))
    return letters >= 0.6 * visible


@dataclass
class _Cleaned:
    paragraphs: list[str]
    title: str | None
    published: dt.date | None
    dateline: str | None
    agency: str | None


def _clean(text: str) -> _Cleaned:
    lines = [line for line in _paragraphs(text) if not is_chrome(line)]
    lines = cut_related_section(lines)
    published, lines = _take_published(lines)
    bylines = [line for line in lines[:MAX_STANDFIRST_LINES] if is_byline(line)]
    body_start = 0
    while body_start < len(lines) - 1 and is_non_sentence(lines[body_start]):
        body_start += 1
    header, body = lines[:body_start], lines[body_start:]
    # the dateline ends the header on lines of its own or opens the first body line
    dateline: _Dateline | None = None
    if ending := _header_dateline(header):
        count, dateline = ending
        del header[-count:]
    elif body and (dateline := _opening_dateline(body)):
        body[0] = body[0][dateline.end :]
    elif body and not header and (joined := _headline_then_dateline(body[0])):
        title, dateline, rest = joined
        header.append(title)
        body[0] = rest[dateline.end :]
    elif body and (opening := _story_opening(body)):
        index, start, dateline = opening
        body = [body[index][start:], *body[index + 1 :]]
    while len(body) > 1 and (is_non_sentence(body[-1]) or is_tail_note(body[-1])):
        body.pop()
    return _Cleaned(
        paragraphs=[line for line in body if line],
        title=_pick_title(header, body[0][:HEADLINE_AND_DATELINE_CHARS] if body else ""),
        published=published,
        dateline=dateline.place if dateline else None,
        agency=(dateline.agency if dateline else None)
        or next(filter(None, map(byline_outlet, bylines)), None),
    )


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, whitespace collapsed; lines wrapped mid-sentence are joined back (a PDF's
    or an e-mail's text, wrapped at a width), a word broken at a line's end mended."""
    paragraphs: list[list[str]] = []
    previous = ""  # the line before, "" after a blank line
    words: set[str] | None = None  # the text's words, read once a broken word needs them
    lines = [
        _LIST_MARKER.sub(
            "",
            _INLINE_MARKUP.sub(
                "", _LINK_LABEL.sub("", _TICKER_QUOTE.sub("", " ".join(raw.split())))
            ),
        )
        for raw in _INVISIBLE.sub("", text).splitlines()
    ]
    wrapped_block = _wrapped_blocks(lines)
    for index, line in enumerate(lines):
        if not line:
            previous = ""
            continue
        if previous and (wrapped_block[index] or _wrapped(previous, line)):
            if words is None and _BROKEN_WORD.search(previous):
                words = set(_LETTERS.findall(text.lower())) | CALENDAR_WORDS
            paragraphs[-1][-1], line = _joined(paragraphs[-1][-1], line, words or set())
            if line:
                paragraphs[-1].append(line)
        else:
            paragraphs.append([line])
        previous = paragraphs[-1][-1]
    return [" ".join(lines) for lines in paragraphs]


def _wrapped_blocks(lines: list[str]) -> list[bool]:
    """For each line, whether it goes on the line before as one paragraph wrapped at a width: a
    block between blank lines whose lines are all about as long as its longest (the width)
    but its last, which ends a sentence ("Norvik Energy agreed on Wednesday to acquire" /
    "Calder Power for $52 a share ..."). A headline above a byline, or a short heading above a
    paragraph, is no such block."""
    joined = [False] * len(lines)
    start = 0
    for end in [*(i for i, line in enumerate(lines) if not line), len(lines)]:
        block = lines[start:end]
        if len(block) >= 2 and PROSE_END.search(block[-1]):
            width = max(len(line) for line in block)
            if all(
                len(line) >= max(MIN_WRAPPED_LINE_CHARS, WRAPPED_WIDTH_SHARE * width)
                for line in block[:-1]
            ):
                joined[start + 1 : end] = [True] * (len(block) - 1)
        start = end + 1
    return joined


def _wrapped(previous: str, line: str) -> bool:
    """`line` goes on the sentence the line before broke off: that line ends no sentence, and
    either this one opens in lower case after a line of some length (a shorter one ends where
    its author chose: a heading), or that one ends where no sentence or heading can: on a comma,
    a word broken by a hyphen, or a word that needs the next ("of", "the", "while")."""
    if PROSE_END.search(previous):
        return False
    if line[:1].islower() and len(previous) >= MIN_WRAPPED_LINE_CHARS:
        return True
    return bool(_BROKEN_OFF.search(previous)) and (line[:1].isalnum() or line[:1] in '$€£"“')


def _joined(previous: str, line: str, words: set[str]) -> tuple[str, str]:
    """The line before and this one, a word broken at the line's end mended when the mended word
    is one ("bil-" "lion": "billion", as the dictionary or the text itself has it), else kept
    with its hyphen ("well-" "known"); "" for this line when it went into the one before."""
    broken = _BROKEN_WORD.search(previous)
    if broken is None or not line[:1].islower():
        return previous, line
    head, rest = line.split(" ", 1) if " " in line else (line, "")
    word = broken.group(1) + head
    bare = word.rstrip(".,;:!?")
    mended = in_dictionary(bare.lower()) or bare.lower() in words
    joined = previous[: broken.start(1)] + (word if mended else f"{broken.group(1)}-{head}")
    return (f"{joined} {rest}" if rest else joined), ""


def _take_published(lines: list[str]) -> tuple[dt.date | None, list[str]]:
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
        if _dateline_at(line):
            break
        if not is_non_sentence(line):
            words = len(line.split())
            prose_words += words
            if words > MAX_HEADER_PARAGRAPH_WORDS or prose_words > MAX_STANDFIRST_WORDS:
                break
    return None, lines


@dataclass(frozen=True)
class _Dateline:
    """A dateline: the place the story was filed from and the agency that filed it (either may
    be missing: "(Reuters) -", "NEW YORK -"), and where the story's text starts after it."""

    place: str | None
    agency: str | None
    end: int


def _dateline_of(found: re.Match[str]) -> _Dateline:
    """The dateline a pattern found: its first place and agency groups that took part."""
    groups = found.groupdict()
    place = next(
        (value for name, value in groups.items() if name.startswith("place") and value), None
    )
    agency = next(
        (value for name, value in groups.items() if name.startswith("agency") and value), None
    )
    return _Dateline(place, agency.strip() if agency else None, found.end())


def _dateline_at(text: str, start: int = 0) -> _Dateline | None:
    """The dateline opening `text` at `start` in a form that is one wherever a story opens
    (`_DATELINE`): in capitals, with an agency or a date, after a headline or a standfirst."""
    found = _DATELINE.match(text, start)
    return _dateline_of(found) if found else None


def _header_dateline(header: list[str]) -> tuple[int, _Dateline] | None:
    """(lines, dateline) of a dateline that ends the header: on a line of its own ("WASHINGTON
    (AP) —"), or as a CNN page copied as text lays it out, its place, agency and dash on lines
    of their own ("Washington", "CNN", "—")."""
    if not header:
        return None
    if found := _DATELINE.fullmatch(header[-1]):
        return 1, _dateline_of(found)
    for count in (2, 3):
        lines = header[-count:]
        if len(lines) == count and (found := _GLUED_DATELINE.fullmatch("\n".join(lines))):
            return count, _dateline_of(found)
    return None


def _opening_dateline(body: list[str]) -> _Dateline | None:
    """The dateline opening the story's first paragraph. Besides the forms that are one
    anywhere a story opens (`_dateline_at`), three are datelines only here, at the very start
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
    if dateline := _dateline_at(first):
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


def _headline_then_dateline(line: str) -> tuple[str, _Dateline, str] | None:
    """(title, dateline, text) of a line that joins a headline and a dateline ("Postmaster
    general testifies ... . WASHINGTON — New Postmaster General ..."): a dateline opens the
    story's text, so the short sentence before it is the title. Only the line's opening is
    read: a headline and a dateline fit in it, and a line may be megabytes long."""
    opening = line[:HEADLINE_AND_DATELINE_CHARS]
    title, rest = split_headline(opening)
    dateline = _dateline_at(rest) if title else None
    if title is None or dateline is None:
        return None
    return title, dateline, line[len(opening) - len(rest) :]


def _story_opening(body: list[str]) -> tuple[int, int, _Dateline | None] | None:
    """(paragraph index, where in it, dateline) the story's text opens after a standfirst: the
    sentence or two of the deck under the headline are not the story's sentences. A dateline
    opens the story ("The president's plans would push federal spending ... WASHINGTON (AP) —
    President Biden will propose ..."), and so does the first paragraph after the writer's
    byline (the byline, a date or a caption between them go too). Only the opening of the first
    lines is read."""
    before, words, bylined = 0, 0, False  # sentences and words before the one read
    for index, paragraph in enumerate(body[:MAX_STANDFIRST_LINES]):
        if before and is_non_sentence(paragraph):
            bylined = bylined or is_byline(paragraph)
            continue
        if bylined:
            dateline = _dateline_at(paragraph)
            return index, dateline.end if dateline else 0, dateline
        opening = paragraph[:HEADLINE_AND_DATELINE_CHARS]
        for start, end in sentence_spans(opening, 0, len(opening)):
            if before and (dateline := _dateline_at(paragraph, start)):
                return index, dateline.end, dateline
            before += 1
            words += len(opening[start:end].split())
            if before > MAX_STANDFIRST_SENTENCES or words > MAX_STANDFIRST_WORDS:
                return None
    return None


def _pick_title(header: list[str], lead: str) -> str | None:
    """The header line that reads like a headline (captions, bylines and labels do not) and
    shares the most words with the story's first paragraph, the first of equals: a headline
    tells the story's core event, where a site's tagline, its navigation or a breadcrumb above
    it ("Democracy Dies in Darkness", "Skip to navigation", "Home > Politics") share none."""
    candidates = [line for line in header if not is_caption(line) and not BYLINE.match(line)]
    headlines = [line for line in candidates if len(line.split()) >= 3] or candidates
    if not headlines:
        return None
    story = set(content_terms(lead))
    return max(headlines, key=lambda line: len(story.intersection(content_terms(line))))


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


def _sentences(text: str, skip_non_sentences: bool) -> list[Sentence]:
    paragraphs = list(paragraph_spans(text))
    skip = skip_non_sentences and len(paragraphs) > 1
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs):
        if skip and is_non_sentence(text[start:end]):
            continue
        for sentence_start, sentence_end in sentence_spans(text, start, end):
            sentences.append(
                Sentence(
                    index=len(sentences),
                    paragraph=number,
                    start=sentence_start,
                    end=sentence_end,
                    text=text[sentence_start:sentence_end],
                )
            )
    return sentences


# A page opens on a tag within this many characters (a doctype, <html>, <p>); text saved under an
# .html name has none.
HTML_SNIFF_CHARS = 4_096
_HTML_TAG = re.compile(r"<(?:!doctype|!--|/?[a-z][a-z0-9]*[\s/>])", re.I)
# A list item's marker opening a line of text ("- The TGV was ...", "• Forty-three ...").
_LIST_MARKER = re.compile(r"^[-•*▪◦‣·–]\s+(?=\S)")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width, soft hyphen
# A stock quote widget left inline by the page ("parent company Alphabet GOOG, +2.00% GOOGL,
# +1.89% as well"): a ticker symbol, a comma and a signed change, which prose never writes.
_TICKER_QUOTE = re.compile(r" [A-Z]{1,5}(?:\.[A-Z]{1,2})?, [+\-−]\d+(?:\.\d+)?%(?=[\s.,;:)]|$)")
# A link's label for screen readers left inline by the page: in brackets ("(opens in new tab)"),
# capitalised after a lower-case word ("amid the trade war Opens a New Window. between the
# United States and China": with its stop where the sentence goes on in lower case), or standing
# as a sentence of its own; "The store opens a new window display" is prose.
_NEW_WINDOW = r"(?:in )?(?:a )?(?i:new (?:window|tab))"
_LINK_LABEL = re.compile(
    rf" \((?i:opens? {_NEW_WINDOW})\)|"
    rf"(?<=[a-z,]) Opens {_NEW_WINDOW}(?:\.(?= [a-z])|(?=[\s.,;:]|$))|"
    rf"(?<=[.!?]) Opens {_NEW_WINDOW}\.(?= |$)"
)
# Markup left in text ("... from Hama. <img src=x> The UN envoy ..."), and an instrument code
# after a company's name ("Exxon Mobil <XOM.N>", "Brent crude futures <LCOc1>"): not prose.
_INLINE_MARKUP = re.compile(
    r"\s?(?:</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>|<\.?[A-Za-z0-9]{1,10}(?:\.[A-Za-z]{1,3})?>)"
)
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*+")
_CODE_MARK = re.compile(r"[{}<>=|\\`]|\(\)|\"\"\"|'''|//|^#|^\w+\(")

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
_CAPS_WORD = r"[A-Z](?:[A-Z.'’]|-(?=[A-Z]))++"
_PLACE_WORD = r"[A-Z][\w.'’]*+"  # possessive: what may follow a word is never in it
_LABEL = r"(?:FILE|PHOTO|UPDATE|UPDATED|EXCLUSIVE|BREAKING|WATCH|LIVE|VIDEO)\b"
_CAPS_PLACE = rf"(?!{_LABEL}){_CAPS_WORD}(?:[ /]{_CAPS_WORD}){{0,3}}"
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
# The forms that are datelines only at the very start of the story (`_opening_dateline`).
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
# A title of its own ending in a stop, joined to its text by another: "?.", "!.", and "..", not an
# ellipsis ("...").
_JOINED_TITLE_END = re.compile(r"(?:[?!][\"”’']?|(?<!\.)\.)\.(?=\s)")
_TITLE_FINAL_PERIOD = re.compile(r"(?<![A-Z]\.[A-Z])\.$")
