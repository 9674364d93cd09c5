"""One self-contained HTML page for people who want to look rather than read a list.

The page shows the merged summary with citations linked to the sentences they came from, the
findings by severity (filterable by kind), a chart of each quantity as every report gives it, and
the reports side by side with the evidence highlighted. CSS and JS are inlined from the files in
`assets/`; a Content-Security-Policy allows only those two (by hash) and no network at all.

Every piece of article text goes through `html.escape`; the data the script needs travels as JSON
in `<script type="application/json">` with `<`, `>` and `&` escaped, so no article can end it.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import html
import json
import math
import re
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

from summarize.models import (
    KIND_LABELS,
    SEVERITIES,
    Document,
    Evidence,
    Finding,
    Report,
    ReportedValue,
    Sentence,
    SummarySentence,
)
from summarize.text.display import shorten
from summarize.text.units import display_scales, format_number, format_value

QUOTE_CHARS = 70  # quotes are shortened in the findings list; the reports show them whole
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


# ---------------------------------------------------------------- escaping


def _text(value: object) -> str:
    return html.escape(str(value), quote=True)


def script_json(data: object) -> str:
    """JSON that cannot end its <script> element or open a comment in it: no raw < > &."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(raw, escaped)
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


@functools.cache
def _asset(name: str) -> str:
    return resources.files("summarize.render").joinpath("assets", name).read_text("utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# ---------------------------------------------------------------- sources and citations


@dataclass(frozen=True)
class _Source:
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


def _sentence_at(document: Document, offset: int) -> Sentence | None:
    return next((s for s in document.sentences if s.start <= offset < s.end), None)


def _cite(source: _Source, sentence: Sentence | None) -> str:
    target = source.sentence_anchor(sentence) if sentence else source.anchor
    return f'<a class="cite" href="#{target}" title="{_text(source.label)}">[{source.number}]</a>'


# ---------------------------------------------------------------- summary


def _summary_html(report: Report, sources: dict[str, _Source]) -> str:
    if report.summary is None:
        return ""
    sentences = []
    for sentence in report.summary:
        cites = "".join(
            _cite(sources[c], source_sentence(sentence, sources[c].document))
            if c in sources
            else f'<span class="cite">[{_text(c)}]</span>'
            for c in sentence.citations
        )
        sentences.append(f"{_text(sentence.text)}{cites}")
    backend = f" ({_text(report.backend)})" if report.backend else ""
    return (
        '<section id="summary" aria-labelledby="summary-title">'
        f'<h2 id="summary-title">Merged summary{backend}</h2>'
        f'<p class="summary">{" ".join(sentences)}</p></section>'
    )


def _notes_html(report: Report) -> str:
    items = [f"<li>{_text(note)}</li>" for note in report.notes]
    items += [
        f"<li>Skipped <code>{_text(p.source)}</code>: {_text(p.message)}</li>"
        for p in report.problems
    ]
    if not items:
        return ""
    return (
        '<section id="notes" aria-labelledby="notes-title"><h2 id="notes-title">Notes</h2>'
        f"<ul>{''.join(items)}</ul></section>"
    )


# ---------------------------------------------------------------- findings


def _named_documents(explanation: str, sources: dict[str, _Source]) -> str:
    """The explanation, escaped, with each document id replaced by its citation number."""
    if not sources:
        return _text(explanation)
    names = "|".join(re.escape(i) for i in sorted(sources, key=len, reverse=True))
    ids = re.compile(rf"(?<!\w)(?:{names})(?!\w)")
    parts, last = [], 0
    for found in ids.finditer(explanation):
        parts += [_text(explanation[last : found.start()]), f"[{sources[found.group()].number}]"]
        last = found.end()
    return "".join([*parts, _text(explanation[last:])])


def _value_item(value: ReportedValue, sources: dict[str, _Source]) -> str:
    source = sources.get(value.document)
    cite = _cite(source, None) if source else f"[{_text(value.document)}]"
    return (
        f"<li>{cite} “{_text(value.text)}” "
        f'<span class="norm">{_text(format_value(value.normalized, value.unit))}</span></li>'
    )


def _quote_item(evidence: Evidence, sources: dict[str, _Source]) -> str:
    source = sources.get(evidence.document)
    quote = f"“{_text(shorten(evidence.quote, QUOTE_CHARS))}”"
    if source is None:
        return f"[{_text(evidence.document)}] {quote}"
    return f"{_cite(source, _sentence_at(source.document, evidence.start))} {quote}"


def _finding_html(finding: Finding, index: int, sources: dict[str, _Source]) -> str:
    label, description = KIND_LABELS[finding.kind]
    if finding.values:
        details = "".join(_value_item(v, sources) for v in finding.values)
        details = f'<ul class="values">{details}</ul>'
    else:
        quotes = " · ".join(_quote_item(evidence, sources) for evidence in finding.evidence)
        details = f'<p class="quotes">{quotes}</p>'
    return (
        f'<li class="finding" data-kind="{_text(finding.kind)}">'
        f'<button type="button" class="choose" data-finding="{index}" aria-pressed="false">'
        f'<span class="badge k-{_text(finding.kind)}" title="{_text(description)}">'
        f"{_text(label)}</span> "
        f'<span class="explanation">{_named_documents(finding.explanation, sources)}</span>'
        f"</button>{details}</li>"
    )


def _filters_html(report: Report) -> str:
    counts: dict[str, int] = {}
    for finding in report.findings:
        counts[finding.kind] = counts.get(finding.kind, 0) + 1
    boxes = []
    for kind in sorted(counts, key=list(KIND_LABELS).index):
        label, description = KIND_LABELS[kind]
        boxes.append(
            f'<label title="{_text(description)}"><input type="checkbox" value="{_text(kind)}" '
            f'checked> <mark class="ev k-{_text(kind)}">{_text(label)}</mark> '
            f'<span class="count">{counts[kind]}</span></label>'
        )
    return (
        '<fieldset class="filters"><legend>Kinds shown (the highlight style of each)</legend>'
        f"{''.join(boxes)}</fieldset>"
    )


def _findings_html(report: Report, sources: dict[str, _Source]) -> str:
    head = '<section id="findings" aria-labelledby="findings-title">'
    head += '<h2 id="findings-title">Where the reports differ</h2>'
    if len(sources) < 2:
        return f"{head}<p>Only one report: nothing to compare.</p></section>"
    if not report.findings:
        return f"{head}<p>No disagreements found.</p></section>"
    groups = []
    for severity in SEVERITIES:
        items = [
            _finding_html(finding, index, sources)
            for index, finding in enumerate(report.findings)
            if finding.severity == severity
        ]
        if items:
            groups.append(
                f'<section class="severity" data-severity="{severity}">'
                f'<h3>{severity.capitalize()} <span class="count">({len(items)})</span></h3>'
                f'<ol class="finding-list">{"".join(items)}</ol></section>'
            )
    hint = (
        '<p class="hint">Choose a finding (click, or Enter or Space) to highlight its quotes '
        "in every report.</p>"
    )
    return f"{head}{_filters_html(report)}{hint}{''.join(groups)}</section>"


# ---------------------------------------------------------------- chart

_CHART_WIDTH = 760
_LABEL_RIGHT = 190
_PLOT_LEFT, _PLOT_RIGHT = 205, 500
_WRITTEN_LEFT = 520
_ROW_HEIGHT = 26
_AXIS_HEIGHT = 34
_CHART_TICKS = 4


def _nice_step(span: float) -> float:
    magnitude = 10.0 ** math.floor(math.log10(span))
    return next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= span)


