"""LLM-assisted framing and attribution check: it can only add findings, never remove any.

The model sees the claim groups that span several reports (their sentences fenced as data)
and names groups whose wording differs in framing or attribution, quoting the words. A quote
that is not an exact part of the sentence it names is dropped, and so is a finding left with
no quote, so every finding still points at real text with real offsets.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from summarize.check import Aligned, Checked
from summarize.llm import tokens
from summarize.llm.client import Ask, LLMClient, Usage, usage_notes
from summarize.llm.fences import attribute, fence
from summarize.llm.prompts import load_prompt
from summarize.llm.settings import LLMSettings
from summarize.models import Analysis, ClaimGroup, Evidence, Finding

RESERVED_OUTPUT_TOKENS = 1_024
LABEL = " (flagged by the LLM check)"


class QuoteDraft(BaseModel):
    document: str
    quote: str


class FindingDraft(BaseModel):
    group: int
    kind: Literal["framing", "attribution"]
    severity: Literal["high", "medium", "low"]
    explanation: str = Field(min_length=1)
    quotes: list[QuoteDraft]


class FramingDraft(BaseModel):
    findings: list[FindingDraft]


def _group_block(analysis: Analysis, group: ClaimGroup) -> str:
    lines = [f"group {group.id}:"]
    lines += [
        f'  [{attribute(member.document)}] "{analysis.sentence(member).text}"'
        for member in group.members
    ]
    return "\n".join(lines)


def _evidence(analysis: Analysis, group: ClaimGroup, quote: QuoteDraft) -> Evidence | None:
    """Where `quote` sits in the group's sentence from its document, if it is really there."""
    for member in group.members:
        if attribute(member.document) != quote.document.strip():
            continue
        sentence = analysis.sentence(member)
        at = sentence.text.find(quote.quote)
        if quote.quote.strip() and at >= 0:
            start = sentence.start + at
            return Evidence(
                document=member.document,
                quote=quote.quote,
                start=start,
                end=start + len(quote.quote),
            )
    return None


def _findings(
    analysis: Analysis, groups: dict[int, ClaimGroup], draft: FramingDraft
) -> list[Finding]:
    findings = []
    for proposed in draft.findings:
        group = groups.get(proposed.group)
        if group is None:
            continue
        evidence = [e for q in proposed.quotes if (e := _evidence(analysis, group, q)) is not None]
        if not evidence:
            continue
        findings.append(
            Finding(
                kind=proposed.kind,
                severity=proposed.severity,
                documents=group.documents,
                evidence=evidence,
                explanation=proposed.explanation.strip() + LABEL,
            )
        )
    return findings


class LLMChecker:
    """Framing and attribution findings a model sees among groups spanning several reports."""

    def __init__(self, llm_settings: LLMSettings | None = None) -> None:
        self.settings = llm_settings or LLMSettings.from_env()

    def check(self, aligned: Aligned) -> Checked:
        """Groups are sent in batches that fit the token budget, `concurrency` batches at a
        time. Raises LLMError like the LLM composer does."""
        analysis, groups, settings = aligned.analysis, aligned.groups, self.settings
        system, user = load_prompt("check_system"), load_prompt("check_framing")
        version = f"{system.label}+{user.label}"
        budget = tokens.usable(settings.input_budget(RESERVED_OUTPUT_TOKENS))

        def ask(batch: list[ClaimGroup]) -> Ask:
            blocks = "\n\n".join(_group_block(analysis, group) for group in batch)
            messages = [
                {"role": "system", "content": system.render()},
                {"role": "user", "content": user.render(groups=fence("CLAIM GROUPS", {}, blocks))},
            ]
            return Ask(messages=messages, prompt_version=version)

        batches: list[list[ClaimGroup]] = []
        for group in (g for g in groups if len(g.documents) > 1):
            if batches and tokens.count_messages(ask([*batches[-1], group]).messages) <= budget:
                batches[-1].append(group)
            else:
                batches.append([group])
        if not batches:
            return Checked(findings=[])
        completions = LLMClient(settings).complete_all(
            [ask(batch) for batch in batches], FramingDraft
        )
        by_id = {group.id: group for group in groups}
        findings = [f for c in completions for f in _findings(analysis, by_id, c.value)]
        usage = sum((c.usage for c in completions), Usage())
        return Checked(
            findings=findings, notes=usage_notes("LLM framing check", settings, usage, {version})
        )
