"""How reports tell the same claim: who it is attributed to, and how it is framed.

The wording checker composes five modules, one job each:

- `tellings.py`: where another report tells the same claim (its most similar sentence there, or
  the claim group), whether it tells it plainly, and whether two sentences report the same
  statement;
- `attribution.py`: `attribution` findings, a claim stated flatly where another report attributes
  or doubts it, or a cause stated as fact where another says it is not yet known;
- `framing.py`: `framing` findings of loaded words, in the report's own voice or added to
  someone's statement;
- `counted.py`: `framing` findings of the same figure counting different things;
- `links.py`: `framing` findings of causes, motives or backing asserted in the report's own
  voice.

An attribution finding on a claim group covers the distancing findings on the same reports.
"""

from __future__ import annotations

from summarize.align import Similarities
from summarize.check.attribution import attribution_finding, distanced_findings
from summarize.check.causes import undetermined_cause_findings
from summarize.check.counted import counted_finding
from summarize.check.framing import added_to_speech, loaded_findings
from summarize.check.links import link_findings
from summarize.check.tellings import Tellings
from summarize.models import Analysis, ClaimGroup, Finding


def check_wording(
    analysis: Analysis, groups: list[ClaimGroup], similarities: Similarities
) -> list[Finding]:
    tellings = Tellings(analysis, similarities)
    findings: list[Finding | None] = []
    for group in groups:
        if len(group.documents) < 2:
            continue
        findings.append(attribution_finding(analysis, group))
        findings.append(counted_finding(analysis, group))
    found = [finding for finding in findings if finding is not None]
    distanced = distanced_findings(analysis, tellings)
    covered = [set(f.documents) for f in found if f.kind == "attribution"]
    causes = undetermined_cause_findings(analysis)
    # a cause stated flat against an inquiry into it is told as such, not as a claim distanced
    told = [_quoted(f) for f in causes]
    found += [
        f
        for f in distanced
        if not any(set(f.documents) <= c for c in covered)
        and not any(_quoted(f) <= t for t in told)
    ]
    found += causes
    found += loaded_findings(analysis, tellings)
    found += added_to_speech(analysis, tellings)
    found += link_findings(analysis, groups, tellings)
    return found


def _quoted(finding: Finding) -> set[tuple[str, int]]:
    """The report sentences a finding quotes."""
    return {(evidence.document, evidence.start) for evidence in finding.evidence}