def _chart_rows(
    finding: Finding, sources: dict[str, _Source]
) -> list[tuple[str, list[ReportedValue]]]:
    """One row per report, dated reports first in date order, undated in report order."""
    unit = finding.values[0].unit
    by_document: dict[str, list[ReportedValue]] = {}
    for value in finding.values:
        if value.unit == unit:
            by_document.setdefault(value.document, []).append(value)

    def order(document_id: str) -> tuple[bool, str, int]:
        source = sources.get(document_id)
        published = source.document.published if source else None
        return published is None, str(published or ""), source.number if source else 0

    return [
        (sources[d].dated_label if d in sources else f"[{d}]", by_document[d])
        for d in sorted(by_document, key=order)
    ]


def _chart_svg(finding: Finding, index: int, sources: dict[str, _Source]) -> str:
    rows = _chart_rows(finding, sources)
    values = [v.normalized for _, row in rows for v in row]
    scale = display_scales(finding.values[0].unit, max(values, key=abs))[0]
    shown = [scale.convert(v) for v in values]
    lowest, highest = min(0.0, *shown), max(0.0, *shown)
    step = _nice_step((highest - lowest) / _CHART_TICKS or 1.0)
    low = math.floor(lowest / step) * step
    high = max(math.ceil(highest / step) * step, low + step)

    def x(amount: float) -> str:
        return f"{_PLOT_LEFT + (amount - low) / (high - low) * (_PLOT_RIGHT - _PLOT_LEFT):.1f}"

    axis_y = len(rows) * _ROW_HEIGHT + 4
    parts = []
    for tick in (low + i * step for i in range(round((high - low) / step) + 1)):
        parts.append(
            f'<line class="grid" x1="{x(tick)}" x2="{x(tick)}" y1="0" y2="{axis_y}"/>'
            f'<text class="tick" x="{x(tick)}" y="{axis_y + 16}" text-anchor="middle">'
            f"{_text(format_number(tick) + scale.symbol)}</text>"
        )
    for row, (label, row_values) in enumerate(rows):
        y = row * _ROW_HEIGHT + _ROW_HEIGHT / 2
        parts.append(
            f'<text class="row-label" x="{_LABEL_RIGHT}" y="{y + 4:.1f}" text-anchor="end">'
            f"{_text(shorten(label, 28))}</text>"
            f'<line class="row" x1="{_PLOT_LEFT}" x2="{_PLOT_RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts += [
            f'<circle cx="{x(scale.convert(v.normalized))}" cy="{y:.1f}" r="5"><title>'
            f"{_text(f'{label}: “{v.text}” = {format_value(v.normalized, v.unit)}')}</title>"
            "</circle>"
            for v in row_values
        ]
        written = " · ".join(v.text for v in row_values)
        parts.append(
            f'<text class="written" x="{_WRITTEN_LEFT}" y="{y + 4:.1f}">'
            f"{_text(shorten(written, 38))}</text>"
        )
    kind = KIND_LABELS[finding.kind][0]
    title = f"{kind}: each report's value in {scale.symbol.strip() or 'count'}, by report date"
    return (
        f'<svg class="chart" viewBox="0 0 {_CHART_WIDTH} {axis_y + _AXIS_HEIGHT - 4}" '
        f'role="img" aria-labelledby="chart-{index}-title"><title id="chart-{index}-title">'
        f"{_text(title)}</title>{''.join(parts)}</svg>"
    )


