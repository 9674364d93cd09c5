"""The 307 NeuS clusters through `run_batch` (jobs 1 and 2) next to sumy's LexRank, in one script.

Run by hand: `python benchmarks/bench_batch.py [--ray] [--repeat 3]`; it prints a table (the
fastest of `--repeat` runs of each system: the machine is shared). Not a timed test.

- summarize: `summarize.batch.run_batch` on evals/data/neus/clusters.jsonl (the pool's start-up
  and the workers' lazy loading included: about 0.5 s a run), and a plain in-process `merge` loop
  for comparison; `--ray` adds the Ray engine on a local instance of as many CPUs as cores (its
  start-up not included, and its workers stay warm from one repeat to the next).
- LexRank: `sumy` (install by hand, `pip install sumy`; not a project dependency) on the three
  reports of each cluster put together, one paragraph each. sumy's own tokenizer needs nltk's
  punkt data (a download), so LexRank gets the splitter the evals use for peer outputs
  (`evals.metrics.split_sentences`) and a plain word regex; sumy's stemmer and stop words ship
  with it.
- Both get the same word budget as the NeuS eval suite (`NEUS_MAX_WORDS`): whole sentences, best
  first, while they fit (at least one), shown in document order.
- ROUGE-1/2/L/Lsum F1 x100 (rouge-score, use_stemmer=True) against each cluster's `reference`;
  Lsum sees one sentence a line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from evals.metrics import split_sentences, word_count
from evals.suites.neus import NEUS_MAX_WORDS
from summarize.batch import run_batch
from summarize.ingest import cluster_from_record
from summarize.pipeline import merge

ROOT = Path(__file__).resolve().parent.parent
NEUS = ROOT / "evals" / "data" / "neus" / "clusters.jsonl"
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL", "rougeLsum")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


class _WordTokenizer:
    """What sumy asks of a tokenizer for an already split sentence: its words."""

    language = "english"

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


def _within_budget(max_words: int) -> Callable[[Sequence[Any]], list[Any]]:
    """For sumy: from sentences sorted best first, those that fit in `max_words` (one at least)."""

    def take(infos: Sequence[Any]) -> list[Any]:
        chosen, used = [], 0
        for info in infos:
            words = word_count(str(info.sentence))
            if not chosen or used + words <= max_words:
                chosen.append(info)
                used += words
        return chosen

    return take


@cache
def _lexrank() -> Any:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return summarizer


def lexrank_summary(sources: list[str], max_words: int) -> str:
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = _WordTokenizer()
    document = ObjectDocumentModel(
        [
            Paragraph([Sentence(text, tokenizer) for text in split_sentences(source)])
            for source in sources
        ]
    )
    chosen = _lexrank()(document, _within_budget(max_words))
    return " ".join(str(sentence) for sentence in chosen)


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
                    NEUS, output, max_words=NEUS_MAX_WORDS, progress=False, **options
                ),
                args.repeat,
            )
            assert result.done == len(records), result
            summaries = batch_summaries(output)
            rows.append((label, seconds, [summaries[i] for i in ids]))
            outputs.append(output)
        same = len({tuple(sorted(path.read_text().splitlines())) for path in outputs}) == 1

    seconds, reports = fastest(
        lambda: [merge(cluster_from_record(r), NEUS_MAX_WORDS) for r in records], args.repeat
    )
    rows.append(
        (
            "summarize merge loop, in process",
            seconds,
            [" ".join(s.text for s in report.summary or []) for report in reports],
        )
    )
    _lexrank()  # sumy's import and stemmer set-up, once, outside the timing
    seconds, lexrank = fastest(
        lambda: [lexrank_summary(record["sources"], NEUS_MAX_WORDS) for record in records],
        args.repeat,
    )
    rows.append(("LexRank (sumy), in process", seconds, lexrank))

    print(
        f"NeuS test: {len(records)} clusters, {NEUS_MAX_WORDS}-word budget, "
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
