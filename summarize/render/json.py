"""JSON for machines: the contract of ARCHITECTURE.md (`summary`/`backend` only from merge)."""

from __future__ import annotations

from summarize.models import Report


def render_json(report: Report, indent: int | None = 2) -> str:
    return report.model_dump_json(exclude_none=True, indent=indent)
