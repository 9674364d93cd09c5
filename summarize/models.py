"""The pydantic models passed between the stages.

ingest -> Document; analyze -> Analysis; align -> ClaimGroup; check -> Finding;
compose -> Summary; the Report gathers them for rendering. All character offsets
(`start`, `end`) index into `Document.text`, so `text[start:end]` is the quote.
"""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, Field

# ---------------------------------------------------------------- ingest


class Sentence(BaseModel):
    index: int = Field(description="position of the sentence in its document, from 0")
    paragraph: int = Field(description="position of its paragraph in the document, from 0")
    start: int
    end: int
    text: str


class Document(BaseModel):
    id: str = Field(description="stable readable id: the file stem or the id given in a cluster")
    path: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None
    dateline: str | None = Field(default=None, description="place the story was filed from")
    text: str = Field(description="clean body text; every offset refers to it")
    sentences: list[Sentence] = Field(default_factory=list)

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence holding the character at `offset` of the text."""
        return next((s for s in self.sentences if s.start <= offset < s.end), None)


class InputProblem(BaseModel):
    """An input that could not be used, and why, in words a user understands."""

    source: str
    message: str


class Cluster(BaseModel):
    """The reports of one event, as read from files, a directory, stdin or one JSONL line."""

    id: str
    documents: list[Document]
    problems: list[InputProblem] = Field(default_factory=list)


# ---------------------------------------------------------------- analyze


class Span(BaseModel):
    start: int
    end: int
    text: str

    def within(self, sentence: Sentence) -> tuple[int, int]:
        """The span's start and end in the sentence's own text (spans hold document offsets)."""
        return self.start - sentence.start, self.end - sentence.start


Bound = Literal["exact", "approximate", "at_least", "at_most", "range"]
Statement = Literal["actual", "expected", "forecast", "estimate", "target"]
Form = Literal["level", "change", "rate", "share", "total"]


class QuantityFrame(BaseModel):
    """What a figure says about what: two figures are comparable only when their frames match.

    Read from the figure's sentence by word order (`summarize/analyze/frames/`); a part the
    sentence does not state is None, and the checker treats it as unknown, not as a match.
    """

    measure: str = Field(
        description="what is counted or measured: the counted noun ('people'), with what "
        "happened to it when the sentence says ('people killed'), or the unit's kind "
        "('length', 'money (USD)', 'percent', 'age', 'multiple (size)')"
    )
    subject: str | None = Field(
        default=None,
        description="whose figure or of what, as written: 'the unemployment rate', 'voters'",
    )
    time: str | None = Field(
        default=None,
        description="when, as a key: 'month:10', 'year:2019', 'last week', 'day:monday', "
        "'since:march', 'session:after-hours', 'earlier' (the 'from' value of a change)",
    )
    statement: Statement = Field(default="actual", description="what kind of statement")
    form: Form = Field(
        default="level",
        description="a level, a change, a rate, a share, or the total a part is of ('of 5')",
    )
    period: str | None = Field(
        default=None, description="the period of a rate or of a change: 'month', 'year'"
    )


class Quantity(Span):
    """A number with what it measures or counts, normalised so reports can be compared."""

    value: float = Field(description="the number as written, in its own unit")
    unit: str = Field(description="unit as understood, e.g. 'kilometer', 'mile', '' for a count")
    normalized: float = Field(description="value in the base unit of its dimension")
    base_unit: str = Field(description="'m', 's', 'kg', 'USD', 'percent', 'count', ...")
    counted: str | None = Field(default=None, description="what is counted: 'people', 'towns'")
    bound: Bound = "exact"
    low: float = Field(description="lowest normalised value the wording allows (rounding too)")
    high: float = Field(description="highest normalised value the wording allows")
    ends: tuple[float, float] | None = Field(
        default=None, description="a range's ends as written, normalised ('2,000 to 3,000')"
    )
    frame: QuantityFrame | None = Field(
        default=None, description="what the figure measures, read from its sentence"
    )


class DateMention(Span):
    value: dt.date = Field(description="resolved against the document's published date")


class EntityMention(Span):
    canonical: str = Field(description="the entity's canonical name across all documents")


class Attribution(Span):
    """Who a sentence says a claim comes from: 'SANA said', 'according to the UN'."""

    source: str = Field(description="the one making the claim, as written")
    cue: str = Field(description="the reporting verb or phrase: said, claimed, according to")
    doubt: bool = Field(default=False, description="cue casts doubt: claimed, alleged, unverified")


class SentenceAnalysis(BaseModel):
    document: str
    sentence: int
    terms: list[str] = Field(default_factory=list, description="content word stems, for alignment")
    quantities: list[Quantity] = Field(default_factory=list)
    dates: list[DateMention] = Field(default_factory=list)
    entities: list[EntityMention] = Field(default_factory=list)
    attributions: list[Attribution] = Field(default_factory=list)
    loaded_terms: list[Span] = Field(default_factory=list)
    links: dict[str, str] = Field(
        default_factory=dict,
        description="causes, motives or backing it asserts: kind of link -> the words making it",
    )


class Entity(BaseModel):
    canonical: str
    variants: list[str] = Field(description="every surface form seen, most frequent first")
    documents: list[str]


class Analysis(BaseModel):
    documents: list[Document]
    sentences: list[SentenceAnalysis] = Field(description="every sentence of every document")
    entities: list[Entity] = Field(default_factory=list)

    @cached_property
    def _documents_by_id(self) -> dict[str, Document]:
        return {document.id: document for document in self.documents}

    @cached_property
    def _analyses_by_ref(self) -> dict[tuple[str, int], SentenceAnalysis]:
        return {(item.document, item.sentence): item for item in self.sentences}

    def document(self, document_id: str) -> Document:
        return self._documents_by_id[document_id]

    def sentence(self, ref: SentenceRef | SentenceAnalysis) -> Sentence:
        return self.document(ref.document).sentences[ref.sentence]

    def analysis_of(self, ref: SentenceRef) -> SentenceAnalysis:
        return self._analyses_by_ref[(ref.document, ref.sentence)]


# ---------------------------------------------------------------- align


class SentenceRef(BaseModel):
    document: str
    sentence: int


class ClaimGroup(BaseModel):
    """Sentences from different documents that report the same fact."""

    id: int
    members: list[SentenceRef]
    similarity: float = Field(description="mean similarity of the members to the group")

    @property
    def documents(self) -> list[str]:
        return list(dict.fromkeys(member.document for member in self.members))


# ---------------------------------------------------------------- check

FindingKind = Literal[
    "quantity_conflict",
    "quantity_equivalent",
    "temporal_update",
    "framing",
    "attribution",
    "entity_variant",
    "unique_claim",
    "omission",
]
Severity = Literal["high", "medium", "low"]
SEVERITIES: tuple[Severity, ...] = ("high", "medium", "low")
SEVERITY_ORDER: dict[str, int] = {severity: rank for rank, severity in enumerate(SEVERITIES)}
# kind: (label, what it means), for people reading a report; one per FindingKind
KIND_LABELS: dict[str, tuple[str, str]] = {
    "quantity_conflict": ("Numbers differ", "the reports give values that cannot all be true"),
    "quantity_equivalent": (
        "Same number",
        "the same value in other words or units, or values that agree",
    ),
    "temporal_update": ("Updated number", "values differ because the reports are from other times"),
    "framing": ("Framing", "the same fact in differently loaded wording, or a motive or cause"),
    "attribution": ("Attribution", "stated as fact in one report, as someone's claim in another"),
    "entity_variant": ("Name variants", "one entity, several spellings"),
    "unique_claim": ("Unique claim", "a claim only one report makes"),
    "omission": ("Omission", "a fact most reports carry and one leaves out"),
}
# Kinds a report lists so that they are not mistaken for disagreements: one value in other
# words, a value updated between reports of different dates, one name spelled differently.
NOT_DISAGREEMENTS: frozenset[str] = frozenset(
    {"quantity_equivalent", "temporal_update", "entity_variant"}
)
# What a report with no findings says: the checks' reach, not a promise that the reports agree.
NOTHING_FOUND = (
    "No disagreements found by the checks (figures and units, names, attribution, wording, what "
    "one report alone says); that is no proof that the reports agree."
)
ONLY_ONE_REPORT = "Only one report: nothing to compare."
# severity: what it means, for people reading a report (the README states the rule)
SEVERITY_MEANINGS: dict[str, str] = {
    "high": "a careful reader would confirm it; resolve it before repeating the story",
    "medium": "changes how the story reads, or a disagreement the tool is less sure of",
    "low": "for the record",
}


class Evidence(BaseModel):
    document: str
    quote: str = Field(description="exact text of the document at start:end")
    start: int
    end: int
    sentence: str | None = Field(
        default=None,
        description="the sentence the quote stands in, when the quote is only part of it: "
        "a figure or a word means little without it",
    )


class ReportedValue(BaseModel):
    document: str
    text: str
    normalized: float = Field(description="signed: a fall of 5% is -5")
    unit: str
    frame: QuantityFrame | None = Field(
        default=None, description="the frame that made this value comparable with the others"
    )


class Finding(BaseModel):
    kind: FindingKind
    severity: Severity
    documents: list[str]
    evidence: list[Evidence]
    explanation: str
    values: list[ReportedValue] = Field(default_factory=list)

    def reaches(self, severity: str) -> bool:
        """At `severity` or more severe."""
        return SEVERITY_ORDER[self.severity] <= SEVERITY_ORDER[severity]


def sort_findings(findings: list[Finding]) -> list[Finding]:
    """Most severe first, then by kind and reports, so a report reads the same every run."""
    return sorted(findings, key=lambda f: (SEVERITY_ORDER[f.severity], f.kind, f.documents))


class SupportVerdict(BaseModel):
    """Whether a written sentence is backed by the reports it cites (the faithfulness guard)."""

    label: Literal["supported", "unsupported", "contradicted"]
    score: float = Field(description="0..1, how well the best source sentences cover the claim")
    reason: str = Field(description="one line a reader understands: what is missing or conflicts")
    evidence: list[SentenceRef] = Field(default_factory=list, description="best source sentences")


# ---------------------------------------------------------------- compose

Backend = Literal["extractive", "llm"]


class SummarySentence(BaseModel):
    text: str
    citations: list[str] = Field(description="ids of the documents that support the sentence")
    sources: list[SentenceRef] = Field(
        default_factory=list, description="the report sentences it was taken or checked against"
    )


class Summary(BaseModel):
    sentences: list[SummarySentence]
    backend: Backend
    notes: list[str] = Field(default_factory=list, description="what a reader should know")


# ---------------------------------------------------------------- report


class DocumentInfo(BaseModel):
    id: str
    path: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    title: str | None = None


class Report(BaseModel):
    """What `check` and `merge` print; the JSON contract of ARCHITECTURE.md."""

    id: str | None = Field(default=None, description="cluster id, when the input named one")
    documents: list[DocumentInfo]
    findings: list[Finding]
    summary: list[SummarySentence] | None = None
    backend: Backend | None = None
    notes: list[str] = Field(default_factory=list)
    problems: list[InputProblem] = Field(default_factory=list)
