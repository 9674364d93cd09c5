"""Text as it is shown to people: shortened quotes, and text made safe for a terminal.

An article, a file name or a server's message may hold characters a terminal acts on instead of
showing: C0 and C1 controls (ESC and CSI start the sequences that recolour or hide text, move the
cursor, retitle the window or write a clickable link; a newline starts a line that looks like the
program's own) and the bidirectional controls that reorder what is shown (U+202E before
"txt.exe" makes it read "exe.txt"). Everything printed for a terminal goes through
`for_terminal`, which shows each such character as a visible escape; JSON keeps the exact text
through `escape_json`; HTML escapes it in its renderer; Markdown escapes its own syntax in
`for_markdown`.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from summarize.text.tokens import content_terms

# Bidirectional formatting: the embeddings, overrides and isolates, and the invisible marks.
BIDI_CONTROLS = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
# What JSON leaves raw in its strings: DEL and the C1 controls, the Unicode line and paragraph
# separators, the bidi controls. (JSON itself escapes C0.)
_RAW_IN_JSON = f"\x7f-\x9f\u2028\u2029{BIDI_CONTROLS}"
# Every control but the tab, which a terminal only moves past; and lone surrogates, which no
# terminal encoding holds.
_TERMINAL_UNSAFE = re.compile(f"[\x00-\x08\x0a-\x1f{_RAW_IN_JSON}\ud800-\udfff]")
_JSON_UNSAFE = re.compile(f"[{_RAW_IN_JSON}]")
_NAMED_ESCAPES = {"\n": "\\n", "\r": "\\r"}


# Markdown's inline syntax (emphasis, code, links, images, raw HTML, entity references, tables
# and strikethrough; an underscore inside a word, "000_82ce", emphasises nothing, and "&" only
# opens an entity reference, "&amp;", so "S&P 500" stays as written) and the markers that open
# a block at the start of a line (a heading, a quote, a list item, a rule, a fence).
# "<" opens an autolink or an HTML tag; ">" alone is text within a line ("> 100 pardons"), and
# a quotation block only at a line's start (`_MARKDOWN_BLOCK_START`).
_MARKDOWN_INLINE = re.compile(r"[\\`*\[\]<|~]|&(?=#?\w+;)|(?<![^\W_])_|_(?![^\W_])")
# A list marker or an ATX heading needs a space after it: "5.9%" and "-5 km" open no block;
# "---" is a rule.
_MARKDOWN_BLOCK_START = re.compile(
    r"^(\s*)(?:([>=]|-{2,}|(?:#{1,6}|[+\-])(?=\s|$))|(\d+)([.)])(?=\s|$))"
)


def for_markdown(text: str) -> str:
    """`text` (an article's words, a title, a file name) as Markdown that shows it as written:
    each character Markdown would read as syntax escaped, so an article cannot write a link
    whose target is hidden, pull in an image, or open a code block that swallows the report."""
    escaped = _MARKDOWN_INLINE.sub(lambda match: "\\" + match.group(), text)
    return _MARKDOWN_BLOCK_START.sub(_escape_block_start, escaped)


def _escape_block_start(match: re.Match[str]) -> str:
    """A block marker escaped ("\\# ...", "\\- ..."), or an ordered list's delimiter ("12\\.")."""
    indent, marker, number, delimiter = match.groups()
    return f"{indent}\\{marker}" if marker else f"{indent}{number}\\{delimiter}"


def in_ascii(text: str, output_format: str) -> str:
    """A rendered report in ASCII, for an output whose encoding lacks the reports' characters:
    JSON's as \\u escapes (they stand only in its strings), HTML's as character references; the
    same text once read. Markdown is left to the output's own escapes, for people."""
    if output_format == "json":
        return _NON_ASCII.sub(_json_escape, text)
    if output_format == "html":
        return text.encode("ascii", "xmlcharrefreplace").decode("ascii")
    return text


def _json_escape(match: re.Match[str]) -> str:
    units = match.group().encode("utf-16-be", "surrogatepass")
    return "".join(
        f"\\u{int.from_bytes(units[i : i + 2], 'big'):04x}" for i in range(0, len(units), 2)
    )


_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def shorten(text: str, limit: int = 90) -> str:
    """`text` on one line, cut to `limit` characters with an ellipsis when longer, at a word's
    end ("to obscure the…", not "to obscure the tr…"), unless one word fills the limit."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace() and " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"


def excerpt(text: str, near: Collection[str], limit: int = 90) -> str:
    """The part of `text` (on one line, at most `limit` characters with its ellipses) that holds
    the most of the words `near` (stems), cut at words' ends: the words a comparison rests on
    are shown, wherever they stand in a long sentence. The start of `text` when none is in it."""
    text = " ".join(text.split())
    words = _word_spans(text)
    hits = [any(term in near for term in content_terms(text[a:b])) for a, b in words]
    if len(text) <= limit or not any(hits):
        return shorten(text, limit)
    return _shown(text, words, *_densest(words, hits, limit - 2), limit)


def excerpt_around(text: str, phrase: str, limit: int = 90) -> str:
    """The part of `text` (on one line, at most `limit` characters with its ellipses) around the
    first place of `phrase`, cut at words' ends: the words a finding is about, mid-excerpt. The
    start of `text` when the phrase is not in it."""
    text, phrase = " ".join(text.split()), " ".join(phrase.split())
    start = text.find(phrase) if phrase else -1
    if len(text) <= limit or start < 0:
        return shorten(text, limit)
    words = _word_spans(text)
    inside = [i for i, (a, b) in enumerate(words) if a < start + len(phrase) and start < b]
    return _shown(text, words, inside[0], inside[-1], limit)


def _word_spans(text: str) -> list[tuple[int, int]]:
    return [(match.start(), match.end()) for match in re.finditer(r"\S+", text)]


def _shown(text: str, words: list[tuple[int, int]], first: int, last: int, limit: int) -> str:
    """The words `first` to `last` of `text`, widened while they fit `limit` with the ellipses
    that mark what is left out."""
    first, last = _widened(words, first, last, limit - 2)
    start, end = words[first][0], words[last][1]
    cut = text[start:end].rstrip(" ,;:")
    return ("…" if start else "") + cut + ("…" if end < len(text) else "")


def _densest(words: list[tuple[int, int]], hits: list[bool], width: int) -> tuple[int, int]:
    """The first and the last hit of the first run of words within `width` characters that
    holds the most hits."""
    best = (0, 0, 0)
    last = count = 0
    for first in range(len(words)):
        while last < len(words) and words[last][1] - words[first][0] <= width:
            count += hits[last]
            last += 1
        if count > best[0]:
            shown = [i for i in range(first, last) if hits[i]]
            best = (count, shown[0], shown[-1])
        count -= hits[first] if first < last else 0
        last = max(last, first + 1)
    return best[1], best[2]


def _widened(words: list[tuple[int, int]], first: int, last: int, width: int) -> tuple[int, int]:
    """The run widened a word at a time on either side while it fits: what it holds stands mid-
    excerpt."""

    def fits(first: int, last: int) -> bool:
        return first >= 0 and last < len(words) and words[last][1] - words[first][0] <= width

    while fits(first - 1, last) or fits(first, last + 1):
        first -= fits(first - 1, last)
        last += fits(first, last + 1)
    return first, last


def for_terminal(text: str) -> str:
    """`text` as one line that a terminal shows as it is: every control character (the tab
    excepted) and every bidi control written as an escape, `\\n`, `\\x1b`, `\\u202e`."""
    return _TERMINAL_UNSAFE.sub(_escape, text)


def escape_json(json_text: str) -> str:
    """JSON text with the characters it leaves raw (C1 controls, line separators, bidi
    controls) written as \\uXXXX escapes: the same text once decoded, nothing a terminal acts on
    in the bytes."""
    return _JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", json_text)


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED_ESCAPES.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
