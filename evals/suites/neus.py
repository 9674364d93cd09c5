"""NeuS: merge each of the 307 test clusters and score it next to two offline baselines at the
same word budget, computed in the same run (the lead floor and sumy's LexRank, `evals.baselines`),
and next to ten published systems.

Every system is scored the same way: ROUGE-1/2/Lsum F1 against the human neutral reference
(rouge-score, stemming), average length, and the loaded-word rates of `evals.neutrality`. The
suite runs at each budget of NEUS_BUDGETS; a metric's name starts with its budget ("50w.rouge1").
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass, fields
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from evals.baselines import lead_floor, lexrank, lexrank_ranking
from evals.gold import DATA_DIR
from evals.metrics import rouge, word_count
from evals.neutrality import loaded_word_rate, novel_loaded_rate
from evals.scorecard import Cell, SuiteResult, Table
from summarize.ingest import cluster_from_record
from summarize.pipeline import merge

if TYPE_CHECKING:
    from evals.suites import Progress
    from summarize.llm.settings import LLMSettings
    from summarize.models import Backend

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


@cache
def load_clusters(path: Path = NEUS_DIR / "clusters.jsonl") -> tuple[dict[str, Any], ...]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return tuple(json.loads(line) for line in lines if line.strip())


def clean_output(text: str) -> str:
    return " ".join(_MARKUP.sub(" ", text).split())


def load_peer(name: str, directory: Path = NEUS_DIR / "baselines") -> list[str]:
    lines = (directory / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    return [clean_output(line) for line in lines[: len(load_clusters())]]


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


def run_neus(backend: Backend, llm_settings: LLMSettings | None, progress: Progress) -> SuiteResult:
    records = load_clusters()
    references = [record["reference"] for record in records]
    clusters = [cluster_from_record(record) for record in records]
    progress.start(total=len(records) * (len(NEUS_BUDGETS) + 1) + len(PEERS))
    rankings = []
    for cluster in clusters:
        rankings.append(lexrank_ranking(cluster.documents))
        progress.advance()
    peers = []
    for name, label in PEERS.items():
        peers.append(score_system(label, load_peer(name), references))
        progress.advance()
    metrics: dict[str, float | None] = {}
    tables = []
    for budget in NEUS_BUDGETS:
        outputs = []
        for cluster in clusters:
            report = merge(cluster, budget, backend=backend, llm_settings=llm_settings)
            outputs.append(" ".join(sentence.text for sentence in report.summary or []))
            progress.advance()
        ours = score_system(f"summarize ({backend})", outputs, references)
        floor = score_system(
            "lead floor", [lead_floor(c.documents, budget) for c in clusters], references
        )
        ranked = score_system(
            "LexRank (sumy)",
            [lexrank(c.documents, budget, r) for c, r in zip(clusters, rankings, strict=True)],
            references,
        )
        metrics |= _budget_metrics(budget, ours, floor, ranked, peers)
        rows = [s.row() for s in [ours, floor, ranked, *peers, score_references(references)]]
        tables.append(
            Table(
                title=(
                    f"NeuS test, {len(records)} clusters, {budget} words: ours and two offline "
                    "baselines at the same budget, next to ten published systems"
                ),
                columns=COLUMNS,
                rows=rows,
                note=(
                    f"Ours: merge at max {budget} words. Lead floor: the reports' titles, then "
                    f"their lead sentences, round-robin, cut at {budget} words. LexRank: sumy's "
                    "LexRank over every sentence (titles included), best first while they fit, "
                    "with the project's sentence splitter and stems. Peers: published outputs "
                    "(Lei & Huang, ACL 2025) at their own lengths, markup removed. Loaded "
                    "words: summarize.analyze.framing's evaluative and one-sided terms (mostly "
                    "from the bias lexicon of Recasens et al., ACL 2013), per 100 words; 'not "
                    "in ref' counts only those the human neutral reference does not use."
                ),
            )
        )
    return SuiteResult(name="neus", metrics=metrics, tables=tables)


def _budget_metrics(
    budget: int,
    ours: SystemScores,
    floor: SystemScores,
    ranked: SystemScores,
    peers: list[SystemScores],
) -> dict[str, float | None]:
    """Ours at one budget, the baselines' ROUGE, and how far ours is above the better baseline
    on each ROUGE score (negative: below it)."""
    prefix = f"{budget}w."
    metrics: dict[str, float | None] = {}
    for field in ("rouge1", "rouge2", "rouge_lsum"):
        name = "rougeLsum" if field == "rouge_lsum" else field
        value = getattr(ours, field)
        baselines = [getattr(floor, field), getattr(ranked, field)]
        metrics[prefix + name] = value
        metrics[prefix + "lead_floor." + name] = baselines[0]
        metrics[prefix + "lexrank." + name] = baselines[1]
        metrics[prefix + name + "_over_baselines"] = value - max(baselines)
    assert ours.rouge1 is not None
    metrics |= {
        prefix + "words": ours.words,
        prefix + "budget_used": ours.words / budget,
        prefix + "loaded_rate": ours.loaded_rate,
        prefix + "novel_loaded_rate": ours.novel_loaded_rate,
        # The lowest loaded-word rate of the other systems minus ours (negative: not the lowest).
        prefix + "loaded_rate_below_others": min(
            system.loaded_rate for system in [floor, ranked, *peers]
        )
        - ours.loaded_rate,
        prefix + "peers_below_rouge1": float(
            sum(peer.rouge1 is not None and peer.rouge1 < ours.rouge1 for peer in peers)
        ),
    }
    return metrics
