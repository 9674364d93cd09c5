"""JSON for machines: the contract of ARCHITECTURE.md (`summary`/`backend` only from merge)."""

from __future__ import annotations

from summarize.models import Report
from summarize.text.display import escape_json


def render_json(report: Report, indent: int | None = 2) -> str:
    """The report as JSON; the text is exact once decoded, and the bytes are safe to print."""
    return escape_json(report.model_dump_json(exclude_none=True, indent=indent))
