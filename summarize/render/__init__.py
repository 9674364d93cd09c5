"""Render: reports as markdown, JSON or an HTML page, and where the text may be written."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarize.models import Cluster, Report

FORMATS = ("markdown", "json", "html")


def render_reports(results: Sequence[tuple[Cluster, Report]], output_format: str) -> str:
    """The reports of one run as one text: JSON (an object, or one a line for several clusters),
    markdown (separated by rules) or an HTML page (of one cluster only: ValueError otherwise).
    Each renderer is imported when used."""
    reports = [report for _, report in results]
    if output_format == "json":
        from summarize.render.json import render_json

        if len(reports) == 1:
            return render_json(reports[0]) + "\n"
        return "".join(render_json(report, indent=None) + "\n" for report in reports)
    if output_format == "html":
        from summarize.render.html import render_html

        if len(results) > 1:
            raise ValueError("--format html shows one cluster; give one cluster per run.")
        cluster, report = results[0]
        return render_html(report, cluster.documents)
    if output_format == "markdown":
        from summarize.render.markdown import render_markdown, render_overview

        # Several clusters' reports are told apart by their ids, after an overview of them.
        named = len(reports) > 1
        overview = [render_overview(reports)] if named else []
        return "\n---\n\n".join(
            [*overview, *(render_markdown(report, named=named) for report in reports)]
        )
    raise ValueError(f"unknown format {output_format!r}: one of {', '.join(FORMATS)}")