def _charts_html(report: Report, sources: dict[str, _Source]) -> str:
    figures = [
        f'<figure class="chart-figure"><figcaption><span class="badge k-{_text(finding.kind)}">'
        f"{_text(KIND_LABELS[finding.kind][0])}</span> "
        f"{_named_documents(finding.explanation, sources)}</figcaption>"
        f"{_chart_svg(finding, index, sources)}</figure>"
        for index, finding in enumerate(report.findings)
        if finding.values
    ]
    if not figures:
        return ""
    return (
        '<section id="figures" aria-labelledby="figures-title">'
        '<h2 id="figures-title">Figures as each report gives them</h2>'
        '<p class="hint">One row per report, dated reports in date order; the text on the right '
        f"is the wording of the report.</p>{''.join(figures)}</section>"
    )


# ---------------------------------------------------------------- reports


@dataclass(frozen=True)
class _Highlight:
    start: int
    end: int
    finding: int
    kind: str


def _highlights(report: Report, document: Document) -> list[_Highlight]:
    """Every evidence quote in this document, located by its offsets or else by its text."""
    found = []
    for index, finding in enumerate(report.findings):
        for evidence in finding.evidence:
            if evidence.document != document.id or not evidence.quote:
                continue
            start = evidence.start
            if document.text[start : evidence.end] != evidence.quote:
                start = document.text.find(evidence.quote)
            if start >= 0:
                found.append(_Highlight(start, start + len(evidence.quote), index, finding.kind))
    return found


def _paragraphs(text: str) -> list[tuple[int, int]]:
    bounds = [0]
    for found in _PARAGRAPH_BREAK.finditer(text):
        bounds += [found.start(), found.end()]
    bounds.append(len(text))
    return [(a, b) for a, b in zip(bounds[::2], bounds[1::2], strict=True) if text[a:b].strip()]


def _segment_html(text: str, covering: list[_Highlight]) -> str:
    if not covering:
        return _text(text)
    findings = " ".join(str(i) for i in sorted({h.finding for h in covering}))
    kinds = list(dict.fromkeys(h.kind for h in covering))
    closest = min(covering, key=lambda h: h.end - h.start).kind
    names = ", ".join(KIND_LABELS[kind][0] for kind in kinds)
    return (
        f'<mark class="ev k-{_text(closest)}" data-findings="{findings}" '
        f'data-kinds="{_text(" ".join(kinds))}" title="{_text(names)}">{_text(text)}</mark>'
    )


