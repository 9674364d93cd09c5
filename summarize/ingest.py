"""Reading inputs and cleaning them into Documents, grouped in Clusters.

Inputs are article files (.txt, .md, .markdown, .html, .htm), directories of them, cluster files
(.jsonl: one cluster a line; .json: one cluster object or an array of them) and '-' for stdin.
Bad input never raises: each bad file, line or source becomes an InputProblem in its Cluster and
the other inputs are still read. `cluster_from_record` follows the same rule (a bad record gives
a Cluster with `problems`), so `InputError` only travels inside this module.

Cleaning works on any outlet's copy: it drops page chrome (skip links, subscription appeals,
related-story lists), takes the title, published date and dateline out of the text, and splits
the body into sentences whose offsets index into `Document.text`. Headings, the standfirst and
photo captions stay out of the sentences.
"""

from __future__ import annotations

import codecs
import datetime as dt
import itertools
import json
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, TextIO

from summarize.models import Cluster, Document, InputProblem, Sentence

Kind = Literal["text", "markdown", "html"]

MAX_INPUT_BYTES = 10 * 1024 * 1024
ARTICLE_SUFFIXES: dict[str, Kind] = {
    ".txt": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
}
CLUSTER_SUFFIXES = (".jsonl", ".json")
STDIN_ARG = "-"
STDIN_SOURCE = "<stdin>"
STDIN_DOCUMENT_ID = "stdin"
DEFAULT_CLUSTER_ID = "cluster"

MIN_PROSE_WORDS = 5  # an article has at least one sentence this long
MAX_HEADING_WORDS = 30  # longer lines without final punctuation are body text
MAX_HEADLINE_WORDS = 20  # first sentence of a "Title. lead text" source taken as its title
DATE_SEARCH_LINES = 6
MAX_CHROME_CHARS = 600  # longer lines are body paragraphs, never page furniture
MIN_WRAPPED_LINE_CHARS = 40  # a shorter line before a lowercase one ends where its author chose
_MB = 1024 * 1024


def _words(text: str) -> list[str]:
    return text.split()


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


class InputError(ValueError):
    """An input that cannot be used; the message says why, for the user."""


# ---------------------------------------------------------------- public API


def load_inputs(inputs: Sequence[str], stdin: TextIO | None = None) -> list[Cluster]:
    """Read command-line inputs into clusters.

    Article files, directories and plain text on stdin form one cluster, placed where the first
    of them appears; its id is the name of their common directory. Each .json/.jsonl file and
    JSON on stdin gives its own clusters. `stdin` defaults to sys.stdin.
    """
    clusters: list[Cluster] = []
    loose = Cluster(id=DEFAULT_CLUSTER_ID, documents=[])
    loose_index: int | None = None
    places: list[Path] = []
    seen: set[Path] = set()
    for arg in inputs:
        if arg == STDIN_ARG:
            records = _load_stdin(stdin if stdin is not None else sys.stdin, loose)
            if records is not None:
                clusters.extend(records)
                continue
        else:
            path = Path(arg)
            if path.suffix.lower() in CLUSTER_SUFFIXES and not path.is_dir():
                clusters.extend(_read_cluster_file(path, arg))
                continue
            places.append(path if path.is_dir() else path.parent)
            for file, label in _expand(path, arg, loose):
                if (resolved := file.resolve()) in seen:
                    loose.problems.append(
                        InputProblem(source=label, message="listed more than once; read once")
                    )
                    continue
                seen.add(resolved)
                _collect(loose, label, lambda file=file, label=label: _read_article(file, label))
        if loose_index is None:
            loose_index = len(clusters)
    if loose_index is not None:
        loose.id = _common_directory_name(places)
        clusters.insert(loose_index, loose)
    return clusters


