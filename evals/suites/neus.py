"""NeuS: the 307 test clusters as a dataset (each line has its human neutral `reference`), merged
and scored like any dataset at two budgets (`neus50`, `neus75`), next to two offline baselines
computed at the same budget in the same run (the lead floor and sumy's LexRank,
`evals.baselines`) and ten published systems.

Every system is scored the same way: ROUGE-1/2/Lsum F1 against the reference (rouge-score,
stemming, one sentence a line for Lsum), average length, the share of sentences retelling an
earlier one (`evals.metrics.retold_share`), and the loaded-word rates of `evals.neutrality`.
Margins make the targets checkable: `merge.rouge1_over_baselines` is ours minus the better
baseline, `merge.loaded_rate_below_others` the lowest other rate minus ours.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, fields
from pathlib import Path
from typing import TYPE_CHECKING

from evals import DATA_DIR
from evals.baselines import lead_floor, lexrank, lexrank_ranking
from evals.dataset import Dataset, load_dataset
from evals.metrics import retold_share, rouge, word_count
from evals.neutrality import loaded_word_rate, novel_loaded_rate
from evals.scorecard import Cell, SuiteResult, Table
from evals.suites import DatasetSuite
from summarize.text.sentences import split_sentences

if TYPE_CHECKING:
    from evals.runs import Run

NEUS_DIR = DATA_DIR / "neus"
# The references average 74 words (title included), the peers 39 to 132; the best published
# system (Llama-2 + event graph) writes about 50. Ours and the baselines get the same budget.
NEUS_BUDGETS = (50, 75)
PEERS = {
    "lexrank": "LexRank (published)",
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
    retold: float | None
    loaded_rate: float
    novel_loaded_rate: float

    def row(self) -> list[Cell]:
        return [self.name, *(getattr(self, field.name) for field in fields(self)[1:])]


OUR_METRICS = (
    "rouge1",
    "rouge2",
    "rougeLsum",
    "words",
    "retold",
    "loaded_rate",
    "novel_loaded_rate",
)
COLUMNS = [
    "system",
    "R-1",
    "R-2",
    "R-Lsum",
    "words",
    "retold",
    "loaded/100w",
    "loaded not in ref/100w",
]


def pooled_retold(outputs: list[str]) -> float | None:
    """The share of sentences after each output's first that retell an earlier one, over all
    outputs (as `merge.retold` pools clusters)."""
    told = [split_sentences(text) for text in outputs]
    later = sum(max(len(sentences) - 1, 0) for sentences in told)
    if not later:
        return None
    return sum((retold_share(s) or 0.0) * (len(s) - 1) for s in told if len(s) > 1) / later


def score_system(name: str, outputs: list[str], references: list[str]) -> SystemScores:
    scores = rouge(outputs, references)
    return SystemScores(
        name=name,
        rouge1=scores["rouge1"],
        rouge2=scores["rouge2"],
        rouge_lsum=scores["rougeLsum"],
        words=statistics.fmean(word_count(text) for text in outputs),
        retold=pooled_retold(outputs),
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
        retold=pooled_retold(references),
        loaded_rate=statistics.fmean(loaded_word_rate(text) for text in references),
        novel_loaded_rate=0.0,
    )


def compare(result: SuiteResult, dataset: Dataset, run: Run) -> None:
    """The table of ours next to the lead floor and LexRank at the same budget and the ten
    published systems (at their own lengths), scored the same way on the same clusters; and
    the margins that say whether ours is above both baselines and the least loaded."""
    scored = {case.id for case in result.cases if case.error is None}
    cases = [case for case in dataset.cases if case.id in scored]
    budget = run.max_words or _budget(result.name)
    references = [case.gold.reference or "" for case in cases]
    documents = [case.cluster.documents for case in cases]
    floor = score_system("lead floor", [lead_floor(d, budget) for d in documents], references)
    ranked = score_system(
        "LexRank (sumy)", [lexrank(d, budget, lexrank_ranking(d)) for d in documents], references
    )
    outputs = {name: load_peer(name) for name in PEERS}
    peers = [
        score_system(label, [outputs[name][case.line - 1] for case in cases], references)
        for name, label in PEERS.items()
    ]
    metrics = result.metrics
    ours = [f"summarize ({run.name})"] + [metrics.get(f"merge.{name}") for name in OUR_METRICS]
    for field, name in (("rouge1", "rouge1"), ("rouge2", "rouge2"), ("rouge_lsum", "rougeLsum")):
        value = metrics.get(f"merge.{name}")
        best = max(getattr(floor, field), getattr(ranked, field))
        metrics[f"lead_floor.{name}"] = getattr(floor, field)
        metrics[f"lexrank.{name}"] = getattr(ranked, field)
        metrics[f"merge.{name}_over_baselines"] = None if value is None else value - best
    words, loaded = metrics.get("merge.words"), metrics.get("merge.loaded_rate")
    metrics["merge.budget_used"] = None if words is None else words / budget
    others = min(system.loaded_rate for system in [floor, ranked, *peers])
    metrics["merge.loaded_rate_below_others"] = None if loaded is None else others - loaded
    rouge1 = metrics.get("merge.rouge1")
    if rouge1 is not None:
        metrics["peers_below_rouge1"] = float(
            sum(peer.rouge1 is not None and peer.rouge1 < rouge1 for peer in peers)
        )
    systems = [floor, ranked, *peers, score_references(references)]
    result.tables.append(
        Table(
            title=(
                f"NeuS test, {len(cases)} clusters, {budget} words: ours and two offline "
                "baselines at the same budget, next to ten published systems"
            ),
            columns=COLUMNS,
            rows=[ours, *(system.row() for system in systems)],
            note=(
                f"Ours: merge at max {budget} words. Lead floor: the reports' titles, then their "
                f"lead sentences, round-robin, cut at {budget} words. Retold: the share of "
                "sentences after the first whose other sentence before it holds 70% of its "
                "content words. LexRank: sumy's LexRank "
                "over every sentence (titles included), best first while they fit, with the "
                "project's sentence splitter and stems. Peers: published outputs (Lei & Huang, "
                "ACL 2025) at their own lengths, markup removed. Loaded words: "
                "summarize.analyze.framing's evaluative and one-sided terms (mostly from the bias "
                "lexicon of Recasens et al., ACL 2013), per 100 words; 'not in ref' counts only "
                "those the human neutral reference does not use."
            ),
        )
    )


def _budget(suite: str) -> int:
    return int(suite.removeprefix("neus"))


def load_neus() -> Dataset:
    return load_dataset(NEUS_DIR / "clusters.jsonl", "neus")


NEUS_50, NEUS_75 = (
    DatasetSuite(name=f"neus{budget}", load=load_neus, max_words=budget, finish=compare)
    for budget in NEUS_BUDGETS
)
