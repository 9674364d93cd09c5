"""Conflicts: controlled edits of real NeuS clusters (`evals/edits.py`), scored by what the checker
reports on the edited figure.

- changed figure: found when a `quantity_conflict` quotes the edited figure and the other
  report's figure (any place that report states it; recall, and its share found as high);
- equivalent form: a false conflict when any `quantity_conflict` quotes the rewritten figure;
- dated earlier figure: found when a finding quotes both figures, a `temporal_update` or a
  `quantity_conflict` that names the reports' dates (never an equivalence, never nothing); its
  share found as an update is shown too. Which of the two is right depends on the figure: one
  that moves as news comes in (a running tally, "has risen to", "so far") changed, while most
  of these NeuS figures are facts of a moment ("added 266,000 jobs in November", a vaccine
  order), which a report of another date gives differently only when the two disagree (see the
  package docstring of `summarize.check.quantities`).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from evals import NEUS_CLUSTERS, read_jsonl
from evals.edits import Edit, generate
from evals.scorecard import Cell, SuiteResult, Table
from evals.suites import CustomSuite
from summarize.check.quantities.explain import OTHER_DATES
from summarize.models import Finding
from summarize.pipeline import check

if TYPE_CHECKING:
    from evals.runs import Run
    from evals.suites import Progress


def _quotes(finding: Finding, document: str, span: tuple[int, int]) -> bool:
    start, end = span
    return any(e.document == document and e.start < end and start < e.end for e in finding.evidence)


def _on_edit(findings: list[Finding], edit: Edit, kind: str, both: bool) -> list[Finding]:
    """The findings of `kind` quoting the edited figure (and the kept one, when `both`)."""
    case = edit.case
    return [
        f
        for f in findings
        if f.kind == kind
        and _quotes(f, case.edited, edit.span)
        and (not both or any(_quotes(f, case.kept, span) for span in case.kept_spans))
    ]


def _describe(edit: Edit) -> str:
    case = edit.case
    return (
        f"{case.cluster}: {case.kept} “{case.kept_text}” / {case.edited} “{edit.before}” -> "
        f"“{edit.after}” ({edit.how})"
    )


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def run_conflicts(run: Run, limit: int | None, progress: Progress) -> SuiteResult:
    """The edits of every NeuS cluster (the first `limit` edits when given), checked under the
    run's backend."""
    records = read_jsonl(NEUS_CLUSTERS)
    edits = generate(records)[:limit]
    llm_settings = run.llm_settings()
    progress.start(total=len(edits))
    counts: Counter[str] = Counter()
    severities: Counter[str] = Counter()
    forms: Counter[str] = Counter()
    details: dict[str, list[str]] = {
        "changed figures missed": [],
        "false conflicts on equivalent forms": [],
        "earlier figures lost": [],
    }
    for edit in edits:
        findings = check(edit.cluster, backend=run.backend, llm_settings=llm_settings).findings
        counts[edit.kind] += 1
        if edit.kind == "changed":
            found = _on_edit(findings, edit, "quantity_conflict", both=True)
            if found:
                counts["changed found"] += 1
                severities[found[0].severity] += 1
            else:
                details["changed figures missed"].append(_describe(edit))
        elif edit.kind == "equivalent":
            forms[edit.how] += 1
            if _on_edit(findings, edit, "quantity_conflict", both=False):
                counts["false conflicts"] += 1
                details["false conflicts on equivalent forms"].append(_describe(edit))
        else:
            update = _on_edit(findings, edit, "temporal_update", both=True)
            conflict = _on_edit(findings, edit, "quantity_conflict", both=True)
            dated = [f for f in conflict if f.explanation.endswith(OTHER_DATES)]
            if update and not conflict:
                counts["temporal found"] += 1
                counts["temporal as update"] += 1
            elif dated and not update:
                counts["temporal found"] += 1
            else:
                details["earlier figures lost"].append(_describe(edit))
        progress.advance()
    changed = counts["changed"]
    metrics: dict[str, float | None] = {
        "changed.recall": _share(counts["changed found"], changed),
        "changed.high": _share(severities["high"], changed),
        "changed.cases": float(changed),
        "equivalent.false_conflicts": float(counts["false conflicts"]),
        "equivalent.cases": float(counts["equivalent"]),
        "temporal.recall": _share(counts["temporal found"], counts["temporal"]),
        "temporal.as_update": _share(counts["temporal as update"], counts["temporal"]),
        "temporal.cases": float(counts["temporal"]),
    }
    rows: list[list[Cell]] = [[form, n] for form, n in sorted(forms.items())]
    return SuiteResult(
        name="conflicts",
        metrics=metrics,
        tables=[
            Table(
                title="Equivalent forms tried",
                columns=["rewrite", "edits"],
                rows=rows,
                note="each a figure two reports state alike, rewritten in one report",
            )
        ],
        details=details,
    )


CONFLICTS = CustomSuite(name="conflicts", run=run_conflicts)