def cluster_from_record(record: dict[str, Any], source: str = "<record>") -> Cluster:
    """One cluster from a JSON record {"id": str, "sources": [str | {"text": ...}, ...]}.

    Never raises: a bad record or source becomes a problem in the returned Cluster. A string
    source is "Title. lead text" (NeuS style): a short first sentence becomes the title. An object
    source may give "id", "text", "title", "outlet" and "published" (an unreadable date is
    ignored). Ids default to "{cluster id}-{n}", n counting sources from 1; without an "id" the
    cluster is named after `source`. Other keys are ignored.
    """
    if not isinstance(record, dict):
        message = f'expected a cluster object with "id" and "sources", got {_json_type(record)}'
        return Cluster(
            id=source, documents=[], problems=[InputProblem(source=source, message=message)]
        )
    record_id = record.get("id")
    cluster = Cluster(id=source if record_id in (None, "") else str(record_id), documents=[])
    sources = record.get("sources")
    if not isinstance(sources, list) or not sources:
        message = 'no "sources": expected a non-empty list of articles'
        cluster.problems.append(InputProblem(source=source, message=message))
        return cluster
    for number, item in enumerate(sources, 1):
        default_id = f"{cluster.id}-{number}"
        _collect(
            cluster,
            f"{source} source {number}",
            lambda item=item, default_id=default_id: _document_from_source(item, default_id),
        )
    return cluster


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

    The result may have no sentences (an empty page, a data file); load_inputs reports those.
    """
    found = _Metadata()
    if kind == "html":
        text, found = _html_to_text(text)
    elif kind == "markdown":
        text, found = _markdown_to_text(text)
    cleaned = _clean(text)
    body = "\n\n".join(cleaned.paragraphs)
    return Document(
        id=doc_id,
        path=path,
        outlet=outlet or found.outlet or cleaned.agency,
        title=title or found.title or cleaned.title,
        published=published or found.published or cleaned.published,
        dateline=cleaned.dateline,
        text=body,
        sentences=_sentences(body, skip_non_sentences=True),
    )


def split_sentences(text: str) -> list[Sentence]:
    """Every sentence of `text` with exact offsets; each line is a paragraph."""
    return _sentences(text, skip_non_sentences=False)


# ---------------------------------------------------------------- reading


def _collect(cluster: Cluster, source: str, read: Callable[[], Document]) -> None:
    """Add the document `read` gives to the cluster under a unique id, or record why not."""
    try:
        document = read()
        _require_article(document)
    except InputError as error:
        cluster.problems.append(InputProblem(source=source, message=str(error)))
        return
    taken = {existing.id for existing in cluster.documents}
    base, copy = document.id, 1
    while document.id in taken:
        copy += 1
        document.id = f"{base}-{copy}"
    cluster.documents.append(document)


def _load_stdin(stdin: TextIO, loose: Cluster) -> list[Cluster] | None:
    """The clusters JSON on stdin gives, or None when stdin was text, read into `loose`."""
    try:
        text = _read_stdin(stdin)
    except InputError as error:
        loose.problems.append(InputProblem(source=STDIN_SOURCE, message=str(error)))
        return None
    clusters = _clusters_from_stdin(text)
    if clusters is None:
        kind: Kind = "html" if _looks_like_html(text) else "text"
        _collect(
            loose, STDIN_SOURCE, lambda: document_from_text(text, STDIN_DOCUMENT_ID, kind=kind)
        )
    return clusters


def _expand(path: Path, label: str, cluster: Cluster) -> list[tuple[Path, str]]:
    """The article files an argument names (the file itself or a directory's readable files)."""
    if not path.is_dir():
        return [(path, label)]
    try:
        entries = sorted(path.iterdir())
    except OSError as error:
        cluster.problems.append(
            InputProblem(source=label, message=f"cannot read: {error.strerror}")
        )
        return []
    files = [
        entry
        for entry in entries
        if entry.suffix.lower() in ARTICLE_SUFFIXES
        and not entry.name.startswith(".")
        and entry.is_file()
    ]
    if not files:
        message = (
            "empty directory"
            if not entries
            else f"no readable files in directory (looked for {' '.join(ARTICLE_SUFFIXES)})"
        )
        cluster.problems.append(InputProblem(source=label, message=message))
    return [(file, str(file)) for file in files]


def _read_article(path: Path, label: str) -> Document:
    kind = ARTICLE_SUFFIXES.get(path.suffix.lower(), "text")
    return document_from_text(_read_text(path), path.stem, path=label, kind=kind)


def _read_text(path: Path) -> str:
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError("file not found") from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}") from None
    if size > MAX_INPUT_BYTES:
        raise InputError(_too_large(size))
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror}") from None
    return _decode(data)


