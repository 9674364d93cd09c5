"""The LLM backend's summary: a model writes it, the faithfulness guard vets every sentence.

The model gets the reports as fenced data (never instructions), the aligned claim groups (which
reports carry each fact) and the checker's findings, and answers with JSON sentences that cite
report ids (the schema lets it write no other ids). Every request's `max_tokens` comes from the
word budget. When everything does not fit in the token budget (the client's: the server's
context less the answer and a repair turn), each report is summarised on its own first (map)
and the notes are merged (reduce), level after level if need be; when the server says a request
overflowed its context anyway, the work is planned again within what it said.

Every sentence then goes through the faithfulness guard (summarize.compose.guard) before it is
shown; what the guard removed or corrected is counted in the notes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from summarize.compose.guard import Draft, SentenceJudge, guard, report_id
from summarize.judge import Judge
from summarize.llm import tokens
from summarize.llm.client import Ask, LLMClient
from summarize.llm.errors import ContextExceeded, LLMError, NothingSupported
from summarize.llm.fences import attribute, fence, quoted
from summarize.llm.prompts import Prompt, load_prompt
from summarize.llm.settings import LLMSettings
from summarize.models import SEVERITY_ORDER, Analysis, ClaimGroup, Document, Finding, Summary
from summarize.text.display import shorten

CONTEXT_SHARE = 0.3  # at most this part of the budget goes to claim groups and findings
MAX_REDUCE_LEVELS = 3
MAX_REPLANS = 3  # plans after the server said a request overflows its context
RAISE_BUDGET = "--max-input-tokens (or the server's context size)"
QUOTE_CHARS = 160


@dataclass
class Source:
    """A fenced piece of material for the model: a report (or part of one) or notes on reports."""

    kind: str  # "REPORT" or "NOTES"
    documents: list[str]
    header: dict[str, str]
    units: list[str]  # sentences of a report, or note lines; the split points when too long

    def block(self) -> str:
        return fence(
            self.kind,
            self.header,
            "\n".join(self.units) if self.kind == "NOTES" else " ".join(self.units),
        )

    def parts(self, chunks: list[list[str]]) -> list[Source]:
        return [
            Source(self.kind, self.documents, {**self.header, "part": f"{n}/{len(chunks)}"}, chunk)
            for n, chunk in enumerate(chunks, 1)
        ]


@dataclass
class _Prompts:
    system: Prompt
    merge: Prompt
    map: Prompt

    @classmethod
    def load(cls) -> _Prompts:
        return cls(load_prompt("merge_system"), load_prompt("merge_user"), load_prompt("map_user"))


@dataclass
class _Composer:
    client: LLMClient
    analysis: Analysis
    groups: list[ClaimGroup]
    findings: list[Finding]
    max_words: int
    prompts: _Prompts = field(default_factory=_Prompts.load)
    used_prompts: set[str] = field(default_factory=set)
    replans: list[str] = field(default_factory=list)  # notes on plans the server overflowed
    notes: list[str] = field(default_factory=list)  # notes on the plan that worked

    def __post_init__(self) -> None:
        self.note_words = max(40, self.max_words // 2)
        ids = sorted((attribute(d.id) for d in self.analysis.documents), key=len, reverse=True)
        self.citation_tokens = sum(self.client.count(f'"{i}", ') for i in ids[:2])
        self.group_lines = _group_lines(self.analysis, self.groups)
        self.finding_lines = _finding_lines(self.findings)
        self.left_out = 0

    def answer_tokens(self, words: int) -> int:
        return tokens.answer_tokens(words, self.citation_tokens)

    @property
    def budget(self) -> int:
        """The prompt budget of the merge request (it has the largest answer)."""
        return self.client.prompt_budget(self.answer_tokens(self.max_words))

    # ---------------------------------------------------------------- asks

    def report_sources(self) -> list[Source]:
        return [_report_source(document) for document in self.analysis.documents]

    def merge_ask(self, sources: list[Source]) -> Ask:
        """The merge request; groups and findings get what room the sources leave (capped)."""
        bare = self._merge_ask(sources, [], [])
        room = self.budget - self.client.count_messages(bare.messages)
        limit = min(int(self.budget * CONTEXT_SHARE), room)
        findings = self._fitting(self.finding_lines, limit // 2)
        groups = self._fitting(self.group_lines, limit - self.client.count("\n".join(findings)))
        self.left_out = (
            len(self.group_lines) + len(self.finding_lines) - len(groups) - len(findings)
        )
        return self._merge_ask(sources, groups, findings)

    def _merge_ask(self, sources: list[Source], groups: list[str], findings: list[str]) -> Ask:
        notes = sources[0].kind == "NOTES"
        user = self.prompts.merge.render(
            document_count=len(self.analysis.documents),
            max_words=self.max_words,
            groups=fence("CLAIM GROUPS", {}, "\n".join(groups) or "(none)"),
            findings=fence("FINDINGS", {}, "\n".join(findings) or "(none)"),
            sources_intro=(
                "Notes taken from the reports (each note cites the reports it comes from):"
                if notes
                else "The reports:"
            ),
            sources="\n\n".join(source.block() for source in sources),
        )
        return self._ask(self.prompts.merge, user, self.max_words)

    def map_ask(self, sources: list[Source]) -> Ask:
        words = self.note_words * len(sources)
        user = self.prompts.map.render(
            max_words=words, sources="\n\n".join(source.block() for source in sources)
        )
        return self._ask(self.prompts.map, user, words)

    def _ask(self, user_prompt: Prompt, user: str, words: int) -> Ask:
        system = self.prompts.system.render()
        version = f"{self.prompts.system.label}+{user_prompt.label}"
        messages = [{"role": "system", "content": system}, {"role": "user", "content": user}]
        ids = [attribute(document.id) for document in self.analysis.documents]
        return Ask(messages, version, self.answer_tokens(words), choices={"citations": ids})

    def fits(self, ask: Ask) -> bool:
        return self.client.count_messages(ask.messages) <= self.client.prompt_budget(ask.max_tokens)

    def _fitting(self, lines: list[str], limit: int) -> list[str]:
        kept, used = [], 0
        for line in lines:
            used += self.client.count(line) + 1
            if used > limit:
                break
            kept.append(line)
        return kept

    # ---------------------------------------------------------------- map-reduce

    def draft(self) -> Draft:
        """The model's draft; when the server says a request overflows its context, the work
        is planned again within the smaller budget that taught (never the same request again)."""
        for _ in range(MAX_REPLANS):
            try:
                return self._draft()
            except ContextExceeded as overflow:
                if self.client.would_resend(overflow):
                    raise
                self.replans.append(
                    f"the server's context was smaller than planned ({overflow}); the work was "
                    f"split again within a {self.budget}-token budget."
                )
        raise LLMError(
            f"the requests still overflow the server's context after {MAX_REPLANS} plans; "
            "start the server with a larger context"
        )

    def _draft(self) -> Draft:
        self.notes = []
        sources = self.report_sources()
        ask = self.merge_ask(sources)
        if not self.fits(ask):
            sources = self._reduce_until_it_fits(sources, self.client.count_messages(ask.messages))
            ask = self.merge_ask(sources)
        if self.left_out:
            self.notes.append(
                f"{self.left_out} lesser claim group(s)/finding(s) were left out of the prompt "
                "to fit the token budget."
            )
        return self._complete([ask], self.prompts.merge)[0]

    def _reduce_until_it_fits(self, sources: list[Source], needed: int) -> list[Source]:
        for level in range(1, MAX_REDUCE_LEVELS + 1):
            before = self._size(sources)
            sources = self._condense(sources, one_report_per_ask=level == 1)
            if self._size(sources) >= before:
                raise LLMError(
                    "summarising the reports separately did not make them shorter; "
                    f"raise {RAISE_BUDGET}"
                )
            ask = self.merge_ask(sources)
            if self.fits(ask):
                self.notes.append(
                    f"map-reduce: the reports needed ~{needed} tokens, more than the "
                    f"{self.budget}-token budget, so they were summarised separately first "
                    f"({level} level(s)) and the notes merged."
                )
                return sources
        raise LLMError(
            f"the reports do not fit in the {self.budget}-token budget even after summarising "
            f"them separately {MAX_REDUCE_LEVELS} times; raise {RAISE_BUDGET}"
        )

    def _condense(self, sources: list[Source], one_report_per_ask: bool) -> list[Source]:
        batches = self._batches(sources, one_report_per_ask)
        drafts = self._complete([self.map_ask(batch) for batch in batches], self.prompts.map)
        return [_notes(batch, draft) for batch, draft in zip(batches, drafts, strict=True)]

    def _batches(self, sources: list[Source], one_per_batch: bool) -> list[list[Source]]:
        batches: list[list[Source]] = []
        for source in sources:
            for piece in self._pieces(source):
                if batches and not one_per_batch and self.fits(self.map_ask([*batches[-1], piece])):
                    batches[-1].append(piece)
                else:
                    batches.append([piece])
        return batches

    def _pieces(self, source: Source) -> list[Source]:
        """`source` whole, or cut at sentence (or note) bounds into parts that each fit."""
        if self.fits(self.map_ask([source])):
            return [source]
        empty = self.map_ask([source.parts([[]])[0]])
        room = self.client.prompt_budget(empty.max_tokens) - self.client.count_messages(
            empty.messages
        )
        chunks: list[list[str]] = [[]]
        used = 0
        for unit in source.units:
            size = self.client.count(unit) + 1
            if size > room:
                raise LLMError(
                    f"the token budget is too small for one sentence of report "
                    f"'{source.documents[0]}' plus the prompt; raise {RAISE_BUDGET}"
                )
            if used + size > room and chunks[-1]:
                chunks.append([])
                used = 0
            chunks[-1].append(unit)
            used += size
        return source.parts(chunks)

    def _complete(self, asks: list[Ask], user_prompt: Prompt) -> list[Draft]:
        self.used_prompts |= {self.prompts.system.label, user_prompt.label}
        return [completion.value for completion in self.client.complete_all(asks, Draft)]

    def _size(self, sources: list[Source]) -> int:
        return sum(self.client.count(source.block()) for source in sources)


def _report_source(document: Document) -> Source:
    header = {"id": attribute(document.id)}
    if document.outlet:
        header["outlet"] = quoted(document.outlet)
    if document.published:
        header["published"] = document.published.isoformat()
    if document.title:
        header["title"] = quoted(document.title)
    units = [sentence.text for sentence in document.sentences] or [document.text]
    return Source("REPORT", [document.id], header, units)


def _notes(batch: list[Source], draft: Draft) -> Source:
    documents = list(dict.fromkeys(d for source in batch for d in source.documents))
    by_fence_id = {attribute(d): d for d in documents}
    lines = []
    for sentence in draft.sentences:
        known = (report_id(citation, by_fence_id) for citation in sentence.citations)
        cited = [document for document in known if document is not None] or documents
        lines.append(f"{sentence.text.strip()} [sources: {', '.join(map(attribute, cited))}]")
    return Source("NOTES", documents, {"from": ",".join(map(attribute, documents))}, lines)


def _group_lines(analysis: Analysis, groups: list[ClaimGroup]) -> list[str]:
    """One line per fact, most widely reported first: which reports carry it, one wording."""
    ordered = sorted(groups, key=lambda group: (-len(group.documents), group.id))
    return [
        f"- fact {group.id} [{', '.join(map(attribute, group.documents))}]: "
        f'"{shorten(analysis.sentence(group.members[0]).text, 300)}"'
        for group in ordered
        if group.members
    ]


def _finding_lines(findings: list[Finding]) -> list[str]:
    ordered = sorted(findings, key=lambda finding: SEVERITY_ORDER[finding.severity])
    lines = []
    for finding in ordered:
        quotes = "; ".join(
            f'{attribute(e.document)}: "{shorten(e.quote, QUOTE_CHARS)}"' for e in finding.evidence
        )
        documents = ", ".join(map(attribute, finding.documents))
        lines.append(
            f"- {finding.kind} ({finding.severity}) [{documents}]: "
            f"{shorten(finding.explanation, 300)}" + (f" Quotes: {quotes}" if quotes else "")
        )
    return lines


class LLMComposer:
    """A neutral merged summary written by the configured model and vetted by the guard."""

    def __init__(self, llm_settings: LLMSettings | None = None, judge: SentenceJudge | None = None):
        self.settings = llm_settings or LLMSettings.from_env()
        self.judge = judge

    def compose(
        self,
        analysis: Analysis,
        groups: list[ClaimGroup],
        findings: list[Finding],
        max_words: int,
        fill: bool = True,
    ) -> Summary:
        """Raises LLMError (one line, no key) when the endpoint cannot be used or gives nothing
        the reports support. The guard's judge defaults to summarize.judge.Judge. `fill` is the
        extractive composer's: a model writes each fact once, in its own words, either way."""
        client = LLMClient(self.settings)
        composer = _Composer(client, analysis, groups, findings, max_words)
        draft = composer.draft()
        judge = self.judge or Judge(analysis)
        sentences, tally = guard(draft, analysis, judge, max_words)
        notes = [
            *client.usage_notes("LLM summary", composer.used_prompts),
            *composer.replans,
            *composer.notes,
            tally.note(),
        ]
        if not sentences:
            raise NothingSupported(
                f"none of the {len(draft.sentences)} sentence(s) the model wrote is supported by "
                "the reports"
            )
        return Summary(sentences=sentences, backend="llm", notes=notes)
