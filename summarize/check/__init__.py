"""Check: where the reports of one event disagree, how, and whether the disagreement is real.

Severity, the rule: **high** is a disagreement a reader must resolve before repeating the story
(a figure that differs between reports of the same date; a claim stated as fact in one report
that another says is unverified or disputed). **medium** changes how the story reads without a
flat contradiction (a figure updated between reports of different dates, loaded or causal
framing, different attribution or doubt, a claim a rewrite added). **low** is for the record
(equivalent figures in other units or words, name variants, other unique claims, omissions).
The checker never needs an LLM.
"""

from __future__ import annotations

from summarize.align import Similarities
from summarize.check.coverage import check_coverage
from summarize.check.entities import check_entities
from summarize.check.quantities import check_quantities
from summarize.check.wording import check_wording
from summarize.models import Analysis, ClaimGroup, Finding

SEVERITY_ORDER = {"high": 0, "medium": 1, "low": 2}


def check(
    analysis: Analysis, groups: list[ClaimGroup], similarities: Similarities | None = None
) -> list[Finding]:
    """`similarities`: the ones align used, if at hand (they are costly to compute twice)."""
    pairs = (similarities or Similarities(analysis)).pairs
    findings = [
        *check_quantities(analysis, pairs),
        *check_wording(analysis, groups, pairs),
        *check_entities(analysis),
        *check_coverage(analysis, groups, pairs),
    ]
    return sort_findings(findings)


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then by kind and reports, so a report reads the same every run."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.kind, f.documents))