def _read_stdin(stdin: TextIO) -> str:
    buffer = getattr(stdin, "buffer", None)
    data = (
        buffer.read(MAX_INPUT_BYTES + 1) if buffer is not None else stdin.read(MAX_INPUT_BYTES + 1)
    )
    if len(data) > MAX_INPUT_BYTES:
        raise InputError(_too_large(None))
    return _decode(data) if isinstance(data, bytes) else _require_text(data)


def _too_large(size: int | None) -> str:
    limit = f"{MAX_INPUT_BYTES // _MB} MB"
    return f"too large: {size / _MB:.1f} MB (limit {limit})" if size else f"too large: over {limit}"


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError("UTF-16 text, not UTF-8 (save it as UTF-8)")
    if b"\0" in data:
        raise InputError("binary file (contains NUL bytes), not text")
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        raise InputError(
            f"not UTF-8 text: invalid byte 0x{data[offset]:02x} at byte offset {offset}"
            " (save it as UTF-8)"
        ) from None
    return _require_text(text)


def _require_text(text: str) -> str:
    if not text.strip():
        raise InputError("empty file (only whitespace)" if text else "empty file")
    return text


def _looks_like_html(text: str) -> bool:
    return text.lstrip()[:15].lower().startswith(("<!doctype html", "<html"))


def _common_directory_name(places: list[Path]) -> str:
    if not places:
        return DEFAULT_CLUSTER_ID
    try:
        common = os.path.commonpath([os.path.abspath(place) for place in places])
    except ValueError:  # paths on different drives
        return DEFAULT_CLUSTER_ID
    return Path(common).name or DEFAULT_CLUSTER_ID


# ---------------------------------------------------------------- cluster records


def _read_cluster_file(path: Path, label: str) -> list[Cluster]:
    try:
        text = _read_text(path)
        if path.suffix.lower() == ".jsonl":
            return _clusters_from_jsonl(text, label)
        return _clusters_from_json(_load_json(text), label)
    except InputError as error:
        problem = InputProblem(source=label, message=str(error))
        return [Cluster(id=path.stem, documents=[], problems=[problem])]


