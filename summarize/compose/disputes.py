"""Figures the summary gives that the reports dispute, named in the summary's notes.

A summary sentence is one report's (or a model's telling of the reports'); when it gives a figure
the checker found in conflict with another report's ("$1 trillion" / "$1.2 trillion"), a reader
of the summary alone would take one side's figure as settled. Whatever the composer, the summary
then says so in a note, with the other reports' figures: the dispute is attributed, not hidden.
"""

from __future__ import annotations

from summarize.models import Finding, SummarySentence


def disputed_figure_notes(sentences: list[SummarySentence], findings: list[Finding]) -> list[str]:
    """One note per figure conflict whose figure a summary sentence gives as one report has it
    (the sentence cites that report and holds its quote)."""
    notes = []
    for finding in findings:
        if finding.kind != "quantity_conflict":
            continue
        given = [
            quote
            for quote in finding.evidence
            if any(
                quote.document in sentence.citations and quote.quote in sentence.text
                for sentence in sentences
            )
        ]
        if not given:
            continue
        told = " and ".join(f"“{quote.quote}” ({quote.document})" for quote in given)
        others = [quote for quote in finding.evidence if quote not in given]
        if others:
            disputing = "; ".join(f"{quote.document} gives “{quote.quote}”" for quote in others)
            notes.append(
                f"{told} in the summary is disputed: {disputing}; see the consistency report."
            )
        else:
            notes.append(
                f"The summary gives both figures the reports dispute, {told}; see the "
                "consistency report."
            )
    return notes
