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
import re
from dataclasses import dataclass
from importlib import resources
from itertools import pairwise

from summarize.models import (
    KIND_LABELS,
    NOTHING_FOUND,
    ONLY_ONE_REPORT,
    Document,
    Evidence,
    Finding,
    Report,
    ReportedValue,
    Sentence,
)
from summarize.render.chart import charts_html
from summarize.render.html_parts import (
    Source,
    cite,
    escape,
    named_documents,
    script_json,
    source_sentence,
)
from summarize.render.sections import finding_sections
from summarize.text.display import shorten
from summarize.text.units import format_value

QUOTE_CHARS = 70  # quotes are shortened in the findings list; the reports show them whole
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")


# ---------------------------------------------------------------- escaping


@functools.cache
def _asset(name: str) -> str:
    return resources.files("summarize.render").joinpath("assets", name).read_text("utf-8")


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


# ---------------------------------------------------------------- sources and citations


# ---------------------------------------------------------------- summary


def _summary_html(report: Report, sources: dict[str, Source]) -> str:
    if report.summary is None:
        return ""
    sentences = []
    for sentence in report.summary:
        cites = "".join(
            cite(sources[c], source_sentence(sentence, sources[c].document))
            if c in sources
            else f'<span class="cite">[{escape(c)}]</span>'
            for c in sentence.citations
        )
        sentences.append(f"{escape(sentence.text)}{cites}")
    backend = f" ({escape(report.backend)})" if report.backend else ""
    return (
        '<section id="summary" aria-labelledby="summary-title">'
        f'<h2 id="summary-title">Merged summary{backend}</h2>'
        f'<p class="summary">{" ".join(sentences)}</p></section>'
    )


def _notes_html(report: Report) -> str:
    items = [f"<li>{escape(note)}</li>" for note in report.notes]
    items += [
        f"<li>Skipped <code>{escape(p.source)}</code>: {escape(p.message)}</li>"
        for p in report.problems
    ]
    if not items:
        return ""
    return (
        '<section id="notes" aria-labelledby="notes-title"><h2 id="notes-title">Notes</h2>'
        f"<ul>{''.join(items)}</ul></section>"
    )


# ---------------------------------------------------------------- findings


def _value_item(value: ReportedValue, sources: dict[str, Source]) -> str:
    source = sources.get(value.document)
    cited = cite(source, None) if source else f"[{escape(value.document)}]"
    return (
        f"<li>{cited} “{escape(value.text)}” "
        f'<span class="norm">{escape(format_value(value.normalized, value.unit))}</span></li>'
    )


def _quote_item(evidence: Evidence, sources: dict[str, Source]) -> str:
    source = sources.get(evidence.document)
    quote = f"“{escape(shorten(evidence.quote, QUOTE_CHARS))}”"
    if source is None:
        return f"[{escape(evidence.document)}] {quote}"
    return f"{cite(source, source.document.sentence_at(evidence.start))} {quote}"


def _finding_html(finding: Finding, index: int, sources: dict[str, Source]) -> str:
    label, description = KIND_LABELS[finding.kind]
    if finding.values:
        details = "".join(_value_item(v, sources) for v in finding.values)
        details = f'<ul class="values">{details}</ul>'
    else:
        quotes = " · ".join(_quote_item(evidence, sources) for evidence in finding.evidence)
        details = f'<p class="quotes">{quotes}</p>'
    return (
        f'<li class="finding" data-kind="{escape(finding.kind)}">'
        f'<button type="button" class="choose" data-finding="{index}" aria-pressed="false">'
        f'<span class="badge k-{escape(finding.kind)}" title="{escape(description)}">'
        f"{escape(label)}</span> "
        f'<span class="explanation">{named_documents(finding.explanation, sources)}</span>'
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
            f'<label title="{escape(description)}"><input type="checkbox" value="{escape(kind)}" '
            f'checked> <mark class="ev k-{escape(kind)}">{escape(label)}</mark> '
            f'<span class="count">{counts[kind]}</span></label>'
        )
    return (
        '<fieldset class="filters"><legend>Kinds shown (the highlight style of each)</legend>'
        f"{''.join(boxes)}</fieldset>"
    )


def _findings_html(report: Report, sources: dict[str, Source]) -> str:
    head = '<section id="findings" aria-labelledby="findings-title">'
    head += '<h2 id="findings-title">Where the reports differ</h2>'
    if len(sources) < 2:
        return f"{head}<p>{ONLY_ONE_REPORT}</p></section>"
    if not report.findings:
        return f"{head}<p>{NOTHING_FOUND}</p></section>"
    groups = []
    for section in finding_sections(report.findings):
        items = [_finding_html(finding, index, sources) for index, finding in section.findings]
        groups.append(
            f'<section class="severity" data-severity="{escape(section.name)}">'
            f"<h3>{section.name.capitalize()} "
            f'<span class="count">({len(items)})</span></h3>'
            f'<ol class="finding-list">{"".join(items)}</ol></section>'
        )
    hint = (
        '<p class="hint">Choose a finding (click, or Enter or Space) to highlight its quotes '
        "in every report.</p>"
    )
    return f"{head}{_filters_html(report)}{hint}{''.join(groups)}</section>"


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
        return escape(text)
    findings = " ".join(str(i) for i in sorted({h.finding for h in covering}))
    kinds = list(dict.fromkeys(h.kind for h in covering))
    closest = min(covering, key=lambda h: h.end - h.start).kind
    names = ", ".join(KIND_LABELS[kind][0] for kind in kinds)
    return (
        f'<mark class="ev k-{escape(closest)}" data-findings="{findings}" '
        f'data-kinds="{escape(" ".join(kinds))}" title="{escape(names)}">{escape(text)}</mark>'
    )


def _paragraph_html(
    source: Source, start: int, end: int, highlights: list[_Highlight], named: set[int]
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


def _report_html(report: Report, source: Source) -> str:
    document = source.document
    highlights = _highlights(report, document)
    named: set[int] = set()
    body = "".join(
        _paragraph_html(source, a, b, highlights, named) for a, b in _paragraphs(document.text)
    )
    meta = [f'<span class="number">[{source.number}]</span>']
    if document.outlet:
        meta.append(f'<span class="outlet">{escape(document.outlet)}</span>')
    if document.published:
        meta.append(f'<time datetime="{document.published}">{document.published}</time>')
    else:
        meta.append('<span class="undated">undated</span>')
    if document.dateline:
        meta.append(f'<span class="dateline">{escape(document.dateline)}</span>')
    title = escape(document.title) if document.title else "<i>Untitled report</i>"
    return (
        f'<article class="report" id="{source.anchor}" aria-labelledby="{source.anchor}-title">'
        f'<header><p class="report-meta">{" · ".join(meta)}</p>'
        f'<h3 id="{source.anchor}-title">{title}</h3>'
        f'<p class="doc-id"><code>{escape(document.id)}</code></p></header>'
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
        document.id: Source(number, document) for number, document in enumerate(documents, start=1)
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
        f'<meta name="generator" content="summarize"><title>{escape(title)}</title>'
        f"<style>{style}</style></head><body>"
        '<a class="skip" href="#findings">Skip to the findings</a>'
        f'<header class="page"><h1>{escape(title)}</h1><p class="counts">{counts}</p>'
        f'<nav aria-label="Sections"><ul>{links}</ul></nav></header><main>'
        f'<div class="overview">{overview}{charts_html(report, sources)}</div>'
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