def _load_json(text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InputError(f"not valid JSON: {error}") from None


def _clusters_from_json(data: Any, source: str) -> list[Cluster]:
    if isinstance(data, dict):
        return [cluster_from_record(data, source)]
    if isinstance(data, list) and data:
        return [cluster_from_record(item, f"{source}[{i}]") for i, item in enumerate(data)]
    raise InputError("expected a cluster object or a non-empty array of them")


def _clusters_from_jsonl(text: str, source: str) -> list[Cluster]:
    clusters = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            problem = InputProblem(source=where, message=f"not valid JSON: {error}")
            clusters.append(Cluster(id=where, documents=[], problems=[problem]))
            continue
        clusters.append(cluster_from_record(record, where))
    return clusters


def _clusters_from_stdin(text: str) -> list[Cluster] | None:
    """Clusters when stdin holds a JSON object or array or JSONL records; None for plain text."""
    if not text.lstrip().startswith(("{", "[")):
        return None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        first_line = text.lstrip().split("\n", 1)[0]
        try:
            is_jsonl = isinstance(json.loads(first_line), dict)
        except json.JSONDecodeError:
            return None
        return _clusters_from_jsonl(text, STDIN_SOURCE) if is_jsonl else None
    try:
        return _clusters_from_json(data, STDIN_SOURCE)
    except InputError as error:
        problem = InputProblem(source=STDIN_SOURCE, message=str(error))
        return [Cluster(id=STDIN_DOCUMENT_ID, documents=[], problems=[problem])]


def _document_from_source(item: Any, default_id: str) -> Document:
    if isinstance(item, str):
        title, body = _split_headline(item)
        return document_from_text(body, default_id, title=title)
    if not isinstance(item, dict):
        raise InputError(f'expected a string or an object with "text", got {_json_type(item)}')
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError('no "text": expected the article as a non-empty string')
    published = item.get("published")
    return document_from_text(
        text,
        str(item.get("id") or default_id),
        title=_optional_str(item.get("title")),
        outlet=_optional_str(item.get("outlet")),
        published=_parse_date(published) if isinstance(published, str) else None,
    )


def _split_headline(text: str) -> tuple[str | None, str]:
    """("Title", "lead text") from "Title. lead text" when the first sentence is short."""
    sentences = split_sentences(text)
    if (
        len(sentences) < 2
        or len(sentences[0].text.split()) > MAX_HEADLINE_WORDS
        or not any(_is_prose(sentence.text) for sentence in sentences[1:])
    ):
        return None, text
    return _TITLE_FINAL_PERIOD.sub("", sentences[0].text), text[sentences[1].start :]


def _optional_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _json_type(value: Any) -> str:
    names = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}
    return names.get(type(value), "null" if value is None else "a number")


def _require_article(document: Document) -> None:
    prose = sum(len(sentence.text) for sentence in document.sentences if _is_prose(sentence.text))
    if prose == 0:
        raise InputError(
            f"not an article: no sentence of {MIN_PROSE_WORDS} or more words (data or code?)"
        )
    if prose < len(document.text) / 2:
        raise InputError("not an article: less than half of it is prose (data or code?)")


def _is_prose(sentence: str) -> bool:
    if _CODE_MARK.search(sentence) or len(_WORD.findall(sentence)) < MIN_PROSE_WORDS:
        return False
    visible = len("".join(sentence.split()))
    letters = len(sentence) - len(_LETTERS.sub("", sentence))
    return letters >= 0.6 * visible


# ---------------------------------------------------------------- HTML and markdown


@dataclass
class _Metadata:
    title: str | None = None
    published: dt.date | None = None
    outlet: str | None = None


def _html_to_text(html: str) -> tuple[str, _Metadata]:
    import trafilatura  # lazily: its import costs about 0.1 s and only HTML needs it

    result = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        include_links=False,
    )
    if result is None:
        return "", _Metadata()
    return result.text or "", _Metadata(
        title=result.title or None,
        published=_parse_date(result.date) if result.date else None,
        outlet=result.sitename or None,
    )


def _markdown_to_text(markdown: str) -> tuple[str, _Metadata]:
    found = _Metadata()
    if front := _FRONT_MATTER.match(markdown):
        fields = dict(_FRONT_FIELD.findall(front.group(1)))
        found.title = fields.get("title", "").strip("\"' ") or None
        found.published = _parse_date(fields.get("date") or fields.get("published") or "")
        markdown = markdown[front.end() :]
    lines = []
    for line in _CODE_FENCE.sub("", markdown).splitlines():
        if _MD_DROPPED_LINE.match(line):
            continue
        if heading := _ATX_HEADING.match(line):
            line = heading.group(1)
            if found.title is None and not any(earlier.strip() for earlier in lines):
                found.title = _strip_inline_markdown(line)
                continue
        lines.append(_MD_LINE_PREFIX.sub("", line))
    return _strip_inline_markdown("\n".join(lines)), found


def _strip_inline_markdown(text: str) -> str:
    for pattern, replacement in _MD_INLINE:
        text = pattern.sub(replacement, text)
    return text


