"""LLM-assisted framing and attribution check: it can only add findings, never remove any.

The model sees the claim groups that span several reports (their sentences fenced as data)
and names groups whose wording differs in framing or attribution, quoting the words. A quote
that is not part of the sentence it names is dropped (word for word; case, spacing and the kind
of quotation marks and dashes may differ, and the evidence is the sentence's own text), and so
is a finding left with no quote, so every finding still points at real text with real offsets;
a finding that copies the prompt's instructions is dropped too. The notes count what was
dropped and why.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass
from typing import Literal

from pydantic import BaseModel, Field

from summarize.check import Aligned, Checked
from summarize.check.evidence import quote_span
from summarize.llm.client import Ask, LLMClient
from summarize.llm.errors import ContextExceeded, InvalidAnswer, LLMError
from summarize.llm.fences import attribute, fence, outside_fences
from summarize.llm.prompts import load_prompt
from summarize.llm.settings import LLMSettings
from summarize.llm.structured import echoes
from summarize.models import Analysis, ClaimGroup, Evidence, Finding, Span
from summarize.text.spans import find_as_written

LABEL = " (flagged by the LLM check)"
GROUPS_PER_REQUEST = 8
# Room for the answer: its JSON frame, and one finding (kind, severity, a sentence of
# explanation, two quotes with report ids) for each group of the request.
ANSWER_FRAME_TOKENS = 32
FINDING_TOKENS = 120
# Limits the schema gives grammar servers (a looping model must close its string).
QUOTE_CHARS = 150
EXPLANATION_CHARS = 300


class QuoteDraft(BaseModel):
    document: str
    quote: str = Field(max_length=QUOTE_CHARS)


class FindingDraft(BaseModel):
    group: int
    kind: Literal["framing", "attribution"]
    severity: Literal["high", "medium", "low"]
    explanation: str = Field(min_length=1, max_length=EXPLANATION_CHARS)
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
        found = find_as_written(sentence.text, quote.quote)
        if found is not None:
            start, end = found
            text = sentence.text[start:end]
            span = Span(start=sentence.start + start, end=sentence.start + end, text=text)
            return quote_span(analysis, member.document, span)
    return None


@dataclass
class Tally:
    """What became of the model's proposals: kept, or dropped and why."""

    proposed: int = 0
    kept: int = 0
    unknown_group: int = 0
    no_exact_quote: int = 0
    echoed: int = 0
    quotes_dropped: int = 0
    requests: int = 0
    unanswered: int = 0  # requests whose answer was never valid

    def __add__(self, other: Tally) -> Tally:
        return Tally(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def note(self) -> str:
        dropped = self.unknown_group + self.no_exact_quote + self.echoed
        text = f"LLM check: kept {self.kept} of {self.proposed} proposed finding(s)"
        if dropped:
            reasons = [
                f"{count} {reason}"
                for count, reason in (
                    (self.no_exact_quote, "with no quote found word for word in its group"),
                    (self.unknown_group, "naming a group that was not asked about"),
                    (self.echoed, "copying the instructions instead of the reports"),
                )
                if count
            ]
            text += f"; dropped {dropped} ({'; '.join(reasons)})"
        if self.quotes_dropped:
            text += f"; {self.quotes_dropped} inexact quote(s) removed from kept findings"
        if self.unanswered:
            text += (
                f"; {self.unanswered} of {self.requests} request(s) got no valid answer, so "
                "their claim groups were not checked by the model"
            )
        return text + "."


def _findings(
    analysis: Analysis, groups: dict[int, ClaimGroup], draft: FramingDraft, instructions: str
) -> tuple[list[Finding], Tally]:
    findings = []
    tally = Tally(proposed=len(draft.findings))
    for proposed in draft.findings:
        group = groups.get(proposed.group)
        if group is None:
            tally.unknown_group += 1
            continue
        if echoes(proposed, instructions):
            tally.echoed += 1
            continue
        evidence = [e for q in proposed.quotes if (e := _evidence(analysis, group, q)) is not None]
        if not evidence:
            tally.no_exact_quote += 1
            continue
        tally.kept += 1
        tally.quotes_dropped += len(proposed.quotes) - len(evidence)
        findings.append(
            Finding(
                kind=proposed.kind,
                severity=proposed.severity,
                documents=group.documents,
                evidence=evidence,
                explanation=proposed.explanation.strip() + LABEL,
            )
        )
    return findings, tally


class LLMChecker:
    """Framing and attribution findings a model sees among groups spanning several reports."""

    def __init__(self, llm_settings: LLMSettings | None = None) -> None:
        self.settings = llm_settings or LLMSettings.from_env()

    def check(self, aligned: Aligned) -> Checked:
        """Groups are sent in batches that fit the token budget (at most GROUPS_PER_REQUEST),
        `concurrency` batches at a time; a batch the server finds too large for its context is
        split in two. A batch whose answer is never valid is counted in the notes and the
        others still count; raises LLMError like the LLM composer does (InvalidAnswer when no
        batch got a valid answer)."""
        analysis, groups = aligned.analysis, aligned.groups
        client = LLMClient(self.settings)
        system, user = load_prompt("check_system"), load_prompt("check_framing")
        version = f"{system.label}+{user.label}"
        by_id = {group.id: group for group in groups}

        def ask(batch: list[ClaimGroup]) -> Ask:
            blocks = "\n\n".join(_group_block(analysis, group) for group in batch)
            messages = [
                {"role": "system", "content": system.render()},
                {"role": "user", "content": user.render(groups=fence("CLAIM GROUPS", {}, blocks))},
            ]
            ids = sorted({attribute(m.document) for group in batch for m in group.members})
            max_tokens = ANSWER_FRAME_TOKENS + FINDING_TOKENS * len(batch)
            return Ask(messages, version, max_tokens, choices={"document": ids})

        def fits(batch: list[ClaimGroup]) -> bool:
            request = ask(batch)
            budget = client.prompt_budget(request.max_tokens)
            return client.count_messages(request.messages) <= budget

        def run(batch: list[ClaimGroup]) -> tuple[list[Finding], Tally]:
            request = ask(batch)
            try:
                answer = client.complete(request, FramingDraft).value
            except ContextExceeded:
                if len(batch) == 1:
                    raise
                half = len(batch) // 2
                (first, one), (second, two) = run(batch[:half]), run(batch[half:])
                return first + second, one + two
            except InvalidAnswer as error:
                unanswered.append(str(error))
                return [], Tally(requests=1, unanswered=1)
            instructions = "\n".join(outside_fences(m["content"]) for m in request.messages)
            findings, tally = _findings(analysis, by_id, answer, instructions)
            tally.requests = 1
            return findings, tally

        batches: list[list[ClaimGroup]] = []
        for group in (g for g in groups if len(g.documents) > 1):
            last = batches[-1] if batches else []
            if last and len(last) < GROUPS_PER_REQUEST and fits([*last, group]):
                last.append(group)
            elif fits([group]):
                batches.append([group])
            else:
                raise LLMError(
                    f"the token budget is too small for claim group {group.id} plus the prompt; "
                    "raise --max-input-tokens (or the server's context size)"
                )
        if not batches:
            return Checked(findings=[])
        unanswered: list[str] = []
        results = client.map(run, batches)
        findings = [finding for batch_findings, _ in results for finding in batch_findings]
        tally = sum((batch_tally for _, batch_tally in results), Tally())
        if tally.unanswered == tally.requests:  # nothing was checked: that is a failure
            raise InvalidAnswer(unanswered[-1])
        notes = [*client.usage_notes("LLM framing check", {version}), tally.note()]
        return Checked(findings=findings, notes=notes)
