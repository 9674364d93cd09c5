"""The faithfulness guard: no sentence a model writes is shown unless the reports back it.

Policy, per sentence (a text the model gives as one sentence is split into the sentences it
really holds, each judged on its own with the text's citations):
- a sentence that does not end as a sentence does (cut off mid-way) is removed;
- citations to ids that are not among the reports are dropped;
- the sentence is judged against the reports it cites (all reports when it cites none); the
  judge's "supported" counts only when its evidence covers at least MIN_COVERAGE of it;
- contradicted by them: removed;
- not supported by them: judged against all reports; kept with corrected citations when some
  report supports it, otherwise removed (not kept with a mark: a reader skims past marks, and
  a merged summary must not carry claims no report makes);
- sentences past the word limit are cut.
The counts go into the summary's notes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from pydantic import BaseModel, Field

from summarize.llm.fences import attribute
from summarize.models import Analysis, SummarySentence, SupportVerdict
from summarize.text.sentences import is_finished, split_sentences


class SentenceJudge(Protocol):
    """What the guard needs of a judge (summarize.judge.Judge is one)."""

    def judge(self, claim: str, citations: Sequence[str] | None = None) -> SupportVerdict: ...


# A model's sentence must be covered this much by the report sentences that support it. The
# judge called a sentence of a model supported at 17% coverage, an interpretation no report
# makes; a report's own sentences judged against the report they paraphrase (seeds 001 and 003
# against 000) are never below 40% when supported.
MIN_COVERAGE = 0.35
SENTENCE_CHARS = 500  # no summary sentence is longer; the schema says so to grammar servers


class DraftSentence(BaseModel):
    text: str = Field(
        min_length=1, max_length=SENTENCE_CHARS, description="one sentence of the summary"
    )
    citations: list[str] = Field(description="ids of the reports that support the sentence")


class Draft(BaseModel):
    """What the model must answer, for notes (map) and for the summary (reduce) alike."""

    sentences: list[DraftSentence] = Field(min_length=1)


@dataclass
class GuardTally:
    kept: int = 0
    contradicted: int = 0
    unsupported: int = 0
    citations_fixed: int = 0
    unknown_citations: int = 0
    over_word_limit: int = 0
    unfinished: int = 0

    def note(self) -> str:
        removed = self.contradicted + self.unsupported + self.unfinished
        reasons = (
            f"{self.contradicted} contradicted by their sources, {self.unsupported} unsupported"
        )
        if self.unfinished:
            reasons += f", {self.unfinished} unfinished"
        parts = [f"faithfulness guard: kept {self.kept} sentence(s); removed {removed} ({reasons})"]
        if self.citations_fixed:
            parts.append(f"corrected the citations of {self.citations_fixed}")
        if self.unknown_citations:
            parts.append(f"dropped {self.unknown_citations} citation(s) to unknown report ids")
        if self.over_word_limit:
            parts.append(f"cut {self.over_word_limit} sentence(s) over the word limit")
        return "; ".join(parts) + "."


def _backed(verdict: SupportVerdict) -> bool:
    """Supported, with most of the sentence covered by its evidence."""
    return verdict.label == "supported" and verdict.score >= MIN_COVERAGE


def report_id(citation: str, by_fence_id: dict[str, str]) -> str | None:
    """The report a citation names; models sometimes wrap ids as "id=x", "[x]" or quotes, or
    keep the punctuation that followed the id in the prompt ("x:", "x,")."""
    cleaned = citation.strip().removeprefix("id=").strip("[]()\"'`:;,. ")
    return by_fence_id.get(cleaned)


def guard(
    draft: Draft, analysis: Analysis, judge: SentenceJudge, max_words: int
) -> tuple[list[SummarySentence], GuardTally]:
    """The sentences of `draft` the reports back, with checked citations, within `max_words`."""
    by_fence_id = {attribute(document.id): document.id for document in analysis.documents}
    tally = GuardTally()
    kept: list[SummarySentence] = []
    words = 0
    for sentence in draft.sentences:
        known = [report_id(c, by_fence_id) for c in sentence.citations]
        tally.unknown_citations += known.count(None)
        citations = list(dict.fromkeys(c for c in known if c is not None))
        for text in split_sentences(" ".join(sentence.text.split())):
            if not is_finished(text):
                tally.unfinished += 1
                continue
            cited = citations
            verdict = judge.judge(text, cited or None)
            if not _backed(verdict) and verdict.label != "contradicted" and cited:
                wider = judge.judge(text, None)
                if _backed(wider):
                    verdict, cited = wider, []
            if verdict.label == "contradicted":
                tally.contradicted += 1
                continue
            if not _backed(verdict):
                tally.unsupported += 1
                continue
            if not cited:
                # The reports of the evidence that back the sentence alone (one that tells its
                # claim in other words does not back a quotation in it); else all of them.
                found = list(dict.fromkeys(ref.document for ref in verdict.evidence))
                cited = [d for d in found if _backed(judge.judge(text, [d]))] or found
                tally.citations_fixed += 1
            length = len(text.split())
            if kept and words + length > max_words:
                tally.over_word_limit += 1
                continue
            words += length
            kept.append(SummarySentence(text=text, citations=cited, sources=verdict.evidence))
    tally.kept = len(kept)
    return kept, tally
