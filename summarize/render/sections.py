"""How a report's findings are grouped for people: the disagreements by severity, most severe
first, then what the checks found is no disagreement (the same figure in other units, a figure
updated over time, one name spelt several ways) in a section of its own, so that a reader
skimming "Low" does not count them as disagreements."""

from __future__ import annotations

from typing import NamedTuple

from summarize.models import NOT_DISAGREEMENTS, SEVERITIES, Finding

NO_DISAGREEMENT = "no disagreement"
NO_DISAGREEMENT_MEANING = (
    "compared and found to agree, or explained: the same figure in other words or units, a "
    "figure updated between reports of different dates, one name spelt several ways"
)


class Section(NamedTuple):
    """A heading's name (a severity, or NO_DISAGREEMENT) and its findings with their index in
    the report."""

    name: str
    findings: list[tuple[int, Finding]]


def finding_sections(findings: list[Finding]) -> list[Section]:
    numbered = list(enumerate(findings))
    sections = [
        Section(
            severity,
            [
                (i, f)
                for i, f in numbered
                if f.severity == severity and f.kind not in NOT_DISAGREEMENTS
            ],
        )
        for severity in SEVERITIES
    ]
    sections.append(
        Section(NO_DISAGREEMENT, [(i, f) for i, f in numbered if f.kind in NOT_DISAGREEMENTS])
    )
    return [section for section in sections if section.findings]
