"""Cleaning one article's text into a Document: its lines into paragraphs (`paragraphs`), page
furniture out (`furniture`: chrome, related boxes, notes, the story's end), the title, the
published date (`stamps`) and the dateline (`datelines`) taken out of the text, and the body split
into sentences whose offsets index into `Document.text`. Headings, the standfirst and photo
captions stay out of the sentences. Works on any outlet's copy.

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
from summarize.ingest.datelines import (
    HEADLINE_AND_DATELINE_CHARS,
    Dateline,
    dateline_at,
    header_dateline,
    opening_dateline,
)
from summarize.ingest.furniture import (
    BYLINE,
    MAX_STANDFIRST_LINES,
    MAX_STANDFIRST_SENTENCES,
    MAX_STANDFIRST_WORDS,
    byline_outlet,
    cut_related_section,
    is_byline,
    is_caption,
    is_chrome,
    is_non_sentence,
    is_tail_note,
)
from summarize.ingest.markup import Metadata, html_to_text, markdown_to_text
from summarize.ingest.paragraphs import paragraphs
from summarize.ingest.stamps import take_published
from summarize.models import Document, Sentence
from summarize.text.sentences import paragraph_spans, sentence_spans
from summarize.text.tokens import content_terms, is_title_case

Kind = Literal["text", "markdown", "html"]

MIN_PROSE_WORDS = 5  # an article has at least one sentence this long
MAX_HEADLINE_WORDS = 20  # first sentence of a "Title. lead text" source taken as its title
# ... or this long when in headline capitals, which no sentence of prose has ("Jim Acosta Hits
# Back After Trump Says He Should Be 'Ashamed': CNN's Record On the Truth 'A Lot Better Than
# Yours'", 21 words).
MAX_TITLE_CASE_HEADLINE_WORDS = 30
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
    lines = [line for line in paragraphs(text) if not is_chrome(line)]
    lines = cut_related_section(lines)
    published, lines = take_published(lines)
    # the outlet a byline names, where no dateline's agency does ("By Jamie Cole | Fox News")
    named = next(filter(None, map(byline_outlet, lines[:MAX_STANDFIRST_LINES])), None)
    body_start = 0
    while body_start < len(lines) - 1 and is_non_sentence(lines[body_start]):
        body_start += 1
    header, body = lines[:body_start], lines[body_start:]
    # the dateline ends the header on lines of its own or opens the first body line
    dateline: Dateline | None = None
    if ending := header_dateline(header):
        count, dateline = ending
        del header[-count:]
    elif body and (dateline := opening_dateline(body)):
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
        agency=(dateline.agency if dateline else None) or named,
    )


def _headline_then_dateline(line: str) -> tuple[str, Dateline, str] | None:
    """(title, dateline, text) of a line that joins a headline and a dateline ("Postmaster
    general testifies ... . WASHINGTON — New Postmaster General ..."): a dateline opens the
    story's text, so the short sentence before it is the title. Only the line's opening is
    read: a headline and a dateline fit in it, and a line may be megabytes long."""
    opening = line[:HEADLINE_AND_DATELINE_CHARS]
    title, rest = split_headline(opening)
    dateline = dateline_at(rest) if title else None
    if title is None or dateline is None:
        return None
    return title, dateline, line[len(opening) - len(rest) :]


def _story_opening(body: list[str]) -> tuple[int, int, Dateline | None] | None:
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
            dateline = dateline_at(paragraph)
            return index, dateline.end if dateline else 0, dateline
        opening = paragraph[:HEADLINE_AND_DATELINE_CHARS]
        for start, end in sentence_spans(opening, 0, len(opening)):
            if before and (dateline := dateline_at(paragraph, start)):
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
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*+")
_CODE_MARK = re.compile(r"[{}<>=|\\`]|\(\)|\"\"\"|'''|//|^#|^\w+\(")

# A title of its own ending in a stop, joined to its text by another: "?.", "!.", and "..", not an
# ellipsis ("...").
_JOINED_TITLE_END = re.compile(r"(?:[?!][\"”’']?|(?<!\.)\.)\.(?=\s)")
_TITLE_FINAL_PERIOD = re.compile(r"(?<![A-Z]\.[A-Z])\.$")
