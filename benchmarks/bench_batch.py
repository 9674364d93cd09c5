"""The 307 NeuS clusters through `run_batch` (jobs 1 and 2) next to sumy's LexRank, in one script.

Run by hand: `python benchmarks/bench_batch.py [--ray] [--repeat 3]`; it prints a table (the
fastest of `--repeat` runs of each system: the machine is shared). Not a timed test.

- summarize: `summarize.batch.run_batch` on evals/data/neus/clusters.jsonl (the pool's start-up
  and the workers' lazy loading included: about 0.5 s a run), and a plain in-process `merge` loop
  for comparison; `--ray` adds the Ray engine on a local instance of as many CPUs as cores (its
  start-up not included, and its workers stay warm from one repeat to the next).
- LexRank: the NeuS suite's baseline, `evals.baselines.lexrank` (sumy, from the `eval` extra,
  with the project's sentence splitter and stems).
- Both get the NeuS suite's first word budget (`NEUS_BUDGETS[0]`).
- ROUGE-1/2/L/Lsum F1 x100 (rouge-score, use_stemmer=True) against each cluster's `reference`;
  Lsum sees one sentence a line.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.baselines import lexrank
from evals.metrics import split_sentences, word_count
from evals.suites.neus import NEUS_BUDGETS
from summarize.batch import run_batch
from summarize.ingest import cluster_from_record
from summarize.pipeline import merge

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT / "evals" / "data" / "neus" / "clusters.jsonl"
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
BUDGET = NEUS_BUDGETS[0]


def rouge_scores(outputs: list[str], references: list[str]) -> dict[str, float]:
    from rouge_score import rouge_scorer

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    totals = dict.fromkeys(ROUGE_TYPES, 0.0)
    for output, reference in zip(outputs, references, strict=True):
        scores = scorer.score(
            "\n".join(split_sentences(reference)), "\n".join(split_sentences(output))
        )
        for name in ROUGE_TYPES:
            totals[name] += scores[name].fmeasure
    return {name: 100 * total / len(outputs) for name, total in totals.items()}


def batch_summaries(output_path: Path) -> dict[str, str]:
    """cluster id -> summary text, from a batch output (error records count as empty)."""
    summaries = {}
    for line in output_path.read_text(encoding="utf-8").splitlines():
        report = json.loads(line)
        summaries[report["id"]] = " ".join(s["text"] for s in report.get("summary", []))
    return summaries


def fastest(run: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    """The shortest wall time of `repeat` runs, and the result of the last one."""
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - started)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--ray", action="store_true", help="add the Ray engine (local instance)")
    parser.add_argument(
        "--repeat", type=int, default=3, help="runs of each system; the fastest counts"
    )
    args = parser.parse_args()
    records = [json.loads(line) for line in NEUS.read_text(encoding="utf-8").splitlines()]
    ids = [record["id"] for record in records]
    references = [record["reference"] for record in records]
    rows: list[tuple[str, float, list[str]]] = []  # (system, seconds, summaries in input order)

    with tempfile.TemporaryDirectory() as scratch:
        runs: list[tuple[str, dict[str, Any]]] = [
            (f"summarize batch --jobs {jobs}", {"jobs": jobs}) for jobs in (1, 2)
        ]
        if args.ray:
            import ray

            ray.init(num_cpus=os.cpu_count(), include_dashboard=False, log_to_driver=False)
            runs.append(
                (f"summarize batch --engine ray ({os.cpu_count()} CPUs)", {"engine": "ray"})
            )
        outputs: list[Path] = []
        for label, options in runs:
            output = Path(scratch) / f"{len(outputs)}.jsonl"
            seconds, result = fastest(
                lambda options=options, output=output: run_batch(
                    NEUS, output, max_words=BUDGET, progress=False, **options
                ),
                args.repeat,
            )
            assert result.done == len(records), result
            summaries = batch_summaries(output)
            rows.append((label, seconds, [summaries[i] for i in ids]))
            outputs.append(output)
        same = len({tuple(sorted(path.read_text().splitlines())) for path in outputs}) == 1

    seconds, reports = fastest(
        lambda: [merge(cluster_from_record(r), BUDGET) for r in records], args.repeat
    )
    rows.append(
        (
            "summarize merge loop, in process",
            seconds,
            [" ".join(s.text for s in report.summary or []) for report in reports],
        )
    )
    clusters = [cluster_from_record(record) for record in records]
    lexrank(clusters[0].documents, BUDGET)  # sumy's import and set-up, once, outside the timing
    seconds, ranked = fastest(
        lambda: [lexrank(cluster.documents, BUDGET) for cluster in clusters], args.repeat
    )
    rows.append(("LexRank (sumy), in process", seconds, ranked))

    print(
        f"NeuS test: {len(records)} clusters, {BUDGET}-word budget, "
        f"{os.cpu_count()} cores, fastest of {args.repeat} runs"
    )
    header = f"{'system':<44} {'s':>6} {'clusters/s':>10} {'R-1':>6} {'R-2':>6} {'R-L':>6}"
    print(f"{header} {'R-Lsum':>6} {'words':>6}")
    for label, seconds, summaries in rows:
        scores = rouge_scores(summaries, references)
        words = statistics.fmean(word_count(summary) for summary in summaries)
        print(
            f"{label:<44} {seconds:>6.2f} {len(records) / seconds:>10.1f} "
            + " ".join(f"{scores[name]:>6.2f}" for name in ROUGE_TYPES)
            + f" {words:>6.1f}"
        )
    print(f"batch outputs identical across runs (sorted lines): {same}")


if __name__ == "__main__":
    main()