_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n---[ \t]*\n", re.DOTALL)
_FRONT_FIELD = re.compile(r"(?m)^(\w+)[ \t]*:[ \t]*(.*?)[ \t]*$")
_CODE_FENCE = re.compile(r"(?ms)^[ \t]*(```|~~~).*?^[ \t]*\1[^\n]*$")
_MD_DROPPED_LINE = re.compile(
    r"^\s*(?:(?:[-*_]\s*){3,}|=+|\[[^\]]+\]:\s+\S+.*)$"  # rules, setext underlines, link refs
)
_ATX_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_MD_LINE_PREFIX = re.compile(r"^\s*(?:>\s?)*(?:[-*+]\s+|\d+[.)]\s+)?")
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


# ---------------------------------------------------------------- cleaning


@dataclass
class _Cleaned:
    paragraphs: list[str]
    title: str | None
    published: dt.date | None
    dateline: str | None
    agency: str | None


def _clean(text: str) -> _Cleaned:
    lines = [line for line in _paragraphs(text) if not _is_chrome(line)]
    lines = _cut_related_section(lines)
    published, lines = _take_published(lines)
    body_start = 0
    while body_start < len(lines) - 1 and _is_non_sentence(lines[body_start]):
        body_start += 1
    header, body = lines[:body_start], lines[body_start:]
    # the dateline ends the header on a line of its own or opens the first body line
    dateline = _DATELINE.fullmatch(header[-1]) if header else None
    if dateline:
        header.pop()
    elif body and (dateline := _DATELINE.match(body[0])):
        body[0] = body[0][dateline.end() :]
    while len(body) > 1 and _is_non_sentence(body[-1]):
        body.pop()
    agency = dateline and (dateline.group("agency") or dateline.group("agency2"))
    return _Cleaned(
        paragraphs=[line for line in body if line],
        title=_pick_title(header),
        published=published,
        dateline=dateline.group("place") if dateline else None,
        agency=agency.strip() if agency else None,
    )


def _paragraphs(text: str) -> list[str]:
    """Non-empty lines, whitespace collapsed; long lines wrapped mid-sentence are joined back."""
    paragraphs: list[list[str]] = []
    previous = ""  # the line before, "" after a blank line
    for raw in _INVISIBLE.sub("", text).splitlines():
        line = " ".join(raw.split())
        wrapped = (
            line[:1].islower()
            and len(previous) >= MIN_WRAPPED_LINE_CHARS
            and not _PROSE_END.search(previous)
        )
        if wrapped:
            paragraphs[-1].append(line)
        elif line:
            paragraphs.append([line])
        previous = line
    return [" ".join(lines) for lines in paragraphs]


def _is_chrome(line: str) -> bool:
    if len(line) > MAX_CHROME_CHARS:
        return False
    if _CHROME_PHRASE.search(line) or _CHROME_START.match(line):
        return True
    return bool(_CHROME_WORD.search(line)) and (
        _is_heading(line) or bool(_ADDRESSES_READER.search(line))
    )


def _cut_related_section(lines: list[str]) -> list[str]:
    """Lines before a "Related stories"-style heading that follows the body, if any."""
    body_seen = False
    for index, line in enumerate(lines):
        if body_seen and _RELATED_HEADING.match(line):
            return lines[:index]
        body_seen = body_seen or not _is_non_sentence(line)
    return lines


def _take_published(lines: list[str]) -> tuple[dt.date | None, list[str]]:
    """The date of a leading "date 2024-12-04" / "Published: ..." / bare date line, and the
    lines without it (what follows a labelled date on its line stays)."""
    for index, line in enumerate(lines[:DATE_SEARCH_LINES]):
        found = _DATE_LINE.match(line)
        rest = line[found.end() :].strip(" ,|·—–-") if found else ""
        if found and (found.group("label") or not rest) and (day := _date_from(found)):
            return day, lines[:index] + ([rest] if rest else []) + lines[index + 1 :]
        if not _is_non_sentence(line):
            break
    return None, lines


def _pick_title(header: list[str]) -> str | None:
    """The first header line that reads like a headline (captions, bylines and labels do not)."""
    candidates = [line for line in header if not _is_caption(line) and not _BYLINE.match(line)]
    headlines = [line for line in candidates if len(line.split()) >= 3]
    return (headlines or candidates or [None])[0]


