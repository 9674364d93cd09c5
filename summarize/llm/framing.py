"""LLM-assisted framing and attribution check: it can only add findings, never remove any.

The model sees the claim groups that span several reports (their sentences fenced as data)
and names groups whose wording differs in framing or attribution, quoting the words. A quote
that is not an exact part of the sentence it names is dropped, and so is a finding left with
no quote, so every finding still points at real text with real offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from summarize.llm import tokens
from summarize.llm.client import Ask, LLMClient, Usage
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


@dataclass(frozen=True)
class LLMFindings:
    findings: list[Finding]
    usage: Usage
    prompt_version: str


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


def check_framing_llm(
    analysis: Analysis, groups: list[ClaimGroup], settings: LLMSettings
) -> LLMFindings:
    """Framing and attribution findings the model sees among groups spanning several reports.

    Groups are sent in batches that fit the token budget, `concurrency` batches at a time.
    Raises LLMError like compose_llm does.
    """
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
        return LLMFindings(findings=[], usage=Usage(), prompt_version=version)

    client = LLMClient(settings)
    completions = client.complete_all([ask(batch) for batch in batches], FramingDraft)
    by_id = {group.id: group for group in groups}
    findings = [f for c in completions for f in _findings(analysis, by_id, c.value)]
    usage = sum((c.usage for c in completions), Usage())
    return LLMFindings(findings=findings, usage=usage, prompt_version=version)
