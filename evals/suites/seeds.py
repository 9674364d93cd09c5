"""Seeds: the five seed reports (`examples/syria-hama/`) as a one-cluster dataset, scored against
the hand-written gold (`data/seeds_gold.json`, see `data/SEEDS_GOLD.md`).

The gold is kept apart from the reports (which stay where the README shows them) and joined here
into the cluster line a user's dataset would hold; from then on it is a dataset like any other.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from evals import DATA_DIR
from evals.dataset import Dataset, parse_dataset
from evals.gold import GoldFinding, KeyFact, NonConflict
from evals.suites import DatasetSuite

SEEDS_GOLD_PATH = DATA_DIR / "seeds_gold.json"
PROJECT_DIR = DATA_DIR.parent.parent

# Five reports of ~400-600 words with 12 key facts: a reader's brief needs about 250 words to
# carry them; a short brief of 120 words (`seeds_short`) is scored too: how many facts fit in it.
SEEDS_MAX_WORDS = 250
SEEDS_SHORT_WORDS = 120


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


def seeds_line(gold: SeedsGold) -> dict[str, object]:
    """The seed cluster as a dataset line: the reports' text under their file names, the gold."""
    return {
        "id": gold.story,
        "sources": [
            {"id": path.stem, "text": path.read_bytes().decode("utf-8")}
            for path in gold.source_paths
        ],
        "key_facts": [fact.model_dump() for fact in gold.facts],
        "expected_findings": [finding.model_dump() for finding in gold.findings],
        "not_conflicts": [item.model_dump() for item in gold.non_conflicts],
    }


def load_seeds() -> Dataset:
    import json

    line = json.dumps(seeds_line(load_seeds_gold()), ensure_ascii=False)
    return parse_dataset("seeds", str(SEEDS_GOLD_PATH), line)


SEEDS = DatasetSuite(name="seeds", load=load_seeds, max_words=SEEDS_MAX_WORDS)
SEEDS_SHORT = DatasetSuite(name="seeds_short", load=load_seeds, max_words=SEEDS_SHORT_WORDS)
