"""What every part of the HTML page shares: escaping, and how a report is named and cited."""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass

from summarize.models import Document, Sentence, SummarySentence
from summarize.render.numbering import with_numbers
from summarize.text.display import BIDI_CONTROLS

# Controls no HTML text may hold (all of C0 but tab, newline and carriage return; DEL; C1): an
# article's stray control shows as the replacement character, not as a parse error.
_HTML_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi controls reorder what a page shows ("\u202e" turns the text after it around): an
# article's are dropped, so a quote reads as its characters stand.
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def escape(value: object) -> str:
    text = _BIDI.sub("", _HTML_CONTROLS.sub("\ufffd", str(value)))
    return html.escape(text, quote=True)


def script_json(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment in it (no raw < > &), all in
    ASCII: a page written to an output without UTF-8 keeps its data (character references are
    not read inside a script)."""
    text = json.dumps(data, ensure_ascii=True, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text


@dataclass(frozen=True)
class Source:
    number: int
    document: Document

    @property
    def anchor(self) -> str:
        return f"d{self.number}"

    @property
    def name(self) -> str:
        return self.document.outlet or self.document.id

    @property
    def label(self) -> str:
        """'[2] AP, 2024-12-04': how the summary, findings and chart name the report."""
        date = f", {self.document.published}" if self.document.published else ""
        return f"[{self.number}] {self.name}{date}"

    @property
    def dated_label(self) -> str:
        """'[5] 2024-12-03 AP': the date first, where a chart row has little room."""
        outlet = f" {self.document.outlet}" if self.document.outlet else ""
        return f"[{self.number}] {self.document.published or 'undated'}{outlet}"

    def sentence_anchor(self, sentence: Sentence) -> str:
        return f"{self.anchor}-s{sentence.index}"


def source_sentence(summary_sentence: SummarySentence, document: Document) -> Sentence | None:
    """The document's sentence a summary sentence came from, as compose recorded it."""
    for ref in summary_sentence.sources:
        if ref.document == document.id and 0 <= ref.sentence < len(document.sentences):
            return document.sentences[ref.sentence]
    return None


def cite(source: Source, sentence: Sentence | None) -> str:
    target = source.sentence_anchor(sentence) if sentence else source.anchor
    return f'<a class="cite" href="#{target}" title="{escape(source.label)}">[{source.number}]</a>'


def named_documents(explanation: str, sources: dict[str, Source]) -> str:
    """The explanation, escaped, with each document id replaced by its citation number."""
    return with_numbers(
        explanation, {document: source.number for document, source in sources.items()}, escape
    )
