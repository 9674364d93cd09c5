"""What a dataset line may say a cluster's summary and report should contain (the gold).

A key fact is covered when one summary sentence has a variant of each of its term groups and
each of its quantities; an expected finding is found when the checker reports a finding of its
kind whose quotes overlap its quotes; a not-conflict is a set of quotes that must never be
reported as a `quantity_conflict`. The hand-written seeds gold (`data/seeds_gold.json`, see
`data/SEEDS_GOLD.md`) and user datasets use the same models.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field, field_validator, model_validator

from summarize.models import FindingKind
from summarize.text.units import CONVERSIONS

# A reference is a summary. ROUGE against it costs time and memory in proportion to its length
# times the summary's (a 10 MB reference took 60 s and 0.9 GB), so, as merge bounds what it
# reads, a line bounds its reference: about 8,000 words, over 25 times the longest summary merge
# writes by default (summarize.pipeline.MAX_DEFAULT_WORDS), scored in a second or two.
MAX_REFERENCE_CHARS = 50_000


class GoldQuantity(BaseModel):
    value: float
    unit: str = Field(default="", description="a unit name ('kilometer'), '' for a count")

    @field_validator("unit")
    @classmethod
    def _known_unit(cls, unit: str) -> str:
        if unit and unit not in CONVERSIONS:
            raise ValueError(f"unknown unit '{unit}' (e.g. {', '.join(sorted(CONVERSIONS)[:4])})")
        return unit


class KeyFact(BaseModel):
    """A fact a merged summary must carry, and the words that show a sentence carries it.

    A dataset may give a bare list of strings: the alternatives, any one of which shows it."""

    id: str = ""
    fact: str = ""
    documents: list[str] = Field(default_factory=list)
    contested: bool = Field(default=False, description="the reports present it as someone's claim")
    terms: list[list[str]] = Field(
        default_factory=list, description="every group must match one of its variants"
    )
    quantities: list[GoldQuantity] = Field(default_factory=list)
    note: str = ""

    @model_validator(mode="before")
    @classmethod
    def _alternatives(cls, value: Any) -> Any:
        return {"terms": [value]} if isinstance(value, list) else value

    @model_validator(mode="after")
    def _something_to_match(self) -> KeyFact:
        if not self.terms and not self.quantities:
            raise ValueError(
                "a key fact needs words ('terms' or a list of alternatives) or numbers"
            )
        if any(not group or not all(variant.strip() for variant in group) for group in self.terms):
            raise ValueError("every term group needs at least one non-empty variant")
        return self


class GoldQuote(BaseModel):
    document: str
    quote: str = Field(min_length=1)


class GoldFinding(BaseModel):
    id: str = ""
    kind: FindingKind
    also_kinds: list[FindingKind] = Field(default_factory=list)
    required: bool = Field(
        default=True, description="false: acceptable to report, not needed for recall"
    )
    documents: list[str] = Field(
        default_factory=list, description="the documents involved; default: those quoted"
    )
    evidence: list[GoldQuote] = Field(min_length=1)
    note: str = ""

    @model_validator(mode="after")
    def _documents_default_to_the_quoted(self) -> GoldFinding:
        if not self.documents:
            self.documents = list(dict.fromkeys(quote.document for quote in self.evidence))
        return self

    @property
    def kinds(self) -> set[str]:
        return {self.kind, *self.also_kinds}


class NonConflict(BaseModel):
    """An apparent disagreement that is not a conflict (units, number words, spellings)."""

    id: str = ""
    what: str = ""
    allowed_kinds: list[FindingKind] = Field(
        default_factory=list, description="kinds that would still be right here (documentation)"
    )
    evidence: list[GoldQuote] = Field(min_length=1)


class Gold(BaseModel):
    """The optional fields of a dataset line; each is scored when present."""

    reference: str | None = Field(default=None, description="a human-written summary")
    key_facts: list[KeyFact] = Field(default_factory=list)
    expected_findings: list[GoldFinding] = Field(
        default_factory=list,
        description="what the checker should find; given, even empty, it scores precision: a "
        "cluster labelled with no findings makes every finding on it a false alarm",
    )
    not_conflicts: list[NonConflict] = Field(default_factory=list)
    judged_false: list[GoldFinding] = Field(
        default_factory=list,
        description="findings a reader judged false: found again they are false alarms, listed "
        "apart from the findings nobody has judged yet",
    )
    max_words: int | None = Field(default=None, gt=0)

    @field_validator("reference")
    @classmethod
    def _summary_sized(cls, reference: str | None) -> str | None:
        if reference is not None and len(reference) > MAX_REFERENCE_CHARS:
            raise ValueError(
                f"too long for a summary: {len(reference):,} characters (limit "
                f"{MAX_REFERENCE_CHARS:,}; ROUGE's cost grows with the reference's length)"
            )
        return reference

    @model_validator(mode="after")
    def _ids(self) -> Gold:
        """Items without an id are named by kind and position: 'fact-2', 'finding-1'."""
        for number, fact in enumerate(self.key_facts, 1):
            fact.id = fact.id or f"fact-{number}"
        for number, finding in enumerate(self.expected_findings, 1):
            finding.id = finding.id or f"finding-{number}"
        for number, item in enumerate(self.not_conflicts, 1):
            item.id = item.id or f"not-conflict-{number}"
        for number, finding in enumerate(self.judged_false, 1):
            finding.id = finding.id or f"judged-false-{number}"
        return self

    @property
    def labels_findings(self) -> bool:
        """The line was labelled for the checker (`expected_findings` given, even empty)."""
        return "expected_findings" in self.model_fields_set

    @property
    def quotes(self) -> list[tuple[str, GoldQuote]]:
        """Every gold quote with the field it is in ('expected_findings[0].evidence[1]')."""
        evidence = [
            (f"expected_findings[{i}]", finding.evidence)
            for i, finding in enumerate(self.expected_findings)
        ] + [(f"not_conflicts[{i}]", item.evidence) for i, item in enumerate(self.not_conflicts)]
        evidence += [
            (f"judged_false[{i}]", finding.evidence) for i, finding in enumerate(self.judged_false)
        ]
        return [
            (f"{field}.evidence[{j}]", quote)
            for field, quotes in evidence
            for j, quote in enumerate(quotes)
        ]
