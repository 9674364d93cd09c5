"""Check: where the reports of one event disagree, how, and whether the disagreement is real.

Severity, the rule: **high** is a disagreement a reader must resolve before repeating the story
(a figure that differs between reports of the same date; a claim stated as fact in one report
that another says is unverified or disputed). **medium** changes how the story reads without a
flat contradiction (a figure updated between reports of different dates, loaded or causal
framing, different attribution or doubt, a claim a rewrite added). **low** is for the record
(equivalent figures in other units or words, name variants, other unique claims, omissions), and
for framing or attribution resting on another report's telling that is only loosely similar.

Checkers are strategies: `rules` (offline, always run; one module per family of findings) and
`llm` (a model adds framing and attribution findings, never removes any). A new checker is one
module with a class that has `check(stage) -> Checked`, named in CHECKERS.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from summarize.align import Similarities
from summarize.models import Analysis, ClaimGroup, Finding, sort_findings
from summarize.strategies import load_strategy

if TYPE_CHECKING:
    from summarize.llm.settings import LLMSettings


@dataclass
class Aligned:
    """What every checker starts from: the analysis, its claim groups and the similarities
    alignment computed (they are costly to compute twice)."""

    analysis: Analysis
    groups: list[ClaimGroup]
    similarities: Similarities


@dataclass
class Checked:
    findings: list[Finding]
    notes: list[str] = field(default_factory=list)


class Checker(Protocol):
    def check(self, aligned: Aligned) -> Checked: ...


CHECKERS = {
    "rules": "summarize.check.rules:RulesChecker",
    "llm": "summarize.check.llm:LLMChecker",
}


def checker(name: str, llm_settings: LLMSettings | None = None) -> Checker:
    """The checker registered under `name`, built with the LLM settings (used only by `llm`)."""
    checker_: Checker = load_strategy(CHECKERS, name)(llm_settings)
    return checker_


def run_checkers(
    names: Sequence[str], aligned: Aligned, llm_settings: LLMSettings | None = None
) -> Checked:
    """Every named checker's findings, most severe first, and their notes."""
    findings: list[Finding] = []
    notes: list[str] = []
    for name in names:
        result = checker(name, llm_settings).check(aligned)
        findings += result.findings
        notes += result.notes
    return Checked(findings=sort_findings(findings), notes=notes)
