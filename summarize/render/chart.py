"""The chart of a finding's figures: one row per report, dated reports in date order."""

from __future__ import annotations

import math

from summarize.models import KIND_LABELS, Finding, Report, ReportedValue
from summarize.render.html_parts import Source, escape, named_documents
from summarize.text.display import shorten
from summarize.text.units import display_scales, format_number, format_value

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
    finding: Finding, sources: dict[str, Source]
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


def _chart_svg(finding: Finding, index: int, sources: dict[str, Source]) -> str | None:
    """The chart, or None when the figures are too large for an axis (a report's "1.7e308"
    overflows the arithmetic of its ticks): the finding still shows them as written."""
    rows = _chart_rows(finding, sources)
    values = [v.normalized for _, row in rows for v in row]
    scale = display_scales(finding.values[0].unit, max(values, key=abs))[0]
    shown = [scale.convert(v) for v in values]
    lowest, highest = min(0.0, *shown), max(0.0, *shown)
    span = (highest - lowest) / _CHART_TICKS or 1.0
    if not math.isfinite(span * _CHART_TICKS * 10):
        return None
    step = _nice_step(span)
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
            f"{escape(format_number(tick) + scale.symbol)}</text>"
        )
    for row, (label, row_values) in enumerate(rows):
        y = row * _ROW_HEIGHT + _ROW_HEIGHT / 2
        parts.append(
            f'<text class="row-label" x="{_LABEL_RIGHT}" y="{y + 4:.1f}" text-anchor="end">'
            f"{escape(shorten(label, 28))}</text>"
            f'<line class="row" x1="{_PLOT_LEFT}" x2="{_PLOT_RIGHT}" y1="{y:.1f}" y2="{y:.1f}"/>'
        )
        parts += [
            f'<circle cx="{x(scale.convert(v.normalized))}" cy="{y:.1f}" r="5"><title>'
            f"{escape(f'{label}: “{v.text}” = {format_value(v.normalized, v.unit)}')}</title>"
            "</circle>"
            for v in row_values
        ]
        written = " · ".join(v.text for v in row_values)
        parts.append(
            f'<text class="written" x="{_WRITTEN_LEFT}" y="{y + 4:.1f}">'
            f"{escape(shorten(written, 38))}</text>"
        )
    kind = KIND_LABELS[finding.kind][0]
    title = f"{kind}: each report's value in {scale.symbol.strip() or 'count'}, by report date"
    return (
        f'<svg class="chart" viewBox="0 0 {_CHART_WIDTH} {axis_y + _AXIS_HEIGHT - 4}" '
        f'role="img" aria-labelledby="chart-{index}-title"><title id="chart-{index}-title">'
        f"{escape(title)}</title>{''.join(parts)}</svg>"
    )


def charts_html(report: Report, sources: dict[str, Source]) -> str:
    charts = [
        (finding, chart)
        for index, finding in enumerate(report.findings)
        if finding.values and (chart := _chart_svg(finding, index, sources)) is not None
    ]
    figures = [
        f'<figure class="chart-figure"><figcaption><span class="badge k-{escape(finding.kind)}">'
        f"{escape(KIND_LABELS[finding.kind][0])}</span> "
        f"{named_documents(finding.explanation, sources)}</figcaption>{chart}</figure>"
        for finding, chart in charts
    ]
    if not figures:
        return ""
    return (
        '<section id="figures" aria-labelledby="figures-title">'
        '<h2 id="figures-title">Figures as each report gives them</h2>'
        '<p class="hint">One row per report, dated reports in date order; the text on the right '
        f"is the wording of the report.</p>{''.join(figures)}</section>"
    )
