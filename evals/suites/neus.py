"""NeuS: the 307 test clusters as a dataset (each line has its human neutral `reference`), merged
and scored like any dataset, then shown next to ten published systems.

Every system is scored the same way: ROUGE-1/2/Lsum F1 against the reference (rouge-score,
stemming), average length, and the loaded-word rates of `evals.neutrality`.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from evals import DATA_DIR
from evals.dataset import Dataset, load_dataset
from evals.metrics import rouge, word_count
from evals.neutrality import loaded_word_rate, novel_loaded_rate
from evals.scorecard import Cell, SuiteResult, Table
from evals.suites import DatasetSuite

if TYPE_CHECKING:
    from evals.runs import Run

NEUS_DIR = DATA_DIR / "neus"
# The references average 74 words (title included), the peers 39 to 132. Summaries keep whole
# sentences, so they stay under the cap: a cap of 85 gives 74 words on average, the references'
# length (ROUGE F1 favours the reference's length; measured R-1 at caps 60/75/85/100: 38.4, 40.7,
# 41.8, 42.4 with 51, 65, 74, 87 words).
NEUS_MAX_WORDS = 85
PEERS = {
    "lexrank": "LexRank",
    "bart_large_cnn": "BART-CNN",
    "bart_large_multi": "BART-Multi",
    "pegasus_cnn": "PEGASUS-CNN",
    "pegasus_multi": "PEGASUS-Multi",
    "led_baseline": "LED",
    "led_event_relation_graph": "LED + event graph",
    "llama_baseline": "Llama-2",
    "llama_event_relation_graph": "Llama-2 + event graph",
    "neus": "NeuS",
}
# System markup, not words: PEGASUS's sentence breaks, the Multi-News lead dash, NeuS's tags.
_MARKUP = re.compile(r"<n>|^\s*–\s+|\b[A-Z]+=>\s*")


def clean_output(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


def load_peer(name: str, directory: Path = NEUS_DIR / "baselines") -> list[str]:
    """The system's outputs, one per line of clusters.jsonl, in its order."""
    lines = (directory / f"{name}.txt").read_text(encoding="utf-8").removesuffix("\n").split("\n")
    return [clean_output(line) for line in lines]


@dataclass(frozen=True)
class SystemScores:
    name: str
    rouge1: float | None
    rouge2: float | None
    rouge_lsum: float | None
    words: float
    loaded_rate: float
    novel_loaded_rate: float

    def row(self) -> list[Cell]:
        return [self.name, *(getattr(self, field.name) for field in fields(self)[1:])]


OUR_METRICS = ("rouge1", "rouge2", "rougeLsum", "words", "loaded_rate", "novel_loaded_rate")
COLUMNS = ["system", "R-1", "R-2", "R-Lsum", "words", "loaded/100w", "loaded not in ref/100w"]


def score_system(name: str, outputs: list[str], references: list[str]) -> SystemScores:
    scores = rouge(outputs, references)
    return SystemScores(
        name=name,
        rouge1=scores["rouge1"],
        rouge2=scores["rouge2"],
        rouge_lsum=scores["rougeLsum"],
        words=statistics.fmean(word_count(text) for text in outputs),
        loaded_rate=statistics.fmean(loaded_word_rate(text) for text in outputs),
        novel_loaded_rate=statistics.fmean(
            novel_loaded_rate(text, reference)
            for text, reference in zip(outputs, references, strict=True)
        ),
    )


def score_references(references: list[str]) -> SystemScores:
    return SystemScores(
        name="reference",
        rouge1=None,
        rouge2=None,
        rouge_lsum=None,
        words=statistics.fmean(word_count(text) for text in references),
        loaded_rate=statistics.fmean(loaded_word_rate(text) for text in references),
        novel_loaded_rate=0.0,
    )


def add_peers(result: SuiteResult, dataset: Dataset, run: Run) -> None:
    """The table of ours next to the ten published systems, scored the same way on the same
    clusters, and how many of them our ROUGE-1 beats."""
    scored = {case.id for case in result.cases if case.error is None}
    cases = [case for case in dataset.cases if case.id in scored]
    references = [case.gold.reference or "" for case in cases]
    peers = []
    for name, label in PEERS.items():
        outputs = load_peer(name)
        peers.append(score_system(label, [outputs[case.line - 1] for case in cases], references))
    metrics = result.metrics
    ours = [f"summarize ({run.name})"] + [metrics.get(f"merge.{name}") for name in OUR_METRICS]
    rows = [ours, *(system.row() for system in [*peers, score_references(references)])]
    rouge1 = metrics.get("merge.rouge1")
    if rouge1 is not None:
        metrics["peers_below_rouge1"] = float(
            sum(peer.rouge1 is not None and peer.rouge1 < rouge1 for peer in peers)
        )
    result.tables.append(
        Table(
            title=f"NeuS test, {len(cases)} clusters: ours next to ten published systems",
            columns=COLUMNS,
            rows=rows,
            note=(
                f"Ours: merge at max {run.max_words or NEUS_MAX_WORDS} words, no title. Peers: "
                "published outputs (Lei & Huang, ACL 2025) with their markup removed. Loaded "
                "words: summarize.analyze.framing's evaluative and one-sided terms (mostly from "
                "the bias lexicon of Recasens et al., ACL 2013), per 100 words; 'not in ref' "
                "counts only those the human neutral reference does not use."
            ),
        )
    )


def load_neus() -> Dataset:
    return load_dataset(NEUS_DIR / "clusters.jsonl", "neus")


NEUS = DatasetSuite(
    name="neus",
    load=load_neus,
    max_words=NEUS_MAX_WORDS,
    finish=add_peers,
)