def _paragraph_html(
    source: _Source, start: int, end: int, highlights: list[_Highlight], named: set[int]
) -> str:
    """A paragraph with its sentences in spans (the first part of each with its id) and marks."""
    document = source.document
    sentences = [s for s in document.sentences if s.start < end and s.end > start]
    inner = {x for s in sentences for x in (s.start, s.end)}
    inner |= {x for h in highlights for x in (h.start, h.end)}
    cuts = sorted({start, end} | {x for x in inner if start < x < end})
    parts: list[str] = []
    current: Sentence | None = None
    for a, b in pairwise(cuts):
        sentence = next((s for s in sentences if s.start <= a < s.end), None)
        if sentence is not current:
            if current is not None:
                parts.append("</span>")
            if sentence is not None:
                anchor = ""
                if sentence.index not in named:
                    named.add(sentence.index)
                    anchor = f' id="{source.sentence_anchor(sentence)}"'
                parts.append(f'<span class="sentence"{anchor}>')
            current = sentence
        parts.append(
            _segment_html(document.text[a:b], [h for h in highlights if h.start <= a < h.end])
        )
    if current is not None:
        parts.append("</span>")
    kind = "" if sentences else ' class="extra"'
    return f"<p{kind}>{''.join(parts)}</p>"


def _report_html(report: Report, source: _Source) -> str:
    document = source.document
    highlights = _highlights(report, document)
    named: set[int] = set()
    body = "".join(
        _paragraph_html(source, a, b, highlights, named) for a, b in _paragraphs(document.text)
    )
    meta = [f'<span class="number">[{source.number}]</span>']
    if document.outlet:
        meta.append(f'<span class="outlet">{_text(document.outlet)}</span>')
    if document.published:
        meta.append(f'<time datetime="{document.published}">{document.published}</time>')
    else:
        meta.append('<span class="undated">undated</span>')
    if document.dateline:
        meta.append(f'<span class="dateline">{_text(document.dateline)}</span>')
    title = _text(document.title) if document.title else "<i>Untitled report</i>"
    return (
        f'<article class="report" id="{source.anchor}" aria-labelledby="{source.anchor}-title">'
        f'<header><p class="report-meta">{" · ".join(meta)}</p>'
        f'<h3 id="{source.anchor}-title">{title}</h3>'
        f'<p class="doc-id"><code>{_text(document.id)}</code></p></header>'
        f'<div class="report-text">{body}</div></article>'
    )


# ---------------------------------------------------------------- page


def _script_data(report: Report) -> dict[str, object]:
    return {
        "findings": [
            {
                "kind": finding.kind,
                "label": KIND_LABELS[finding.kind][0],
                "severity": finding.severity,
                "explanation": finding.explanation,
            }
            for finding in report.findings
        ]
    }


def render_html(report: Report, documents: list[Document]) -> str:
    """The report as one HTML page that needs nothing else: no network, no files beside it."""
    sources = {
        document.id: _Source(number, document) for number, document in enumerate(documents, start=1)
    }
    style, script = _asset("report.css"), _asset("report.js")
    policy = (
        f"default-src 'none'; style-src {_csp_hash(style)}; script-src {_csp_hash(script)}; "
        "base-uri 'none'; form-action 'none'"
    )
    name = report.id or "reports"
    title = f"{'Merged summary' if report.summary is not None else 'Consistency report'}: {name}"
    counts = f"{len(documents)} reports · {len(report.findings)} findings"
    nav = [
        ("summary", "Summary") if report.summary is not None else None,
        ("figures", "Figures") if any(f.values for f in report.findings) else None,
        ("findings", "Findings"),
        ("reports", "Reports"),
    ]
    links = "".join(f'<li><a href="#{a}">{label}</a></li>' for a, label in filter(None, nav))
    reports = "".join(_report_html(report, source) for source in sources.values())
    overview = _summary_html(report, sources) + _notes_html(report)
    overview = f"<div>{overview}</div>" if overview else ""
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="color-scheme" content="light dark">'
        f'<meta name="generator" content="summarize"><title>{_text(title)}</title>'
        f"<style>{style}</style></head><body>"
        '<a class="skip" href="#findings">Skip to the findings</a>'
        f'<header class="page"><h1>{_text(title)}</h1><p class="counts">{counts}</p>'
        f'<nav aria-label="Sections"><ul>{links}</ul></nav></header><main>'
        f'<div class="overview">{overview}{_charts_html(report, sources)}</div>'
        f'<div class="workspace">{_findings_html(report, sources)}'
        '<section id="reports" aria-labelledby="reports-title">'
        '<h2 id="reports-title">The reports</h2>'
        f'<div class="report-grid">{reports}</div></section></div></main>'
        '<div class="status" id="status" hidden>'
        '<span class="status-text" role="status" aria-live="polite"></span>'
        '<button type="button" data-action="previous">Previous quote</button>'
        '<button type="button" data-action="next">Next quote</button>'
        '<button type="button" data-action="back">Back to the finding</button>'
        '<button type="button" data-action="clear">Clear</button></div>'
        f'<script type="application/json" id="report-data">{script_json(_script_data(report))}'
        f"</script><script>{script}</script></body></html>\n"
    )
