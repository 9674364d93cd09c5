"""Markdown for people: the summary with numbered citations, then the findings by severity.

It is read on a terminal, so every line goes through `for_terminal`: no article, title or file
name can send the terminal a control sequence or start a line of its own.
"""

from __future__ import annotations

from collections import Counter

from summarize.models import SEVERITIES, Finding, Report
from summarize.text.display import for_terminal


def _citation_numbers(report: Report) -> dict[str, int]:
    return {document.id: number for number, document in enumerate(report.documents, start=1)}


def _source_line(number: int, report: Report, index: int) -> str:
    document = report.documents[index]
    details = [d for d in (document.outlet, str(document.published or "") or None) if d]
    title = f" “{document.title}”" if document.title else ""
    extra = f" ({', '.join(details)})" if details else ""
    return f"[{number}] `{document.id}`{extra}{title}"


def _tally(findings: list[Finding]) -> str:
    """ "36 findings: 2 attribution, 8 framing, ..." in a fixed order of kinds."""
    counts = Counter(finding.kind for finding in findings)
    kinds = ", ".join(f"{counts[kind]} {kind.replace('_', ' ')}" for kind in sorted(counts))
    return f"{len(findings)} finding{'s' if len(findings) != 1 else ''}: {kinds}."


def _finding_lines(finding: Finding, numbers: dict[str, int]) -> list[str]:
    lines = [f"- **{finding.kind}**: {finding.explanation}"]
    for evidence in finding.evidence:
        quote = " ".join(evidence.quote.split())
        lines.append(f"  - [{numbers.get(evidence.document, '?')}] “{quote}”")
    return lines


def render_markdown(report: Report) -> str:
    numbers = _citation_numbers(report)
    lines: list[str] = []
    if report.summary is not None:
        count = len(report.documents)
        title = f"Merged summary of {count} report{'' if count == 1 else 's'} ({report.backend})"
        lines += [f"# {title}", ""]
        for sentence in report.summary:
            cites = "".join(f"[{numbers[c]}]" for c in sentence.citations if c in numbers)
            lines.append(f"{sentence.text} {cites}".rstrip())
            lines.append("")
    lines += ["## Reports", ""]
    lines += [_source_line(n, report, n - 1) for n in numbers.values()]
    lines.append("")

    lines += ["## Consistency report", ""]
    if len(report.documents) < 2:
        lines += ["Only one report: nothing to compare.", ""]
    elif not report.findings:
        lines += ["No disagreements found.", ""]
    else:
        lines += [_tally(report.findings), ""]
    for severity in SEVERITIES:
        found = [f for f in report.findings if f.severity == severity]
        if found:
            lines += [f"### {severity.capitalize()} ({len(found)})", ""]
            for finding in found:
                lines += _finding_lines(finding, numbers)
            lines.append("")

    if report.notes:
        lines += ["## Notes", "", *(f"- {note}" for note in report.notes), ""]
    if report.problems:
        lines += ["## Inputs skipped", ""]
        lines += [f"- `{p.source}`: {p.message}" for p in report.problems]
        lines.append("")
    return "\n".join(for_terminal(line) for line in lines).rstrip() + "\n"
