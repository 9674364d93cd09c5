"""Markdown for people: the summary with numbered citations, then the findings by severity and
what is no disagreement (`sections`).

It is read on a terminal, so every line goes through `for_terminal`: no article, title or file
name can send the terminal a control sequence or start a line of its own; and what an article,
a title or a file name holds is escaped for Markdown (`for_markdown`), so it shows as written
and cannot write a link, an image or a code block into the report.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import groupby

from summarize.models import (
    KIND_LABELS,
    NOT_DISAGREEMENTS,
    NOTHING_FOUND,
    ONLY_ONE_REPORT,
    SEVERITIES,
    SEVERITY_MEANINGS,
    Finding,
    Report,
)
from summarize.render.numbering import with_numbers
from summarize.render.sections import NO_DISAGREEMENT, NO_DISAGREEMENT_MEANING, finding_sections
from summarize.text.display import for_markdown, for_terminal


def _citation_numbers(report: Report) -> dict[str, int]:
    return {document.id: number for number, document in enumerate(report.documents, start=1)}


def _source_line(number: int, report: Report, index: int) -> str:
    document = report.documents[index]
    details = [d for d in (document.outlet, str(document.published or "") or None) if d]
    title = f" “{for_markdown(document.title)}”" if document.title else ""
    extra = f" ({for_markdown(', '.join(details))})" if details else ""
    return f"- [{number}] **{for_markdown(document.id)}**{extra}{title}"


def _tally(findings: list[Finding]) -> str:
    """ "16 findings (Attribution 2, Framing 7, Unique claim 7); 7 more are no disagreement
    (Name variants 4, Same number 2, Updated number 1)." in the order of the kinds."""
    counts: Counter[str] = Counter(finding.kind for finding in findings)

    def listed(kinds: list[str]) -> str:
        return ", ".join(f"{KIND_LABELS[kind][0]} {counts[kind]}" for kind in kinds)

    ordered = [kind for kind in KIND_LABELS if kind in counts]
    differ = [kind for kind in ordered if kind not in NOT_DISAGREEMENTS]
    alike = [kind for kind in ordered if kind in NOT_DISAGREEMENTS]
    parts = []
    if differ:
        total = sum(counts[kind] for kind in differ)
        parts.append(f"{total} finding{'s' if total != 1 else ''} ({listed(differ)})")
    if alike:
        more = sum(counts[kind] for kind in alike)
        verb = "are" if more != 1 else "is"
        parts.append(f"{more}{' more' if differ else ''} {verb} no disagreement ({listed(alike)})")
    return "; ".join(parts) + "."


def _key(findings: list[Finding]) -> list[str]:
    """What each kind shown and each severity means, for a reader new to the report: after the
    findings, in plain type, so that it is not read as one of them."""
    kinds = sorted({finding.kind for finding in findings}, key=list(KIND_LABELS).index)
    shown = [section.name for section in finding_sections(findings)]
    severities = [name for name in shown if name != NO_DISAGREEMENT]
    alike = NO_DISAGREEMENT in shown
    return [
        "### Key",
        "",
        *(f"- {_kind_name(kind)}: {KIND_LABELS[kind][1]}." for kind in kinds),
        *(f"- {severity}: {SEVERITY_MEANINGS[severity]}." for severity in severities),
        *([f"- {NO_DISAGREEMENT}: {NO_DISAGREEMENT_MEANING}."] if alike else []),
        "",
    ]


def _kind_name(kind: str) -> str:
    """A kind's label, with the name the JSON gives it where that is another ("Same number
    (quantity_equivalent)"), so a reader of both can match them."""
    label = KIND_LABELS[kind][0]
    return label if label.lower().replace(" ", "_") == kind else f"{label} ({kind})"