def _is_non_sentence(paragraph: str) -> bool:
    return _is_heading(paragraph) or _is_caption(paragraph)


def _is_heading(paragraph: str) -> bool:
    return not _PROSE_END.search(paragraph) and len(paragraph.split()) <= MAX_HEADING_WORDS


def _is_caption(paragraph: str) -> bool:
    """A photo caption: "FILE - ..." or a line ending in a credit like "(AP Photo/Jane Roe)"."""
    if paragraph.endswith(")"):
        last_parenthesis = paragraph[paragraph.rfind("(") + 1 : -1]
        if _PHOTO_CREDIT.search(last_parenthesis):
            return True
    return bool(_CAPTION_START.match(paragraph))


def _parse_date(value: str) -> dt.date | None:
    found = _DATE.match(value.strip())
    return _date_from(found) if found else None


def _date_from(found: re.Match[str]) -> dt.date | None:
    for year, month, day in (("y1", "m1", "d1"), ("y2", "m2", "d2"), ("y3", "m3", "d3")):
        if found.group(year):
            number = found.group(month)
            # a word that is no month name gives month 0, which dt.date rejects
            month_number = int(number) if number.isdigit() else _MONTHS.get(number.lower(), 0)
            try:
                return dt.date(int(found.group(year)), month_number, int(found.group(day)))
            except ValueError:
                return None
    return None


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # zero-width, soft hyphen
_CLOSERS = "\"”’')]»"
_CLOSER = f"[{re.escape(_CLOSERS)}]"
_PROSE_END = re.compile(rf"[.!?…:;]{_CLOSER}*$")
_LETTERS = re.compile(r"[^\W\d_]+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_CODE_MARK = re.compile(r"[{}<>=|\\`]|\(\)|\"\"\"|'''|//|^#|^\w+\(")

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
_BYLINE = re.compile(r"(?i)^(?:by|words by|written by|reporting by)\s+\S")

_MONTH_NAMES = _words(
    "january february march april may june july august september october november december"
)
_MONTHS = {name: number for number, full in enumerate(_MONTH_NAMES, 1) for name in (full, full[:3])}
_MONTHS["sept"] = 9
_MONTH_ABBREVIATIONS = frozenset(name for name in _MONTHS if name not in _MONTH_NAMES)
_MONTH = r"[A-Za-z]{3,9}"  # checked against _MONTHS when read
_DATE_PATTERN = (
    r"(?:(?P<y1>\d{4})[-/](?P<m1>\d{1,2})[-/](?P<d1>\d{1,2})"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{{4}})"
    rf"|(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m3>{_MONTH})\.?,?\s+(?P<y3>\d{{4}}))(?!\d)"
    r"(?:(?:T|,?\s+(?:at\s+)?)\d{1,2}[:.]\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}\b))?)?"
)
_DATE = re.compile(_DATE_PATTERN, re.IGNORECASE)
_DATE_LINE = re.compile(
    r"(?i)^(?P<label>(?:date|published|posted|updated|last updated|first published)"
    r"(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?" + _DATE_PATTERN
)
_DATELINE = re.compile(
    r"(?P<place>(?!(?:FILE|PHOTO|UPDATE|UPDATED|EXCLUSIVE|BREAKING|WATCH|LIVE|VIDEO)\b)"
    r"[A-Z](?:[A-Z.'’]|-(?=[A-Z]))+(?: [A-Z](?:[A-Z.'’]|-(?=[A-Z]))+){0,3})"
    r"(?:,\s*[A-Z][\w.]*(?: [\w.]+){0,2})?"  # ", Dec 3" or ", Ukraine"
    r"\s*(?:\((?P<agency>[^()]{1,40})\)\s*)?"
    r"[—–-]{1,2}(?=\s|$)\s*"
    r"(?:\((?P<agency2>[^()]{1,40})\)\s*[—–-]{1,2}\s*)?"
    r"(?=$|[\"“‘']?[A-Z0-9])"
)
_TITLE_FINAL_PERIOD = re.compile(r"(?<![A-Z]\.[A-Z])\.$")


# ---------------------------------------------------------------- sentences


def _sentences(text: str, skip_non_sentences: bool) -> list[Sentence]:
    paragraphs = list(_paragraph_spans(text))
    skip = skip_non_sentences and len(paragraphs) > 1
    sentences: list[Sentence] = []
    for number, (start, end) in enumerate(paragraphs):
        if skip and _is_non_sentence(text[start:end]):
            continue
        for sentence_start, sentence_end in _sentence_spans(text, start, end):
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


def _paragraph_spans(text: str) -> Iterator[tuple[int, int]]:
    for line in _LINE.finditer(text):
        span = _trim(text, line.start(), line.end())
        if span[0] < span[1]:
            yield span


def _sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cuts = [start, *(m.start() for m in _GLUED_SENTENCES.finditer(text, start, end)), end]
    for piece_start, piece_end in itertools.pairwise(cuts):
        yield from _spaced_sentence_spans(text, piece_start, piece_end)


def _spaced_sentence_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cut = start
    for terminal in _TERMINAL.finditer(text, start, end):
        word_start = terminal.start()
        while word_start > start and not text[word_start - 1].isspace():
            word_start -= 1
        word = text[word_start : terminal.start()].lstrip(_OPENERS)
        if _ends_sentence(word, terminal.group("mark"), terminal.group("next")):
            yield _trim(text, cut, terminal.end())
            cut = terminal.end()
    if cut < end:
        yield _trim(text, cut, end)


def _ends_sentence(word: str, mark: str, next_token: str) -> bool:
    """Whether `word` + `mark` ends a sentence, given the token that follows."""
    following = next_token.lstrip(_OPENERS)
    if not following or not (following[0].isupper() or following[0].isdigit()):
        return False
    if mark != ".":
        return True
    lower = word.lower()
    if lower in _NEVER_FINAL:
        return False
    if following[0].isdigit() and lower in _BEFORE_NUMBER:
        return False
    if lower in _MAYBE_FINAL or _INITIALISM.fullmatch(word) or (len(word) == 1 and word.isupper()):
        return following.rstrip(",;:").lower() in _SENTENCE_STARTERS
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_LINE = re.compile(r"[^\n]+")
_OPENERS = "\"“‘'([«"
# A sentence end with no space before the next one ("longer.MSCI's"), as text copied from web
# pages often has; two lowercase letters or digits before the stop keep "U.S." and "p.m." whole.
_GLUED_SENTENCES = re.compile(
    r"(?<=[a-z0-9]{2}[.!?])(?=[A-Z])|(?<=[a-z0-9]{2}[.!?][\"”’])(?=[A-Z])"
)
_TERMINAL = re.compile(rf"(?P<mark>[.!?…]+){_CLOSER}*(?=\s+(?P<next>\S+))")
_INITIALISM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")  # U.S, U.N, a.m (final period is the mark)


# titles and Latin abbreviations that a name or more text always follows
_NEVER_FINAL = _word_set(
    "mr mrs ms messrs dr prof sen sens rep reps gov gen lt col capt sgt maj adm cmdr rev hon"
    " pres supt st mt e.g i.e vs cf"
)
_BEFORE_NUMBER = _word_set("no nos vol p pp art fig ch sec") | _MONTH_ABBREVIATIONS
# abbreviations that may end a sentence: split only before a word that often starts one
_MAYBE_FINAL = (
    _word_set("inc corp co ltd llc plc jr sr bros etc dept univ est ave blvd rd ft approx")
    | _MONTH_ABBREVIATIONS
)
_SENTENCE_STARTERS = _word_set(
    "the a an in on at it its he she they we i you his her their our this that these those there"
    " but and or so yet as if when while after before since although though however meanwhile"
    " also still then now last earlier later some many most all both one for with by from what"
    " who why how where"
)
