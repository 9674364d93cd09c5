"""The hand-written gold: the seed story (`data/seeds_gold.json`; see `data/SEEDS_GOLD.md`) and
the checker dev set of NeuS clusters (`data/checker_dev/gold.jsonl`; see its README)."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from summarize.models import FindingKind

DATA_DIR = Path(__file__).resolve().parent / "data"
SEEDS_GOLD_PATH = DATA_DIR / "seeds_gold.json"
CHECKER_DEV_PATH = DATA_DIR / "checker_dev" / "gold.jsonl"
PROJECT_DIR = Path(__file__).resolve().parent.parent


class GoldQuantity(BaseModel):
    value: float
    unit: str = Field(default="", description="a unit name ('kilometer'), '' for a count")


class KeyFact(BaseModel):
    """A fact a merged summary must carry, and the words that show a sentence carries it."""

    id: str
    fact: str
    documents: list[str]
    contested: bool = Field(description="the reports present it as someone's claim")
    terms: list[list[str]] = Field(description="every group must match one of its variants")
    quantities: list[GoldQuantity] = Field(default_factory=list)
    note: str = ""


class GoldQuote(BaseModel):
    document: str
    quote: str


class GoldFinding(BaseModel):
    id: str
    kind: FindingKind
    also_kinds: list[FindingKind] = Field(default_factory=list)
    required: bool = Field(description="false: acceptable to report, not needed for recall")
    documents: list[str]
    evidence: list[GoldQuote]
    note: str = ""

    @property
    def kinds(self) -> set[str]:
        return {self.kind, *self.also_kinds}


class NonConflict(BaseModel):
    """An apparent disagreement that is not a conflict (units, number words, spellings)."""

    id: str
    what: str
    allowed_kinds: list[FindingKind]
    evidence: list[GoldQuote]


class SeedsGold(BaseModel):
    story: str
    source_dir: str = Field(description="folder of the reports, relative to the project")
    documents: list[str]
    facts: list[KeyFact]
    findings: list[GoldFinding]
    non_conflicts: list[NonConflict]

    @property
    def source_paths(self) -> list[Path]:
        return [PROJECT_DIR / self.source_dir / f"{doc_id}.txt" for doc_id in self.documents]


def load_seeds_gold(path: Path = SEEDS_GOLD_PATH) -> SeedsGold:
    return SeedsGold.model_validate_json(path.read_text(encoding="utf-8"))


class ClusterGold(BaseModel):
    """Every disagreement a careful reader found in one cluster, and the tempting non-ones."""

    cluster: str = Field(description="the cluster's id in the NeuS data")
    findings: list[GoldFinding]
    non_conflicts: list[NonConflict]
    notes: str = ""


def load_checker_dev(path: Path = CHECKER_DEV_PATH) -> list[ClusterGold]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [ClusterGold.model_validate_json(line) for line in lines if line.strip()]
