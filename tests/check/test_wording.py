"""Wording: loaded words and attribution, compared with another report's telling of the claim."""

from __future__ import annotations

from summarize.models import Finding
from summarize.pipeline import check
from tests.stories import cluster_of


def _findings(reports: dict[str, str], kind: str) -> list[Finding]:
    return [f for f in check(cluster_of(reports)).findings if f.kind == kind]


PLAIN = (
    "The council voted on Tuesday to close the northern library branch. "
    "The branch had served the district for decades."
)


def test_a_loaded_word_in_a_report_s_own_voice_is_framing() -> None:
    loaded = PLAIN.replace("voted on Tuesday", "shamelessly voted on Tuesday")
    (finding,) = _findings({"plain": PLAIN, "loaded": loaded}, "framing")
    assert set(finding.documents) == {"plain", "loaded"}
    assert any("shamelessly" in e.quote for e in finding.evidence if e.document == "loaded")


def test_a_loaded_word_inside_a_quotation_is_the_speaker_s() -> None:
    quoted = PLAIN.replace("branch.", 'branch, which a resident called "a shameless decision".', 1)
    assert _findings({"plain": PLAIN, "quoted": quoted}, "framing") == []


def test_a_claim_stated_flatly_where_another_report_doubts_it_is_attribution() -> None:
    flat = "Rebels shot down a military helicopter near the border on Sunday."
    doubted = (
        "Rebels claimed, without evidence, to have shot down a military helicopter near the "
        "border on Sunday."
    )
    findings = _findings({"flat": flat, "doubted": doubted}, "attribution")
    assert findings and {"flat", "doubted"} <= set(findings[0].documents)


def test_both_reports_attributing_is_no_attribution_finding() -> None:
    one = "The Labor Department said 235,000 jobs were added in February."
    other = "Employers added 235,000 jobs in February, the Labor Department reported."
    assert _findings({"one": one, "other": other}, "attribution") == []