def _finding_lines(finding: Finding, numbers: dict[str, int]) -> list[str]:
    """The explanation, then the quotes: those one sentence holds on one line, in that
    sentence ("[5] “about 10 kilometres”, “six miles” in “Insurgents now are ...”")."""
    label = KIND_LABELS[finding.kind][0]
    lines = [f"- **{label}**: {with_numbers(finding.explanation, numbers, for_markdown)}"]
    for (document, sentence), same in groupby(
        finding.evidence, key=lambda evidence: (evidence.document, evidence.sentence)
    ):
        quotes = ", ".join(f"“{_one_line(evidence.quote)}”" for evidence in same)
        context = f" in “{_one_line(sentence)}”" if sentence else ""
        lines.append(f"  - [{numbers.get(document, '?')}] {quotes}{context}")
    return lines


def _one_line(text: str) -> str:
    return for_markdown(" ".join(text.split()))


def render_markdown(report: Report, named: bool = False) -> str:
    """The report as Markdown; `named`, it opens on the cluster's id (one of several)."""
    numbers = _citation_numbers(report)
    lines: list[str] = []
    if named and report.id:
        lines += [f"# {for_markdown(report.id)}", ""]
    if report.summary is not None:
        count = len(report.documents)
        title = f"Merged summary of {count} report{'' if count == 1 else 's'} ({report.backend})"
        lines += [f"{'##' if named else '#'} {title}", ""]
        for sentence in report.summary:
            # "[1][2]" is text: Markdown reads it as a link only with a definition of "[2]",
            # and no article text can write one (its brackets are escaped).
            cites = "".join(f"[{numbers[c]}]" for c in sentence.citations if c in numbers)
            lines.append(f"{for_markdown(sentence.text)} {cites}".rstrip())
            lines.append("")
    lines += ["## Reports", ""]
    lines += [_source_line(n, report, n - 1) for n in numbers.values()]
    lines.append("")

    lines += ["## Consistency report", ""]
    if len(report.documents) < 2:
        lines += [ONLY_ONE_REPORT, ""]
    elif not report.findings:
        lines += [NOTHING_FOUND, ""]
    else:
        lines += [_tally(report.findings), ""]
    for section in finding_sections(report.findings):
        lines += [f"### {section.name.capitalize()} ({len(section.findings)})", ""]
        for _, finding in section.findings:
            lines += _finding_lines(finding, numbers)
        lines.append("")
    if report.findings:
        lines += _key(report.findings)

    if report.notes:
        lines += ["## Notes", "", *(f"- {for_markdown(note)}" for note in report.notes), ""]
    if report.problems:
        lines += ["## Inputs skipped", ""]
        lines += [f"- {for_markdown(p.source)}: {for_markdown(p.message)}" for p in report.problems]
        lines.append("")
    return "\n".join(for_terminal(line) for line in lines).rstrip() + "\n"


def render_overview(reports: Sequence[Report]) -> str:
    """Before the reports of several clusters: how many findings each has, by severity and what
    is no disagreement, the stories with the most severe first (every report then follows in
    the order given), so that a reader of many stories starts where the disagreements are."""
    counted = [
        (Counter({s.name: len(s.findings) for s in finding_sections(r.findings)}), n, r)
        for n, r in enumerate(reports)
    ]
    counted.sort(key=lambda row: (*(-row[0][name] for name in SEVERITIES), row[1]))
    found = sum(1 for counts, _, _ in counted if any(counts[s] for s in SEVERITIES))
    columns = [*SEVERITIES, NO_DISAGREEMENT]
    lines = [
        f"# {len(reports)} stories",
        "",
        f"{found} with disagreements found, {len(reports) - found} without; the most severe "
        "first here, and each story's report below in the order given.",
        "",
        f"| story | {' | '.join(columns)} |",
        f"| --- |{' --- |' * len(columns)}",
        *(
            f"| {for_markdown(report.id or '')} | "
            + " | ".join(str(counts[name]) for name in columns)
            + " |"
            for counts, _, report in counted
        ),
    ]
    return "\n".join(for_terminal(line) for line in lines) + "\n"
